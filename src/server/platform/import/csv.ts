import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { CsvError, type Options, Parser } from 'csv-parse';
import { importErrors } from './errors.js';
import { columnLetter, type ReadLimits } from './limits.js';
import type { CellValue, TableRow } from './types.js';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export interface CsvFormat {
  encoding: CsvEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  delimiter: string;
  /** The first line was Excel's `sep=;` hint, which Excel itself does not show as a row. */
  sepLine: boolean;
  /** The number of fields most records of the sample have (at least 1). */
  width: number;
}

const DELIMITERS = [',', ';', '\t'] as const;

// A row of a member or enterprise list is a few hundred characters; a record of a megabyte is a quote that was
// never closed swallowing the rest of the file, so it stops there instead of holding the file in memory.
const MAX_RECORD_SIZE = 1024 * 1024;

type RawRecord = { record: string[]; raw: string };

// Lenient the way Excel is: a quote inside an unquoted field is literal (relax_quotes), rows may have any
// number of fields, and CR, LF or CRLF all end a record, mixed in one file (exports glued together).
// `raw` is for excelQuotes() below.
function parserOptions(delimiter: string, maxRecordSize = MAX_RECORD_SIZE): Options {
  return {
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: true,
    relax_column_count: true,
    max_record_size: maxRecordSize,
    raw: true,
  };
}

const QUOTE = 34;

/**
 * csv-parse keeps a quoted field that goes on after its closing quote as written, quotes and all: `"x"y`
 * comes out as `"x"y` where Excel shows `xy`. The value of such a field starts with a quote (as does that of a
 * quoted field whose text starts with an escaped `""`), so the record's raw text is looked at only then: each
 * field's extent in it follows from its value, and a quoted field that is not exactly its value quoted is one
 * of these.
 */
function excelQuotes(values: string[], raw: string, delimiter: number): void {
  if (!values.some((v) => v.charCodeAt(0) === QUOTE)) return;
  let p = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as string;
    if (raw.charCodeAt(p) !== QUOTE) {
      // Unquoted: the value is the raw text itself.
      p += v.length + 1;
      continue;
    }
    const quoted = `"${v.replaceAll('"', '""')}"`;
    const next = raw.charCodeAt(p + quoted.length);
    if (raw.startsWith(quoted, p) && (Number.isNaN(next) || next === delimiter || next === 13 || next === 10)) {
      p += quoted.length + 1;
      continue;
    }
    // `"` + content (with `""` for a quote) + `"` + the rest, which csv-parse gives back as `"` + content + `"` + rest.
    let close = p + 1;
    for (;;) {
      close = raw.indexOf('"', close);
      if (close < 0 || raw.charCodeAt(close + 1) !== QUOTE) break;
      close += 2;
    }
    if (close < 0) return;
    const content = raw.slice(p + 1, close).replaceAll('""', '"');
    const rest = v.slice(content.length + 2);
    values[i] = content + rest;
    p = close + 1 + rest.length + 1;
  }
}

// --- sniffing --------------------------------------------------------------
//
// The encoding is worked out here and decoded by TextDecoder. The question is narrow — UTF-16 (with or without
// a BOM), UTF-8, or else the Vietnamese Windows code page — and a count of well-formed UTF-8 sequences over the
// whole file answers it exactly, with a tolerance for a stray broken byte. Charset detectors guess among dozens
// of code pages from letter statistics of a sample, which is a weaker answer to this one question.

interface Utf8Tally {
  multibyte: number;
  invalid: number;
}

/**
 * Counts well-formed multi-byte UTF-8 sequences and bytes that cannot be UTF-8. `carry` holds an incomplete
 * sequence from the previous chunk. Returns the new carry.
 */
function tallyUtf8(bytes: Uint8Array, tally: Utf8Tally, carry: Uint8Array): Uint8Array {
  let buf = bytes;
  if (carry.length > 0) {
    buf = new Uint8Array(carry.length + bytes.length);
    buf.set(carry, 0);
    buf.set(bytes, carry.length);
  }
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      tally.invalid++;
      i++;
      continue;
    }
    // Not enough bytes left in this chunk: decide with the next one.
    if (i + need >= n) return buf.slice(i);
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const cb = buf[i + k] as number;
      if ((cb & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (cb & 0x3f);
    }
    if (ok && cp >= min && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      tally.multibyte++;
      i += need + 1;
    } else {
      tally.invalid++;
      i++;
    }
  }
  return new Uint8Array(0);
}

