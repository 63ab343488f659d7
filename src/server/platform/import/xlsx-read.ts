import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { BAD_SHARED_STRING } from './cells.js';
import { ImportFileError, importErrors } from './errors.js';
import { columnLetter, InflateBudget, type ReadLimits } from './limits.js';
import type { CellValue, TableRow } from './types.js';
import { openZip, type ZipArchive, type ZipEntry, ZipFormatError } from './zip.js';

// Why not just `for await (const ws of new WorkbookReader(path))`: ExcelJS 4.4
// unzips with unzipper's streaming Parse, which can signal the end of the zip
// as soon as the file has been read, while entries are still buffered. When
// the consumer is busy at that moment (ExcelJS copying sheets to temp files,
// which it does for Excel's usual entry order) the remaining entries are
// dropped: the workbook or shared strings go missing, and strings can come
// out empty. It is timing-dependent; the temp-file test in reader.test.ts hit
// it every time. So the zip is read with yauzl, from its central directory, and
// each part is streamed straight from the file into ExcelJS's own parsers: the
// shared strings and styles first, then the one sheet wanted. No temp files,
// and other sheets are never decompressed.

export interface SheetInfo {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Zip path of the part, e.g. `xl/worksheets/sheet1.xml`; undefined when the relationship points nowhere. */
  path: string | undefined;
  chart: boolean;
}

export interface XlsxLayout {
  entries: Map<string, ZipEntry>;
  sheets: SheetInfo[];
  sharedStringsPath: string | undefined;
  stylesPath: string | undefined;
  date1904: boolean;
}

const MAX_METADATA_BYTES = 16 * 1024 * 1024;

function decodeXmlText(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

// Attribute names keep their prefix (`r:id`); the prefix is arbitrary, so callers match on the local part.
function attributes(tagBody: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tagBody.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set(m[1] ?? '', decodeXmlText(m[2] ?? m[3] ?? ''));
  }
  return out;
}

function localAttr(attrs: Map<string, string>, local: string): string | undefined {
  for (const [k, v] of attrs) if (k === local || k.endsWith(`:${local}`)) return v;
  return undefined;
}

function tags(xml: string, local: string): Map<string, string>[] {
  const re = new RegExp(`<(?:[\\w-]+:)?${local}(?:\\s([^>]*?))?\\/?>`, 'g');
  return [...xml.matchAll(re)].map((m) => attributes(m[1] ?? ''));
}

function describeZip(entries: Map<string, ZipEntry>): Error {
  if (entries.has('xl/workbook.bin')) {
    return importErrors.unsupportedFormat('tệp Excel dạng nhị phân (.xlsb)');
  }
  if (entries.has('word/document.xml')) return importErrors.notSpreadsheet('văn bản Word (.docx)');
  if (entries.has('ppt/presentation.xml')) return importErrors.notSpreadsheet('bản trình chiếu PowerPoint (.pptx)');
  if (entries.has('content.xml') && entries.has('mimetype')) {
    return importErrors.unsupportedFormat('tài liệu OpenDocument (.ods, .odt)');
  }
  return importErrors.notSpreadsheet('tệp nén (.zip)');
}

/** Reads the zip directory and the workbook part: which sheets exist, in tab order, and where each part is. */
export async function inspectXlsx(filePath: string): Promise<XlsxLayout> {
  let zip: ZipArchive | undefined;
  try {
    zip = await openZip(filePath);
    const { entries } = zip;
    const workbookEntry = entries.get('xl/workbook.xml');
    if (!workbookEntry) throw describeZip(entries);
    const workbookXml = (await zip.read(workbookEntry, MAX_METADATA_BYTES)).toString('utf8');
    const relsEntry = entries.get('xl/_rels/workbook.xml.rels');
    const relsXml = relsEntry ? (await zip.read(relsEntry, MAX_METADATA_BYTES)).toString('utf8') : '';

    const targets = new Map<string, string>();
    let sharedStringsPath: string | undefined;
    let stylesPath: string | undefined;
    for (const a of tags(relsXml, 'Relationship')) {
      const id = a.get('Id');
      const target = a.get('Target');
      if (!id || !target) continue;
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      targets.set(id, path);
      const type = a.get('Type') ?? '';
      if (type.endsWith('/sharedStrings')) sharedStringsPath = path;
      if (type.endsWith('/styles')) stylesPath = path;
    }
    const sheets: SheetInfo[] = tags(workbookXml, 'sheet').map((a) => {
      const state = a.get('state');
      const relId = localAttr(a, 'id');
      const path = relId ? targets.get(relId) : undefined;
      return {
        name: a.get('name') ?? '',
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        path: path && entries.has(path) ? path : undefined,
        chart: path?.includes('chartsheets/') ?? false,
      };
    });
    const props = tags(workbookXml, 'workbookPr')[0];
    const date1904 = props?.get('date1904') === '1' || props?.get('date1904') === 'true';
    sharedStringsPath ??= entries.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : undefined;
    stylesPath ??= entries.has('xl/styles.xml') ? 'xl/styles.xml' : undefined;
    return { entries, sheets, sharedStringsPath, stylesPath, date1904 };
  } catch (e) {
    if (e instanceof ZipFormatError) throw importErrors.corruptXlsx(e);
    throw e;
  } finally {
    zip?.close();
  }
}

