import { type Message, say } from '../../../shared/i18n/messages.js';
import { officeMessages as O } from '../../../shared/imports/office.messages.js';
import { foldHeader } from './header.js';
import type { CellValue, TableRow } from './types.js';

/**
 * What in a real office file is not data: cells that hold no value a person typed (Excel error values,
 * a damaged shared-string reference, hidden control characters), and the lines under the table (the
 * total row and the signature block).
 */

/** Written by the xlsx reader in place of a shared-string reference that points nowhere (or is not an index). */
export const BAD_SHARED_STRING = '#SHAREDSTRING!';

const EXCEL_ERRORS =
  /^#(?:REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!|FIELD!|BLOCKED!|UNKNOWN!|GETTING_DATA)$/i;

// C0 and C1 controls except tab, line feed and carriage return (a line break inside a cell is ordinary), and
// the bidirectional overrides and isolates, which make a name read differently from what it holds.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu;

const codePoint = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a cell cannot become data, or null when it can. */
export function cellFault(v: CellValue | undefined): Message | null {
  if (typeof v !== 'string') return null;
  if (v === BAD_SHARED_STRING) return say(O.cellBadString);
  const t = v.trim();
  if (EXCEL_ERRORS.test(t)) return say(O.cellError, { code: t.toUpperCase() });
  const found = v.match(CONTROL);
  if (found) return say(O.cellControl, { chars: [...new Set(found.map(codePoint))].join(', ') });
  return null;
}

// "Tổng cộng: 60 đơn vị", "Cộng", "Tổng số 12 DN", "TỔNG CỘNG (60)": the word(s), then nothing but a number
// and its unit. "Công ty Cộng Hòa" or "Cộng đồng…" do not match: after the word comes a number or nothing.
const TOTAL = /^(?:tong cong|tong so|tong|cong|cong toan bo)(?: \d[\d ]*(?: [a-z ]+)?)?$/;

// The signature block and the lines around it, folded: who signs, for whom, where and when, who receives it.
const FOOTER = [
  /^nguoi lap(?: bieu| bang| danh sach)?\b/,
  /^(?:pho )?giam doc\b/,
  /^(?:pho )?chu tich\b/,
  /^(?:t ?m|tm|kt|q|tl)\b.{0,40}\b(?:ban|cong doan|ubnd|chu tich|giam doc|thuong truc)\b/,
  /^(?:ban thuong vu|ban chap hanh|ban thuong truc)\b/,
  /^noi nhan\b/,
  /^(?:ke toan|thu truong|thu quy)(?: truong| don vi)?$/,
  /^(?:xac nhan|ky ten|ky ghi ro|ky va ghi ro|ky dong dau)\b/,
  /\bngay\b.*\bthang\b.*\bnam\b/,
];

function texts(r: TableRow): { column: number; text: string }[] {
  const out: { column: number; text: string }[] = [];
  r.cells.forEach((v, column) => {
    if (v === null || v === undefined) return;
    const text = v instanceof Date ? '' : String(v).replace(/\s+/g, ' ').trim();
    if (text) out.push({ column, text });
  });
  return out;
}

/**
 * When a row ends the table, the text that says so; else null. A total row starts with "Tổng cộng" /
 * "Cộng" / "Tổng số" in one of its first cells (the figures beside it are sums, not a record); a
 * signature line has its text in one or two columns only, the first a footer phrase.
 */
export function endOfTable(r: TableRow): string | null {
  const cells = texts(r);
  if (cells.length === 0) return null;
  for (const c of cells.slice(0, 3)) {
    if (typeof r.cells[c.column] === 'number') continue;
    if (TOTAL.test(foldHeader(c.text))) return c.text;
  }
  const columns = new Set(cells.map((c) => c.column));
  if (columns.size > 2) return null;
  // The first cell says what the line is ("Nơi nhận:" then "- Như trên;"); a sparse record does not start so.
  const first = cells[0];
  return first && FOOTER.some((re) => re.test(foldHeader(first.text))) ? first.text : null;
}
