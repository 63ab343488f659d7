import { type Message, say } from '../../../shared/i18n/messages.js';
import { type CccdWarningCode, checkCccd, checkPhone } from '../../../shared/ids/index.js';
import { joinMessages } from '../../../shared/imports/messages.js';
import { memberImportMessages as I } from '../../../shared/members/import.messages.js';
import { formatViDate } from '../../../shared/text/index.js';
import { type CellValue, type EnumOption, parseDate, type ValueParser } from '../../platform/import/index.js';

/** How the cells of a member list are read: the layouts of birth dates and genders people use, identities, phones. */

const blank = (raw: CellValue | undefined) => raw === null || raw === undefined || String(raw).trim() === '';
const quoted = (raw: CellValue | undefined) =>
  raw instanceof Date ? formatViDate(raw.toISOString().slice(0, 10)) : String(raw ?? '').trim();

/** A year where a date belongs (1985, or "1985"): Excel would read it as a serial in 1905, so refuse it. */
function isYear(raw: CellValue | undefined): boolean {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 1900 && raw <= 2100;
  return typeof raw === 'string' && /^\s*(19|20)\d{2}\s*$/.test(raw);
}

export const parseBirthDate: ValueParser<string> = (raw) => (isYear(raw) ? { error: say(I.yearOnly) } : parseDate(raw));

/** A "Nam" / "Nữ" column: an x (gender only) or the date of birth written in the person's gender column. */
export const parseGenderColumn: ValueParser<string> = (raw) => {
  if (blank(raw)) return { value: null };
  if (typeof raw === 'string' && /^\s*[xX✓✔vV]\s*$/.test(raw)) return { value: 'x' };
  return parseBirthDate(raw);
};

/** "Năm sinh": a year (kept, to be refused in build unless a full date is elsewhere) or a full date. */
export const parseYearOnly: ValueParser<string> = (raw) => {
  if (blank(raw)) return { value: null };
  if (isYear(raw)) return { value: String(raw).trim() };
  return parseDate(raw);
};

/** One finding of the identity check; a mismatch with the record says the row went in all the same. */
export function cccdWarning(w: { code: CccdWarningCode; message: Message }): Message {
  return w.code === 'BIRTH_YEAR_MISMATCH' || w.code === 'GENDER_MISMATCH'
    ? say(I.cccdMismatchImported, { detail: w.message })
    : w.message;
}

export const parseIdentity: ValueParser<string> = (raw) => {
  if (blank(raw)) return { value: null };
  if (typeof raw !== 'string' && typeof raw !== 'number') return { error: say(I.cccdNotText, { raw: quoted(raw) }) };
  const r = checkCccd(raw);
  if (!r.ok) return { error: say(I.cccdInvalid, { detail: r.message, raw: quoted(raw) }) };
  return r.warnings.length
    ? { value: r.value, warning: joinMessages(r.warnings.map(cccdWarning), '; ') }
    : { value: r.value };
};

export const parsePhone: ValueParser<string> = (raw) => {
  if (blank(raw)) return { value: null };
  if (typeof raw !== 'string' && typeof raw !== 'number') return { error: say(I.phoneNotText) };
  const r = checkPhone(raw);
  return r.ok ? { value: r.value } : { error: say(I.phoneInvalid, { detail: r.message, raw: quoted(raw) }) };
};

export const GENDERS: EnumOption<'male' | 'female'>[] = [
  { code: 'male', labels: ['Nam', 'Nam giới', 'M', 'Male', 'Trai'] },
  { code: 'female', labels: ['Nữ', 'Nữ giới', 'F', 'Female', 'Gái'] },
];

/** Notes that mean the member works outside any enterprise (informal sector). */
export const INFORMAL_NOTES = ['ld tu do', 'lao dong tu do', 'phi chinh thuc', 'khu vuc phi chinh thuc', 'ldtd'];
/** Notes that say the person is no longer here: imported as active all the same, with a warning. */
export const GONE_NOTES = ['da chuyen', 'chuyen di', 'nghi viec', 'da nghi', 'thoi viec', 'chuyen cong tac', 'da mat'];
