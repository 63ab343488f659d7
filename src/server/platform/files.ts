import fs from 'node:fs';
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

/**
 * Files that may hold personal data (the database, the key, uploads, scans, rejected rows) are readable by the
 * server's own account only: folders 0700, files 0600. Explicit modes, not only the umask, because an operator's
 * shell or a container image often runs with 022.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates a folder (and its missing parents) for private files; an existing one is narrowed to 0700. */
export function privateDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  fs.chmodSync(dir, PRIVATE_DIR_MODE);
  return dir;
}

/** A write stream that creates its file 0600. */
export const privateWriteStream = (file: string) => fs.createWriteStream(file, { mode: PRIVATE_FILE_MODE });

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