async function scanUtf8(filePath: string): Promise<Utf8Tally> {
  const tally: Utf8Tally = { multibyte: 0, invalid: 0 };
  let carry: Uint8Array = new Uint8Array(0);
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1024 * 1024 })) {
    carry = tallyUtf8(chunk as Buffer, tally, carry);
  }
  tally.invalid += carry.length;
  return tally;
}

// UTF-8 with a stray broken byte (a file cut and pasted together) is still
// UTF-8; Windows-1258 Vietnamese is almost never valid UTF-8, because its
// letters are lone high bytes. So a handful of bad bytes among many good
// sequences means UTF-8 (the bad bytes become U+FFFD), not a different encoding.
function looksUtf8(t: Utf8Tally): boolean {
  return t.invalid === 0 || t.multibyte >= 20 * t.invalid;
}

function bomEncoding(head: Uint8Array): { encoding: CsvEncoding; bomLength: number } | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return null;
}

// UTF-16 without a BOM: ASCII-heavy text has a zero in every other byte.
function bomlessUtf16(head: Uint8Array): CsvEncoding | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

function isBinaryText(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) controls++;
  }
  return controls > Math.max(2, text.length * 0.01);
}

// HTML tables and SpreadsheetML 2003 saved with an .xls name are plain text,
// and would otherwise "parse" as a one-column CSV of markup.
function isMarkup(text: string): boolean {
  const start = text.trimStart().slice(0, 2048).toLowerCase();
  if (!start.startsWith('<')) return false;
  return /<\?xml|<html|<table|<!doctype|urn:schemas-microsoft-com:office/.test(start);
}

/**
 * Splits a sample into records, leaving out the last one when the sample stops mid-file. The parser is fed
 * and read synchronously and then dropped, so a record still open at the end of the sample is never flushed.
 */
function sampleRecords(text: string, delimiter: string, complete: boolean): string[][] {
  const parser = new Parser(parserOptions(delimiter));
  // Nothing to report from a sample: with fewer records to judge by, chooseDelimiter falls back to ','.
  parser.on('error', () => {});
  parser.write(complete && !/[\r\n]$/.test(text) ? `${text}\n` : text);
  const records: string[][] = [];
  for (let r = parser.read() as RawRecord | null; r !== null && records.length < 200; r = parser.read()) {
    records.push(r.record);
  }
  parser.destroy();
  return records;
}

/** The record width most records have, counting only records with more than one field. */
function commonWidth(records: string[][]): { width: number; freq: number } {
  const counts = new Map<number, number>();
  for (const r of records) if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let best = { width: 1, freq: 0 };
  for (const [width, freq] of counts) {
    if (freq > best.freq || (freq === best.freq && width > best.width)) best = { width, freq };
  }
  return best;
}

// The delimiter is the candidate that splits the most records into the same
// number (>1) of fields. Title lines ("DANH SÁCH…") have one field whatever
// the delimiter, and stray commas in unquoted addresses of a ';' file vary
// from line to line, so neither outvotes the real structure. csv-parse's own
// `delimiter_auto` is not used: it scores every ASCII character by frequency,
// so the spaces of a title line win, and it throws on the first non-ASCII
// letter (it counts into a 127-entry table), i.e. on any Vietnamese text.
function chooseDelimiter(text: string, complete: boolean): { delimiter: string; width: number } {
  let best = { delimiter: ',', width: 1, freq: 0 };
  for (const d of DELIMITERS) {
    const { width, freq } = commonWidth(sampleRecords(text, d, complete));
    if (freq > best.freq || (freq === best.freq && width > best.width)) best = { delimiter: d, width, freq };
  }
  return { delimiter: best.delimiter, width: best.width };
}

/**
 * Works out how to read a text file as CSV from its first bytes (and, when there is no BOM and the first bytes
 * are not enough to tell, one streaming pass to check the whole file is UTF-8). Throws ImportFileError for a
 * file that is binary, markup, or blank.
 */
