import { createReadStream } from 'node:fs';
import { importErrors } from './errors.js';
import type { CellValue, TableRow } from './types.js';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export interface CsvFormat {
  encoding: CsvEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  delimiter: string;
  /** The first line was Excel's `sep=;` hint, which Excel itself does not show as a row. */
  sepLine: boolean;
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Incremental RFC 4180 parser over decoded text chunks. Lenient the way Excel is: a quote inside an unquoted
 * field is literal, text after a closing quote is kept, and CR, LF or CRLF all end a record.
 */
export class CsvParser {
  private field = '';
  private record: string[] = [];
  // 0: at the start of a field, 1: in an unquoted field, 2: in a quoted field, 3: just after a quote inside one.
  private state = 0;
  private skipLf = false;

  constructor(private readonly delimiter: string) {}

  push(text: string): string[][] {
    const out: string[][] = [];
    const d = this.delimiter;
    const n = text.length;
    let i = 0;
    if (this.skipLf && n > 0) {
      if (text[0] === '\n') i = 1;
      this.skipLf = false;
    }
    while (i < n) {
      const state = this.state;
      if (state === 2) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          this.field += text.slice(i);
          i = n;
        } else {
          this.field += text.slice(i, q);
          this.state = 3;
          i = q + 1;
        }
        continue;
      }
      const c = text[i];
      if (state === 3) {
        if (c === '"') {
          this.field += '"';
          this.state = 2;
          i++;
          continue;
        }
        this.state = 1;
        if (c !== d && c !== '\n' && c !== '\r') continue;
      }
      if (state === 0 && c === '"') {
        this.state = 2;
        i++;
        continue;
      }
      if (c === d) {
        this.record.push(this.field);
        this.field = '';
        this.state = 0;
        i++;
        continue;
      }
      if (c === '\n' || c === '\r') {
        this.record.push(this.field);
        out.push(this.record);
        this.record = [];
        this.field = '';
        this.state = 0;
        i++;
        if (c === '\r') {
          if (i < n) {
            if (text[i] === '\n') i++;
          } else {
            this.skipLf = true;
          }
        }
        continue;
      }
      // Unquoted run: take everything up to the next delimiter or line end in one slice.
      let j = i + 1;
      while (j < n) {
        const cj = text[j];
        if (cj === d || cj === '\n' || cj === '\r') break;
        j++;
      }
      this.field += text.slice(i, j);
      this.state = 1;
      i = j;
    }
    return out;
  }

  /** Flushes the last record when the file does not end with a line break. */
  end(): string[][] {
    if (this.state === 0 && this.field === '' && this.record.length === 0) return [];
    this.record.push(this.field);
    const last = this.record;
    this.record = [];
    this.field = '';
    this.state = 0;
    return [last];
  }
}

// --- sniffing --------------------------------------------------------------

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

/** Splits a sample into records, dropping the last one when the sample stops mid-file. */
function sampleRecords(text: string, delimiter: string, complete: boolean): string[][] {
  const parser = new CsvParser(delimiter);
  const records = parser.push(text);
  if (complete) records.push(...parser.end());
  return records.slice(0, 200);
}

// The delimiter is the candidate that splits the most records into the same
// number (>1) of fields. Title lines ("DANH SÁCH…") have one field whatever
// the delimiter, and stray commas in unquoted addresses of a ';' file vary
// from line to line, so neither outvotes the real structure.
function chooseDelimiter(text: string, complete: boolean): string {
  let best: { d: string; freq: number; width: number } = { d: ',', freq: 0, width: 0 };
  for (const d of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const r of sampleRecords(text, d, complete)) {
      if (r.length > 1) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    }
    for (const [width, freq] of counts) {
      if (freq > best.freq || (freq === best.freq && width > best.width)) best = { d, freq, width };
    }
  }
  return best.d;
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
  if (sep) return { encoding, bomLength, delimiter: sep[1] as string, sepLine: true };
  return { encoding, bomLength, delimiter: chooseDelimiter(sample, complete), sepLine: false };
}

function toCell(s: string): CellValue {
  return s === '' ? null : s.normalize('NFC');
}

/** Streams records with Excel-style row numbers (a record with line breaks inside quotes is one row). */
export async function* csvRows(filePath: string, format: CsvFormat): AsyncGenerator<TableRow> {
  const stream = createReadStream(filePath, { start: format.bomLength, highWaterMark: 256 * 1024 });
  const decoder = new TextDecoder(format.encoding);
  const parser = new CsvParser(format.delimiter);
  let row = format.sepLine ? -1 : 0;
  function* emit(records: string[][]): Generator<TableRow> {
    for (const record of records) {
      row++;
      if (row < 1) continue;
      let last = record.length - 1;
      while (last >= 0 && record[last] === '') last--;
      if (last < 0) continue;
      const cells: CellValue[] = new Array(last + 1);
      for (let i = 0; i <= last; i++) cells[i] = toCell(record[i] as string);
      yield { row, cells };
    }
  }
  try {
    for await (const chunk of stream) {
      yield* emit(parser.push(decoder.decode(chunk as Buffer, { stream: true })));
    }
    yield* emit(parser.push(decoder.decode()));
    yield* emit(parser.end());
  } finally {
    stream.destroy();
  }
}
