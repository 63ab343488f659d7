// Calendar dates travel as ISO `YYYY-MM-DD` strings. A JS Date carries an
// instant, so a birthday could shift by a day when it crosses a time zone;
// a plain string cannot.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// The backreference (\2) makes the second separator match the first, so a
// typo like "05/01-2024" is rejected instead of guessed at.
const VI_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isValidYmd({ year, month, day }: Ymd): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function toIso({ year, month, day }: Ymd): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function parseIso(s: string): Ymd | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidYmd(ymd) ? ymd : null;
}

// Formatting a malformed value would put garbage on an official document,
// so it is treated as a programming error.
function requireIso(iso: string): Ymd {
  const ymd = parseIso(iso);
  if (!ymd) throw new RangeError(`Not an ISO calendar date: ${JSON.stringify(iso)}`);
  return ymd;
}

/** True for a real calendar date written exactly as `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  return parseIso(s) !== null;
}

/**
 * Parses user input in Vietnamese day-first order (`d/m/yyyy`, `dd/mm/yyyy`,
 * `dd-mm-yyyy`, `dd.mm.yyyy`) or ISO `yyyy-mm-dd`. Returns ISO, or null when the
 * text is malformed or not a real date (31/02, 29/02 in a common year).
 */
export function parseViDate(s: string): string | null {
  const text = s.trim();
  const iso = parseIso(text);
  if (iso) return toIso(iso);
  const m = VI_DATE.exec(text);
  if (!m) return null;
  const ymd = { year: Number(m[4]), month: Number(m[3]), day: Number(m[1]) };
  return isValidYmd(ymd) ? toIso(ymd) : null;
}

/** `2024-01-05` → `05/01/2024`. Throws RangeError on a non-ISO input. */
export function formatViDate(iso: string): string {
  const { year, month, day } = requireIso(iso);
  return `${pad(day)}/${pad(month)}/${pad(year, 4)}`;
}

/**
 * Date line for administrative documents, e.g. "Phú Riềng, ngày 05 tháng 01 năm 2024".
 * Decree 30/2020/NĐ-CP (Appendix I) requires a leading zero for days below 10
 * and for months 1 and 2 only. The usual explanation is tamper-proofing:
 * "tháng 1" could be altered to "tháng 11" after signing, while "tháng 3"–"tháng 9"
 * cannot become a valid two-digit month that way.
 */
export function formatViDateLong(iso: string, place?: string): string {
  const { year, month, day } = requireIso(iso);
  const monthText = month <= 2 ? pad(month) : String(month);
  const dateText = `ngày ${pad(day)} tháng ${monthText} năm ${year}`;
  const placeText = place?.normalize('NFC').replace(/\s+/g, ' ').trim();
  return placeText ? `${placeText}, ${dateText}` : dateText;
}

/** The calendar date the user sees on their device, as ISO. */
export function todayIso(now: Date = new Date()): string {
  return toIso({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

/** Adds `n` (possibly negative) whole days. Throws RangeError on a non-ISO input, a non-integer n, or a result outside years 1–9999. */
export function addDays(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days, got ${n}`);
  const { year, month, day } = requireIso(iso);
  // UTC avoids DST: in local time a 23 h day could land on the wrong date.
  // setUTCFullYear (unlike Date.UTC) does not map years 0–99 to 1900–1999,
  // and it carries day overflow into months and years for us.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day + n);
  const result = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  if (!isValidYmd(result) || result.year > 9999) {
    throw new RangeError(`addDays(${iso}, ${n}) leaves the supported year range`);
  }
  return toIso(result);
}

/** Orders ISO dates; zero-padded ISO text sorts chronologically as a plain string. */
export function compareIso(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