/** Which sheet a caller meant: by tab index (0-based, hidden tabs counted), by name, or the first visible worksheet. */
export function chooseSheet(sheets: SheetInfo[], wanted: number | string | undefined): SheetInfo {
  const names = sheets.map((s) => s.name);
  const usable = (s: SheetInfo) => !s.chart && s.path !== undefined;
  let found: SheetInfo | undefined;
  if (wanted === undefined) {
    found = sheets.find((s) => s.state === 'visible' && usable(s)) ?? sheets.find(usable);
  } else if (typeof wanted === 'number') {
    found = sheets[wanted];
  } else {
    const key = wanted.trim().toLocaleLowerCase('vi');
    found = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.trim().toLocaleLowerCase('vi') === key);
  }
  if (!found || !usable(found)) throw importErrors.sheetNotFound(wanted ?? 0, names);
  return found;
}

// Date detection for formula results, which ExcelJS leaves as numbers. Same
// idea as Excel's: a date/time token outside quotes, brackets and escapes.
function isDateFormat(fmt: unknown): boolean {
  if (typeof fmt !== 'string' || fmt === '') return false;
  const bare = fmt
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '');
  return /[ymdh]/i.test(bare) && !/^general$/i.test(bare.trim());
}

function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

// OOXML escapes characters XML cannot carry as _xHHHH_ (Excel writes a line break in a cell as _x000D_).
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

function cleanString(s: string): string | null {
  if (s === '') return null;
  const text = s.includes('_x')
    ? s.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : s;
  return text.normalize('NFC');
}

function flatten(value: unknown, dateFormatted: boolean, date1904: boolean): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return cleanString(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return dateFormatted ? excelSerialToDate(value, date1904) : value;
  }
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return cleanString(
        (v.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join(''),
      );
    }
    if ('formula' in v || 'sharedFormula' in v) return flatten(v.result, dateFormatted, date1904);
    // A hyperlink cell: its text is what the person sees.
    if ('hyperlink' in v || 'text' in v) return flatten(v.text, false, date1904);
    // An error value such as #N/A or #REF!: kept as text so a later message can quote it.
    if (typeof v.error === 'string') return v.error;
  }
  return null;
}

// A cell element with its value: `<c r="B7" t="s"><v>12</v></c>`. Attributes in either quote style.
const CELL = /<c\b([^>]*?)(?<!\/)>((?:(?!<\/c>)[\s\S])*?)<\/c>/g;
const CELL_START = /<c[\s>]/g;

function cellType(attrs: string): string | undefined {
  return /\bt\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1];
}

// ExcelJS reads a shared-string reference with parseInt and indexes the table with it, so "1.5" becomes
// string 1 (often a header: "Tên doanh nghiệp" as a name) and an index past the end an empty cell. A cell
// whose reference is not a whole index into the table becomes an error cell; a formula whose cached result
// is an error keeps its error (ExcelJS would turn it into NaN, read as blank).
function guardCell(whole: string, attrs: string, inner: string, strings: number): string {
  const t = cellType(attrs);
  if (t === 's') {
    const v = /<v>([^<]*)<\/v>/.exec(inner)?.[1]?.trim() ?? '';
    if (/^\d+$/.test(v) && Number(v) < strings) return whole;
    return `<c${attrs.replace(/\bt\s*=\s*["'][^"']*["']/, 't="e"')}><v>${BAD_SHARED_STRING}</v></c>`;
  }
  if (t === 'e' && /<f[\s>/]/.test(inner)) {
    const v = /<v>([^<]*)<\/v>/.exec(inner)?.[1] ?? '#VALUE!';
    return `<c${attrs}><v>${v}</v></c>`;
  }
  return whole;
}

/** The sheet's XML with its damaged cells made error cells; a cell cut between two chunks waits for the next. */
async function* guardedSheet(stream: Readable, strings: number): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  const fix = (xml: string) =>
    xml.replace(CELL, (whole, attrs: string, inner: string) => guardCell(whole, attrs, inner, strings));
  for await (const chunk of stream) {
    const text = carry + (typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true }));
    // Keep from the last cell that has not closed yet (or a tag cut in half) for the next chunk.
    let cut = text.length;
    let last = -1;
    for (const m of text.matchAll(CELL_START)) last = m.index;
    if (last >= 0) {
      const rest = text.slice(last);
      if (!/<\/c>|^<c\b[^>]*\/>/.test(rest)) cut = last;
    }
    const lt = text.lastIndexOf('<');
    if (lt > text.lastIndexOf('>') && lt < cut) cut = lt;
    carry = text.slice(cut);
    const ready = text.slice(0, cut);
    if (ready) yield fix(ready);
  }
  carry += decoder.decode();
  if (carry) yield fix(carry);
}

