import { type Message, say } from '../../../shared/i18n/messages.js';
import { validateMst } from '../../../shared/ids/index.js';
import { importsMessages as M } from '../../../shared/imports/messages.js';
import { normalizeText } from '../../../shared/text/index.js';
import { foldHeader } from './header.js';
import type { CellValue } from './types.js';

/** A parsed cell: a value, a value the person should double-check, or an error to show next to the row. */
export type ParseResult<T> =
  | { value: T }
  | { value: T; warning: Message }
  /** `unknown`: the text of a value no list entry matched, which the person may map to one. */
  | { error: Message; unknown?: string };

/** Blank cells (null, empty or whitespace-only text) parse to `{ value: null }`; whether that is allowed is the caller's call. */
export type ValueParser<T> = (raw: CellValue | undefined) => ParseResult<T | null>;

function isBlank(raw: CellValue | undefined): raw is null | undefined | '' {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function viDate(d: Date): string {
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCFullYear(), 4)}`;
}

/** The cell as the person typed it, for quoting in a message. */
function shown(raw: CellValue | undefined): string {
  let s: string;
  if (raw instanceof Date) s = Number.isNaN(raw.getTime()) ? '' : viDate(raw);
  else s = normalizeText(String(raw ?? ''));
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

// --- counts ------------------------------------------------------------------

const SPACES = /[\s\u00a0\u202f]/g;

// Groups after the first must be exactly three digits: "1.250" and "12.500.000" are thousands, "1.25" is not.
function isGrouped(intPart: string, sep: string): boolean {
  const groups = intPart.split(sep);
  return /^\d{1,3}$/.test(groups[0] ?? '') && groups.slice(1).every((g) => /^\d{3}$/.test(g)) && !/^0\d/.test(intPart);
}

/**
 * Reads "1.250" (Vietnamese grouping), "1,250", "1 250", "1.250,5" and "1,250.5". A single separator followed
 * by exactly three digits is grouping ("1.250" people, not 1.25 of a person); otherwise it is the decimal mark.
 */
function parseLocalisedNumber(text: string): number | null {
  let t = text.replace(SPACES, '');
  let sign = 1;
  if (t.startsWith('-') || t.startsWith('+')) {
    sign = t.startsWith('-') ? -1 : 1;
    t = t.slice(1);
  }
  if (!/^\d[\d.,]*$/.test(t) || /[.,]$/.test(t)) return null;
  const lastDot = t.lastIndexOf('.');
  const lastComma = t.lastIndexOf(',');
  let intPart = t;
  let fraction = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const at = Math.max(lastDot, lastComma);
    intPart = t.slice(0, at);
    fraction = t.slice(at + 1);
    if (fraction.includes(group) || !isGrouped(intPart, group)) return null;
    intPart = intPart.split(group).join('');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = t.split(sep);
    const [head = '', tail = ''] = parts;
    if (parts.length > 2) {
      if (!isGrouped(t, sep)) return null;
      intPart = parts.join('');
    } else if (tail.length === 3 && head.length <= 3 && head !== '0') {
      intPart = head + tail;
    } else {
      intPart = head;
      fraction = tail;
    }
  }
  const n = Number(fraction ? `${intPart}.${fraction}` : intPart);
  return Number.isFinite(n) ? sign * n : null;
}

// "15 người", "15 lao động", "15 LĐ": a number followed by a unit in words.
const COUNT_WITH_UNIT = /^([+-]?[\d.,\s\u00a0\u202f]*\d)\s*[\p{L}\s.()]*$/u;

/** A head count: a non-negative integer. Accepts units after the number and Vietnamese digit grouping. */
export const parseCount: ValueParser<number> = (raw) => {
  if (isBlank(raw)) return { value: null };
  let n: number | null = null;
  if (typeof raw === 'number') {
    n = raw;
  } else if (typeof raw === 'string') {
    const m = COUNT_WITH_UNIT.exec(raw.normalize('NFC').trim());
    if (m?.[1]) n = parseLocalisedNumber(m[1]);
  }
  if (n === null || !Number.isFinite(n)) return { error: say(M.countInvalid, { raw: shown(raw) }) };
  // Spreadsheet arithmetic leaves 15.000000000000002 where a person sees 15.
  const rounded = Math.round(n);
  if (Math.abs(n - rounded) > 1e-9 || rounded < 0 || !Number.isSafeInteger(rounded)) {
    return { error: say(M.countNotWhole, { raw: shown(raw) }) };
  }
  return { value: rounded === 0 ? 0 : rounded };
};

// --- dates ---------------------------------------------------------------------

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?`;
// The backreference makes both separators the same: "05/01-2024" is a typo, not a date.
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})${TIME}$`);
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})${TIME}$`);

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function ymd(year: number, month: number, day: number, raw: CellValue | undefined): ParseResult<string> {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { error: say(M.dateInvalid, { raw: shown(raw) }) };
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return { error: say(M.dateYearRange, { raw: shown(raw), min: String(MIN_YEAR), max: String(MAX_YEAR) }) };
  }
  return { value: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

const DAY_MS = 86_400_000;

// Excel's 1900 date system counts 1900-02-29, a day that never was (serial 60),
// so serials from 61 on are one day ahead of a plain count from 1899-12-31.
function serialToUtc(serial: number): Date | null {
  const days = Math.floor(serial + 1e-9);
  if (days < 1 || days === 60) return null;
  const epoch = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + days * DAY_MS);
}

