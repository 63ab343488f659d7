// Vietnamese tax code (mã số thuế, MST). Shared by server and browser, so only
// ECMAScript built-ins are used here.
//
// Canonical form, used for storage and display alike: `XXXXXXXXXX` for an
// enterprise, `XXXXXXXXXX-YYY` for a branch or dependent unit, which is how the
// tax authority prints them. One form everywhere means a stored value can be
// compared with a freshly normalised one without reformatting either.

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

export type MstFault = 'format' | 'checksum' | 'sequence';

export type MstValidation =
  | {
      ok: true;
      /** Canonical form: `XXXXXXXXXX` or `XXXXXXXXXX-YYY`. */
      value: string;
      branch: boolean;
      /** The input had lost its leading zero (a number in a spreadsheet) and it was put back. */
      leadingZeroRestored: boolean;
    }
  | { ok: false; reason: MstFault };

// Spaces (including the no-break ones spreadsheets paste in), dots used as
// digit grouping, and the apostrophe Excel users type to force text.
const NOISE = /[\s\u00a0\u202f.']/g;
// Word processors turn the branch hyphen into an en dash or a minus sign.
const DASHES = /[\u2010-\u2015\u2212]/g;
const TEN = /^\d{10}$/;
const BRANCH = /^(\d{10})-?(\d{3})$/;

interface Cleaned {
  text: string;
  leadingZeroRestored: boolean;
}

function clean(raw: string | number): Cleaned {
  let text: string;
  if (typeof raw === 'number') {
    // A non-integer or negative number cannot be a tax code; keep it recognisably wrong.
    if (!Number.isSafeInteger(raw) || raw < 0) return { text: String(raw), leadingZeroRestored: false };
    text = String(raw);
  } else {
    text = raw.trim().replace(NOISE, '').replace(DASHES, '-');
  }
  // No province code starts with two zeros, so a spreadsheet number only ever
  // drops one: 9 digits (or 12 for a branch) means exactly one zero went missing.
  if (/^\d{9}$/.test(text)) return { text: `0${text}`, leadingZeroRestored: true };
  if (/^\d{12}$/.test(text)) return { text: `0${text}`, leadingZeroRestored: true };
  if (/^\d{9}-\d{3}$/.test(text)) return { text: `0${text}`, leadingZeroRestored: true };
  return { text, leadingZeroRestored: false };
}

function canonical(text: string): string {
  const m = BRANCH.exec(text);
  return m ? `${m[1]}-${m[2]}` : text;
}

/**
 * Cleans a tax code as typed or as stored in a spreadsheet: trims, drops spaces and dots, puts back a
 * leading zero lost to a numeric cell, and writes a branch as `XXXXXXXXXX-YYY` whether or not it had the dash.
 * Does not check the digits: garbage comes back cleaned but still garbage; use `validateMst` to judge it.
 */
export function normaliseMst(raw: string | number): string {
  return canonical(clean(raw).text);
}

/** The check digit for the first nine digits, or null when the remainder is 0 (such numbers are never issued). */
export function mstCheckDigit(firstNine: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (WEIGHTS[i] ?? 0);
  const remainder = sum % 11;
  return remainder === 0 ? null : 10 - remainder;
}

function checkTen(ten: string): MstFault | null {
  // Digits 3–9 are the sequence within the province; all zeros was never handed out.
  if (/^\d{2}0{7}\d$/.test(ten)) return 'sequence';
  const check = mstCheckDigit(ten.slice(0, 9));
  if (check === null || check !== Number(ten[9])) return 'checksum';
  return null;
}

/**
 * Validates a tax code: 10 digits (2-digit province, 7-digit sequence, check digit weighted
 * 31,29,23,19,17,13,7,5,3 mod 11), or a branch: a valid 10-digit code followed by 001–999.
 */
export function validateMst(raw: string | number): MstValidation {
  const { text, leadingZeroRestored } = clean(raw);
  if (TEN.test(text)) {
    const fault = checkTen(text);
    return fault ? { ok: false, reason: fault } : { ok: true, value: text, branch: false, leadingZeroRestored };
  }
  const m = BRANCH.exec(text);
  if (m) {
    const [, ten = '', suffix = ''] = m;
    const fault = checkTen(ten);
    if (fault) return { ok: false, reason: fault };
    if (suffix === '000') return { ok: false, reason: 'sequence' };
    return { ok: true, value: `${ten}-${suffix}`, branch: true, leadingZeroRestored };
  }
  return { ok: false, reason: 'format' };
}

/** Display form `XXXXXXXXXX` / `XXXXXXXXXX-YYY`; anything not shaped like a tax code comes back cleaned but unchanged. */
export function formatMst(value: string | number): string {
  return normaliseMst(value);
}