export async function sniffCsv(filePath: string, head: Uint8Array, fileSize: number): Promise<CsvFormat> {
  const complete = head.length >= fileSize;
  const bom = bomEncoding(head);
  let encoding: CsvEncoding;
  let bomLength = 0;
  if (bom) {
    ({ encoding, bomLength } = bom);
  } else {
    const utf16 = bomlessUtf16(head);
    if (utf16) {
      encoding = utf16;
    } else {
      const headTally: Utf8Tally = { multibyte: 0, invalid: 0 };
      const carry = tallyUtf8(head, headTally, new Uint8Array(0));
      if (complete) headTally.invalid += carry.length;
      if (!looksUtf8(headTally)) encoding = 'windows-1258';
      else if (complete || headTally.invalid > 0) encoding = 'utf-8';
      else encoding = looksUtf8(await scanUtf8(filePath)) ? 'utf-8' : 'windows-1258';
    }
  }

  const sample = new TextDecoder(encoding).decode(head.subarray(bomLength), { stream: !complete }).normalize('NFC');
  if (isBinaryText(sample)) throw importErrors.notSpreadsheet();
  if (isMarkup(sample)) throw importErrors.markupXls();
  if (sample.trim() === '' && complete) throw importErrors.empty();

  const sep = /^sep=(.)\r?\n/i.exec(sample);
  if (sep) {
    const delimiter = sep[1] as string;
    const { width } = commonWidth(sampleRecords(sample.slice(sep[0].length), delimiter, complete));
    return { encoding, bomLength, delimiter, sepLine: true, width };
  }
  return { encoding, bomLength, sepLine: false, ...chooseDelimiter(sample, complete) };
}

function toCell(s: string): CellValue {
  return s === '' ? null : s.normalize('NFC');
}

/**
 * Streams records with Excel-style row numbers (a record with line breaks inside quotes is one row). csv-parse
 * reads the text; the bytes are decoded here first because it knows neither UTF-16BE nor Windows-1258.
 */
export async function* csvRows(filePath: string, format: CsvFormat, limits: ReadLimits): AsyncGenerator<TableRow> {
  // A record may hold several cells at their limit, not a file's worth: csv-parse stops at this many characters.
  const maxRecord = Math.min(MAX_RECORD_SIZE, limits.maxCellChars * 4);
  // csv-parse builds an error (a stack trace and JSON copies of the record) for every record whose field count
  // differs from the first record's, relax_column_count or not. With a title line first that is every record
  // (the 50 MB test file: 14 s instead of under 2 s), so a blank record of the usual width goes first and sets
  // the count; it is row 0 and never shown.
  const lead = `${format.delimiter.repeat(format.width - 1)}\n`;
  async function* decode(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
    yield lead;
    const decoder = new TextDecoder(format.encoding);
    for await (const chunk of chunks) {
      const text = decoder.decode(chunk, { stream: true });
      if (text !== '') yield text;
    }
    const tail = decoder.decode();
    if (tail !== '') yield tail;
  }
  const source = createReadStream(filePath, { start: format.bomLength, highWaterMark: 256 * 1024 });
  const parser = pipeline(source, decode, new Parser(parserOptions(format.delimiter, maxRecord)), () => {
    // Errors reach the loop below through the parser; nothing to add here.
  });
  const delimiter = format.delimiter.charCodeAt(0);
  let row = format.sepLine ? -2 : -1;
  try {
    for await (const { record, raw } of parser as AsyncIterable<RawRecord>) {
      row++;
      if (row < 1) continue;
      excelQuotes(record, raw, delimiter);
      let last = record.length - 1;
      while (last >= 0 && record[last] === '') last--;
      if (last < 0) continue;
      const cells: CellValue[] = new Array(last + 1);
      for (let i = 0; i <= last; i++) {
        const text = record[i] as string;
        if (text.length > limits.maxCellChars) {
          throw importErrors.cellTooLarge(limits.maxCellChars, { row, column: columnLetter(i) });
        }
        cells[i] = toCell(text);
      }
      yield { row, cells };
    }
  } catch (e) {
    if (e instanceof CsvError && e.code === 'CSV_QUOTE_NOT_CLOSED') throw importErrors.unclosedQuote(row + 1, e);
    if (e instanceof CsvError && e.code === 'CSV_MAX_RECORD_SIZE') {
      // Records still buffered are dropped with the error, so `row` may lag: csv-parse's own count says where
      // it stopped (the blank lead record counts as one, as does Excel's sep= line, which it is not).
      const records = (e as CsvError & { records?: number }).records;
      const at = typeof records === 'number' ? records - (format.sepLine ? 1 : 0) : row + 1;
      throw importErrors.csvRecordTooLarge(Math.max(1, at), maxRecord, e);
    }
    throw e;
  } finally {
    parser.destroy();
  }
}
