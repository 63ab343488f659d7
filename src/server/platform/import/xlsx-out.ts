import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { exportCell } from '../files.js';

type Target = string | Writable;

function openWriter(target: Target): ExcelJS.stream.xlsx.WorkbookWriter {
  // Shared strings would hold every distinct string in memory until the end; inline strings stream.
  const base = { useStyles: true, useSharedStrings: false };
  return new ExcelJS.stream.xlsx.WorkbookWriter(
    typeof target === 'string' ? { ...base, filename: target } : { ...base, stream: target },
  );
}

// Characters XML 1.0 cannot carry; ExcelJS would write them and Excel would
// then call the whole file corrupt. 32,767 is Excel's limit for one cell.
const XML_INVALID =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const MAX_CELL_CHARS = 32_767;

function cellValue(v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.replace(XML_INVALID, '').slice(0, MAX_CELL_CHARS);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  return String(v).replace(XML_INVALID, '').slice(0, MAX_CELL_CHARS);
}

function displayWidth(v: unknown): number {
  if (v instanceof Date) return 10;
  const s = v === null || v === undefined ? '' : String(v);
  let longest = 0;
  for (const line of s.split('\n')) longest = Math.max(longest, line.length);
  return longest;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } };
const ERROR_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FFC00000' } };
const DATE_FORMAT = 'dd/mm/yyyy';

export interface RowsSheet {
  sheetName: string;
  headers: string[];
  /** Values: string, number, boolean, Date (written as dd/mm/yyyy), null; anything else is written as text. */
  rows: Iterable<unknown[]> | AsyncIterable<unknown[]>;
  /**
   * Header of the column holding error messages (an "errors" report sent back to the uploader). Added at the end
   * when `headers` does not already have it; its cells are red and wrapped.
   */
  errorColumn?: string;
}

/**
 * Writes a single-sheet workbook with the streaming writer: each row is committed and flushed as it goes, so
 * `rows` may be a generator over a large result. Header row bold, frozen and with filters.
 */