interface StreamedCell {
  value: unknown;
  numFmt?: unknown;
}

interface StreamedRow {
  number: number;
  eachCell(opts: { includeEmpty: boolean }, cb: (cell: StreamedCell, col: number) => void): void;
}

/**
 * The parts of ExcelJS 4.4's WorkbookReader used here (package.json pins the exact version). They take a
 * stream of one part each, which is what lets the zip be read by us.
 */
interface ReaderParts {
  sharedStrings?: unknown[];
  properties?: { model: { date1904: boolean } };
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(
    entry: AsyncIterable<string>,
    sheetNo: string,
  ): Iterable<{ eventType: string; value: AsyncIterable<StreamedRow> }>;
}

const READER_OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  // Styles tell a date from a number; hyperlinks are not needed: the cell already holds the text.
  styles: 'cache',
  hyperlinks: 'ignore',
  entries: 'ignore',
} as const;

/** Streams one worksheet's rows. Rows come in sheet order with Excel's row numbers; empty rows are skipped. */
export async function* xlsxRows(
  filePath: string,
  layout: XlsxLayout,
  sheet: SheetInfo,
  limits: ReadLimits,
): AsyncGenerator<TableRow> {
  const streams: Readable[] = [];
  let zip: ZipArchive | undefined;
  const budget = new InflateBudget(limits);
  try {
    // The directory is read again, which is cheap, rather than keeping the file open between openTable() and here.
    zip = await openZip(filePath);
    const parts = [layout.sharedStringsPath, layout.stylesPath, sheet.path];
    const declared = parts.map((p) => (p ? zip?.entries.get(p) : undefined));
    budget.checkDeclared(declared.reduce((n, e) => n + (e?.uncompressedSize ?? 0), 0));
    for (const e of declared) if (e) budget.checkRatio(e.uncompressedSize, e.compressedSize);
    // Every part goes through the budget's guard: inflated bytes and item sizes are counted as they come.
    const part = async (path: string, items: readonly string[]): Promise<Readable> => {
      const entry = zip?.entries.get(path);
      if (!zip || !entry) throw new ZipFormatError(`missing part ${path}`);
      const s = await zip.stream(entry);
      const guarded = s.pipe(budget.guard(items, entry.compressedSize));
      s.on('error', (e) => guarded.destroy(e));
      streams.push(s, guarded);
      return guarded;
    };
    // The constructor only stores its input; nothing is read through it.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, READER_OPTIONS) as unknown as ReaderParts;
    reader.sharedStrings = [];
    reader.properties = { model: { date1904: layout.date1904 } };
    if (layout.sharedStringsPath) {
      for await (const _ of reader._parseSharedStrings(await part(layout.sharedStringsPath, ['si']))) {
        // With sharedStrings: 'cache' nothing is yielded; the strings land on reader.sharedStrings.
      }
    }
    if (layout.stylesPath)
      await reader._parseStyles(await part(layout.stylesPath, ['xf', 'numFmt', 'font', 'fill', 'border', 'dxf']));
    const sheetPath = sheet.path ?? '';
    const sheetNo = /(\d+)\.xml$/.exec(sheetPath)?.[1] ?? '1';
    const strings = reader.sharedStrings?.length ?? 0;
    const events = [...reader._parseWorksheet(guardedSheet(await part(sheetPath, ['c', 'row']), strings), sheetNo)];
    const worksheet = events.find((e) => e.eventType === 'worksheet')?.value;
    if (!worksheet) throw new ZipFormatError('worksheet reader not created');

    let previous = 0;
    for await (const row of worksheet) {
      // `r` is optional in OOXML; without it a row follows the one before.
      const number = Number.isFinite(row.number) && row.number > previous ? row.number : previous + 1;
      previous = number;
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const isFormula = typeof cell.value === 'object' && cell.value !== null && 'formula' in cell.value;
        const v = flatten(cell.value, isFormula && isDateFormat(cell.numFmt), layout.date1904);
        if (typeof v === 'string' && v.length > limits.maxCellChars) {
          budget.fail(importErrors.cellTooLarge(limits.maxCellChars, { row: number, column: columnLetter(col - 1) }));
        }
        if (v !== null) cells[col - 1] = v;
      });
      if (budget.broken) throw budget.broken;
      if (cells.length === 0) continue;
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      yield { row: number, cells };
    }
  } catch (e) {
    // A limit broken while inflating surfaces through ExcelJS as a parse failure: say the limit, not "damaged".
    if (budget.broken) throw budget.broken;
    if (e instanceof ImportFileError) throw e;
    throw importErrors.corruptXlsx(e);
  } finally {
    for (const s of streams) s.destroy();
    zip?.close();
  }
}