/**
 * A calendar date as ISO `YYYY-MM-DD`: from an Excel date cell (a Date at UTC midnight), an Excel serial number
 * (1900 date system), or text d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd (a time after it is ignored).
 */
export const parseDate: ValueParser<string> = (raw) => {
  if (isBlank(raw)) return { value: null };
  const invalid = { error: say(M.dateInvalid, { raw: shown(raw) }) };
  let d: Date | null = null;
  if (raw instanceof Date) d = Number.isNaN(raw.getTime()) ? null : raw;
  else if (typeof raw === 'number') d = Number.isFinite(raw) ? serialToUtc(raw) : null;
  if (d) return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), raw);
  if (typeof raw !== 'string') return invalid;
  const text = raw.normalize('NFC').trim();
  const a = DAY_FIRST.exec(text);
  if (a) return ymd(Number(a[4]), Number(a[3]), Number(a[1]), raw);
  const b = YEAR_FIRST.exec(text);
  if (b) return ymd(Number(b[1]), Number(b[3]), Number(b[4]), raw);
  return invalid;
};

// --- text and lists -----------------------------------------------------------

/** Free text: trimmed, NFC, whitespace runs (line breaks included) collapsed; at most `max` characters. */
export function parseText(max: number): ValueParser<string> {
  return (raw) => {
    if (isBlank(raw)) return { value: null };
    let text: string;
    if (raw instanceof Date) text = viDate(raw);
    else if (typeof raw === 'boolean') text = raw ? 'TRUE' : 'FALSE';
    else text = normalizeText(String(raw));
    const length = [...text].length;
    if (length > max) return { error: say(M.textTooLong, { length: String(length), max: String(max) }) };
    return { value: text };
  };
}

export interface EnumOption<C extends string = string> {
  code: C;
  labels: readonly string[];
}

/**
 * A list value as compared: folded (marks, case), punctuation and spaces dropped — "Ê-đê", "Ê Đê" and "Êđê",
 * "M'nông" and "Mnông", "Cty. TNHH" and "cty tnhh" are each one key.
 */
export function foldValue(text: string): string {
  return foldHeader(text).replace(/ /g, '');
}

/**
 * One of a fixed list, matched on the code or any label, ignoring case, marks, punctuation and spaces.
 * `fillers`: leading words that add nothing to the value ("Cty" in "Cty TNHH 1TV"), tried away when the
 * whole value matches nothing, so every spelling of an entry need not be listed with each of them.
 */
export function parseEnum<C extends string>(
  options: readonly EnumOption<C>[],
  fillers: readonly string[] = [],
): ValueParser<C> {
  const lookup = new Map<string, C>();
  for (const o of options) {
    for (const key of [o.code, ...o.labels].map(foldValue)) {
      if (key && !lookup.has(key)) lookup.set(key, o.code);
    }
  }
  const allowed = options.map((o) => o.labels[0] ?? o.code).join(', ');
  const folded = fillers.map(foldValue);
  return (raw) => {
    if (isBlank(raw)) return { value: null };
    const key = raw instanceof Date ? '' : foldValue(String(raw));
    const code =
      lookup.get(key) ??
      folded
        .filter((f) => key.startsWith(f))
        .map((f) => lookup.get(key.slice(f.length)))
        .find((c) => c !== undefined);
    if (code !== undefined) return { value: code };
    const unknown = raw instanceof Date ? undefined : normalizeText(String(raw));
    return { error: say(M.notInList, { raw: shown(raw), allowed }), ...(unknown ? { unknown } : {}) };
  };
}

// --- identifiers ----------------------------------------------------------------

export const MST_ZERO_WARNING: Message = say(M.mstZeroRestored);

/** Tax code in canonical form (`XXXXXXXXXX` / `XXXXXXXXXX-YYY`); a zero lost to a numeric cell comes back with a warning. */
export const parseMst: ValueParser<string> = (raw) => {
  if (isBlank(raw)) return { value: null };
  const q = { raw: shown(raw) };
  if (typeof raw !== 'string' && typeof raw !== 'number') return { error: say(M.mstFormat, q) };
  const r = validateMst(raw);
  if (r.ok) return r.leadingZeroRestored ? { value: r.value, warning: MST_ZERO_WARNING } : { value: r.value };
  switch (r.reason) {
    case 'checksum':
      return { error: say(M.mstChecksum, q) };
    case 'sequence':
      return { error: say(M.mstSequence, q) };
    default:
      return { error: say(M.mstFormat, q) };
  }
};
