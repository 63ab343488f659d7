// Vietnamese personal identification number (số định danh cá nhân, printed on the CCCD card) and the
// legacy 9-digit identity-card number (CMND). Shared by server and browser, so only ECMAScript built-ins.
//
// The 12 digits (Thông tư 07/2016/TT-BCA; see shared/domain/union-rules.md §5):
//   1–3   province of birth registration, or a country code for people born abroad
//   4     gender and century: even = male, odd = female; 0/1 → 1900s, 2/3 → 2000s, … 8/9 → 2300s
//   5–6   last two digits of the birth year
//   7–12  random
// There is NO check digit, so a number can only be cross-checked against the person's gender and birth
// year — and a mismatch is reported as a warning for the officer to confirm, never as an error, because
// the record's date of birth is at least as likely to be the wrong one.

import { type Message, say } from '../i18n/messages.js';
import { idsMessages as M } from './messages.js';

/**
 * Province codes (digits 1–3) of the 63 provinces before the 2025 merger: the statistics office's
 * 2-digit province code prefixed with 0. Numbers issued before 7/2025 keep their code for life, so this
 * table stays valid for decoding even though the provinces themselves have since been merged.
 */
export const CCCD_PROVINCES = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
} as const satisfies Record<string, string>;

export type CccdProvinceCode = keyof typeof CCCD_PROVINCES;

export type CccdGender = 'male' | 'female';

export type CccdWarningCode =
  | 'LEGACY_CMND'
  | 'UNKNOWN_PROVINCE'
  | 'BIRTH_YEAR_MISMATCH'
  | 'GENDER_MISMATCH'
  | 'LEADING_ZERO_RESTORED';

export interface CccdWarning {
  code: CccdWarningCode;
  /** Vietnamese, ready to show to the officer. */
  message: string;
}

export interface CccdDecoded {
  /** Digits 1–3. */
  provinceCode: string;
  /** Absent when the code is not one of the 63 provinces (e.g. a country code for someone born abroad). */
  provinceName?: string;
  gender: CccdGender;
  birthYear: number;
}

export type CccdValidation =
  | {
      ok: true;
      /** Digits only: 12 for a CCCD, 9 for a legacy CMND. */
      value: string;
      kind: 'cccd' | 'cmnd';
      warnings: CccdWarning[];
      /** Present for 12-digit numbers only; a CMND encodes nothing we can decode. */
      decoded?: CccdDecoded;
    }
  | { ok: false; reason: 'format'; message: string };

export interface CccdValidationOptions {
  /** The date of birth on record, ISO `YYYY-MM-DD` (a bare `YYYY` or `YYYY-MM` is compared on the year too). */
  birthDate?: string;
  /** The gender on record. */
  gender?: CccdGender;
}

export interface NormalisedCccd {
  /** Digits with separators removed and a lost leading zero put back; garbage stays garbage. */
  value: string;
  leadingZeroRestored: boolean;
}

// Spaces (including the no-break ones spreadsheets paste in), dots and dashes used as digit grouping,
// and the apostrophe Excel users type to force a cell to text.
const NOISE = /[\s\u00a0\u202f.'\u2019\-\u2010-\u2015\u2212]/g;

function isKnownProvince(code: string): code is CccdProvinceCode {
  return Object.hasOwn(CCCD_PROVINCES, code);
}

/** The province name for a 3-digit code, or undefined when the code is not one of the 63 provinces. */
export function cccdProvinceName(code: string): string | undefined {
  return isKnownProvince(code) ? CCCD_PROVINCES[code] : undefined;
}

/**
 * Cleans an identity number as typed or as exported from a spreadsheet: drops spaces, dots, dashes and a
 * leading apostrophe, and puts back leading zeros a numeric cell dropped. Every CCCD province code starts
 * with 0, so 11 digits means one zero was lost; 10 digits are padded only when that yields one of the
 * provinces whose code starts with 00 (Hà Nội 001 … Tuyên Quang 008), since a 10-digit value is more often
 * a phone number or tax code pasted into the wrong column. An 8-digit value is a CMND that lost its zero
 * (CMND numbers of Hà Nội, Hồ Chí Minh and other provinces start with 0).
 * Does not judge the result: use `validateCccd` for that.
 */
export function normaliseCccd(raw: string | number): NormalisedCccd {
  let text: string;
  if (typeof raw === 'number') {
    // A non-integer or negative number cannot be an identity number; keep it recognisably wrong.
    if (!Number.isSafeInteger(raw) || raw < 0) return { value: String(raw), leadingZeroRestored: false };
    text = String(raw);
  } else {
    text = raw.trim().replace(NOISE, '');
  }
  if (/^[1-9]\d{10}$/.test(text)) return { value: `0${text}`, leadingZeroRestored: true };
  if (/^[1-9]\d{9}$/.test(text) && isKnownProvince(`00${text[0]}`)) {
    return { value: `00${text}`, leadingZeroRestored: true };
  }
  if (/^[1-9]\d{7}$/.test(text)) return { value: `0${text}`, leadingZeroRestored: true };
  return { value: text, leadingZeroRestored: false };
}

/** Decodes digits 1–6 of a 12-digit number. */
export function decodeCccd(value: string): CccdDecoded | undefined {
  if (!/^\d{12}$/.test(value)) return undefined;
  const provinceCode = value.slice(0, 3);
  const genderCentury = Number(value[3]);
  const decoded: CccdDecoded = {
    provinceCode,
    gender: genderCentury % 2 === 0 ? 'male' : 'female',
    birthYear: 1900 + Math.floor(genderCentury / 2) * 100 + Number(value.slice(4, 6)),
  };
  const provinceName = cccdProvinceName(provinceCode);
  if (provinceName !== undefined) decoded.provinceName = provinceName;
  return decoded;
}

interface RecordedBirth {
  year: number;
  /** As the officer would write it: dd/mm/yyyy, mm/yyyy or yyyy. */
  display: string;
}

function parseBirthDate(iso: string): RecordedBirth | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)/.exec(iso.trim());
  if (!m) return undefined;
  const [, year = '', month, day] = m;
  const display = day && month ? `${day}/${month}/${year}` : month ? `${month}/${year}` : year;
  return { year: Number(year), display };
}