export async function writeRowsXlsx(target: Target, sheet: RowsSheet): Promise<void> {
  const headers = [...sheet.headers];
  let errorIndex = -1;
  if (sheet.errorColumn !== undefined) {
    errorIndex = headers.indexOf(sheet.errorColumn);
    if (errorIndex < 0) errorIndex = headers.push(sheet.errorColumn) - 1;
  }
  // Widths from the header and, when the rows are already in memory, the first rows.
  const widths = headers.map((h) => displayWidth(h));
  if (Array.isArray(sheet.rows)) {
    for (const r of (sheet.rows as unknown[][]).slice(0, 200)) {
      r.forEach((v, i) => {
        widths[i] = Math.max(widths[i] ?? 0, displayWidth(v));
      });
    }
  }

  const wb = openWriter(target);
  const ws = wb.addWorksheet(safeSheetName(sheet.sheetName), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  ws.columns = widths.map((w, i) => ({ width: i === errorIndex ? 60 : Math.min(Math.max(w + 2, 8), 50) }));
  if (headers.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };

  const header = ws.addRow(headers);
  header.eachCell((cell, col) => {
    cell.font = { bold: true, ...(col - 1 === errorIndex ? ERROR_FONT : {}) };
    cell.fill = col - 1 === errorIndex ? ERROR_FILL : HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  header.commit();

  for await (const values of sheet.rows) {
    const row = ws.addRow(values.map((v) => exportCell(cellValue(v))));
    values.forEach((v, i) => {
      if (v instanceof Date) row.getCell(i + 1).numFmt = DATE_FORMAT;
    });
    if (errorIndex >= 0) {
      const cell = row.getCell(errorIndex + 1);
      if (cell.value !== null && cell.value !== '') {
        cell.font = ERROR_FONT;
        cell.alignment = { wrapText: true, vertical: 'top' };
      }
    }
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

export interface TemplateField {
  label: string;
  example?: unknown;
  /** Allowed values: becomes a drop-down list on the data rows. */
  options?: readonly string[];
  /** Shown as a comment on the header cell. */
  note?: string;
}

export interface TemplateSpec {
  title: string;
  fields: readonly TemplateField[];
  sheetName?: string;
}

export const TEMPLATE_LIST_SHEET = 'Danh mục';
const TEMPLATE_LAST_ROW = 1000;
// Excel refuses an inline list ("a,b,c") longer than 255 characters, and
// cannot escape a comma or quote inside one; such lists go to a hidden sheet.
const INLINE_LIST_MAX = 255;

function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[\\/?*[\]:]/g, ' ')
    .trim()
    .slice(0, 31);
  return cleaned || 'Sheet1';
}

/**
 * An import template: title in row 1, headers in row 2 (bold, frozen, notes as comments), one example row in
 * row 3, and drop-down lists on rows 3–1000 for fields with options.
 */
export async function writeTemplateXlsx(target: Target, spec: TemplateSpec): Promise<void> {
  const { fields } = spec;
  const wb = openWriter(target);
  const ws = wb.addWorksheet(safeSheetName(spec.sheetName ?? 'Mẫu nhập'), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }],
  });
  ws.columns = fields.map((f) => ({
    width: Math.min(
      Math.max(displayWidth(f.label), displayWidth(f.example), ...(f.options ?? []).map(displayWidth), 10) + 2,
      50,
    ),
  }));

  const listed: { label: string; options: readonly string[] }[] = [];
  // The streaming writer has data validations, but its typings do not say so.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  fields.forEach((f, i) => {
    const options = f.options?.filter((o) => o !== '') ?? [];
    if (options.length === 0) return;
    const inline = options.join(',');
    const range = `${columnLetter(i + 1)}3:${columnLetter(i + 1)}${TEMPLATE_LAST_ROW}`;
    let formula: string;
    if (inline.length <= INLINE_LIST_MAX && !options.some((o) => o.includes(',') || o.includes('"'))) {
      formula = `"${inline}"`;
    } else {
      listed.push({ label: f.label, options });
      const col = columnLetter(listed.length);
      formula = `'${TEMPLATE_LIST_SHEET}'!$${col}$2:$${col}$${options.length + 1}`;
    }
    validations.add(range, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: f.label.slice(0, 32),
      error: 'Hãy chọn một giá trị trong danh sách.',
    });
  });

  // Rows by number: mergeCells creates the row it touches, and addRow would then append below it.
  const title = ws.getRow(1);
  title.getCell(1).value = spec.title;
  title.height = 24;
  title.getCell(1).font = { bold: true, size: 14 };
  title.getCell(1).alignment = { vertical: 'middle' };
  if (fields.length > 1) ws.mergeCells(1, 1, 1, fields.length);
  title.commit();

  const header = ws.getRow(2);
  header.values = fields.map((f) => f.label);
  header.height = 30;
  fields.forEach((f, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
    if (f.note) cell.note = f.note;
  });
  header.commit();

  const example = ws.getRow(3);
  example.values = fields.map((f) => cellValue(f.example));
  fields.forEach((f, i) => {
    const cell = example.getCell(i + 1);
    cell.font = { italic: true, color: { argb: 'FF7F7F7F' } };
    if (f.example instanceof Date) cell.numFmt = DATE_FORMAT;
    // A code typed as a number would lose its leading zero; keep such cells text.
    if (typeof f.example === 'string' && /^0\d/.test(f.example)) cell.numFmt = '@';
  });
  example.commit();
  ws.commit();

  if (listed.length > 0) {
    const lists = wb.addWorksheet(TEMPLATE_LIST_SHEET, { state: 'hidden' });
    const height = Math.max(...listed.map((l) => l.options.length));
    const head = lists.addRow(listed.map((l) => l.label));
    head.commit();
    for (let r = 0; r < height; r++) lists.addRow(listed.map((l) => l.options[r] ?? null)).commit();
    lists.commit();
  }
  await wb.commit();
}
