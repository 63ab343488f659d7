import { fold } from '../../shared/text/index.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A download name in plain ASCII for old clients ("Danh sách đoàn viên.xlsx" → "danh-sach-doan-vien.xlsx"
 * unless an ASCII name is given), and the Vietnamese one (RFC 5987) for the rest.
 */
export function contentDisposition(fileName: string, kind: 'attachment' | 'inline' = 'attachment', asciiName?: string) {
  const ascii = (asciiName ?? fold(fileName).replace(/\s+/g, '-')).replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName.replace(/[\\/\r\n"]/g, '_'))}`;
}

// What a spreadsheet program may take for a formula (or a DDE command) at the start of a text cell.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell of an export, written so that no spreadsheet program runs it: a text beginning with `=`, `+`,
 * `-`, `@`, a tab or a carriage return ("=HYPERLINK(…)" typed as a name) goes out as a rich-text string,
 * which ExcelJS writes as a real string element, never as a formula or a formula's cached result
 * (`t="str"`, what a plain string becomes). Every xlsx export passes its cells through here.
 */
export function exportCell<T>(v: T): T | { richText: { text: string }[] } {
  return typeof v === 'string' && FORMULA_START.test(v) ? { richText: [{ text: v }] } : v;
}

/** A row of export cells (see exportCell). */
export const exportRow = <T>(values: readonly T[]) => values.map(exportCell);