function formatFault(value: string): Message {
  if (value === '') return M.cccdEmpty;
  if (!/^\d+$/.test(value)) return M.cccdDigits;
  return say(M.cccdLength, { length: String(value.length) });
}

const GENDER_WORDS: Record<CccdGender, Message> = {
  male: { vi: 'nam', en: 'male' },
  female: { vi: 'nữ', en: 'female' },
};

/** `validateCccd` with every message in both languages, for a server that answers in the reader's. */
export type CccdCheck =
  | (Omit<Extract<CccdValidation, { ok: true }>, 'warnings'> & {
      warnings: { code: CccdWarningCode; message: Message }[];
    })
  | { ok: false; reason: 'format'; message: Message };

/**
 * Validates a CCCD (12 digits) or a legacy CMND (9 digits). Only the shape can make a number invalid;
 * everything else — a legacy CMND, a province code outside the table, a birth year or gender that
 * disagrees with the record, a restored leading zero — comes back as a warning for the officer.
 * A 12-digit old-style CMND cannot be told apart from a CCCD and is treated as one.
 */
export function checkCccd(raw: string | number, opts: CccdValidationOptions = {}): CccdCheck {
  const { value, leadingZeroRestored } = normaliseCccd(raw);
  const warnings: { code: CccdWarningCode; message: Message }[] = [];
  if (leadingZeroRestored) {
    warnings.push({ code: 'LEADING_ZERO_RESTORED', message: say(M.leadingZeroRestored, { value }) });
  }

  if (/^\d{9}$/.test(value)) {
    warnings.push({ code: 'LEGACY_CMND', message: M.legacyCmnd });
    return { ok: true, value, kind: 'cmnd', warnings };
  }

  const decoded = decodeCccd(value);
  if (!decoded) return { ok: false, reason: 'format', message: formatFault(value) };

  if (decoded.provinceName === undefined) {
    warnings.push({ code: 'UNKNOWN_PROVINCE', message: say(M.unknownProvince, { code: decoded.provinceCode }) });
  }
  const birth = opts.birthDate === undefined ? undefined : parseBirthDate(opts.birthDate);
  if (birth && birth.year !== decoded.birthYear) {
    warnings.push({
      code: 'BIRTH_YEAR_MISMATCH',
      message: say(M.birthYearMismatch, { year: String(decoded.birthYear), birth: birth.display }),
    });
  }
  if (opts.gender !== undefined && opts.gender !== decoded.gender) {
    warnings.push({
      code: 'GENDER_MISMATCH',
      message: say(M.genderMismatch, { card: GENDER_WORDS[decoded.gender], record: GENDER_WORDS[opts.gender] }),
    });
  }
  return { ok: true, value, kind: 'cccd', warnings, decoded };
}

/** `checkCccd` with its messages in Vietnamese, ready to show to the officer. */
export function validateCccd(raw: string | number, opts: CccdValidationOptions = {}): CccdValidation {
  const r = checkCccd(raw, opts);
  if (!r.ok) return { ok: false, reason: r.reason, message: r.message.vi };
  return { ...r, warnings: r.warnings.map((w) => ({ code: w.code, message: w.message.vi })) };
}

/**
 * Hides the middle of a number for lists and exports: a CCCD keeps its first 4 and last 3 digits
 * (`0790•••••234`), a CMND its first 3 and last 2 (`281••••67`). Anything else is hidden entirely,
 * since we cannot tell which part of it is safe to show.
 */
export function maskCccd(value: string | number): string {
  const { value: v } = normaliseCccd(value);
  const mask = (head: number, tail: number) =>
    `${v.slice(0, head)}${'•'.repeat(v.length - head - tail)}${v.slice(-tail)}`;
  if (/^\d{12}$/.test(v)) return mask(4, 3);
  if (/^\d{9}$/.test(v)) return mask(3, 2);
  return '•'.repeat(v.length);
}

/** A passport number (foreign members) masked the same way: its first and last two characters. */
export function maskPassport(value: string): string {
  return `${value.slice(0, 2)}${'•'.repeat(Math.max(0, value.length - 4))}${value.slice(-2)}`;
}
