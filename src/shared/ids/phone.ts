// Vietnamese phone numbers. Shared by server and browser, so only ECMAScript built-ins and pure-JS libraries.
//
// Canonical form, used for storage: the national form, digits only, with the leading 0 —
// `0912345678` for a mobile, `02713123456` for a landline. `formatPhone` adds the spaces for display.
//
// Whether a number exists is libphonenumber-js's answer from Google's metadata: which blocks of each mobile
// prefix and which area codes are allocated, which a hand-kept prefix list gets wrong as allocations change.
// The `max` build: the default `min` one checks only the length, and `mobile` knows no landlines. Ours are the
// cleaning (`normalisePhone`), the Vietnamese messages, the 2018 conversion of 11-digit mobiles, which no
// library keeps, and the carrier a prefix was first given to (shared/domain/union-rules.md §5).

import { type PhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { type Message, say } from '../i18n/messages.js';
import { idsMessages as M } from './messages.js';

export type PhoneCarrier = 'Viettel' | 'Vinaphone' | 'Mobifone' | 'Vietnamobile' | 'Gmobile' | 'iTel' | 'Reddi';

export type PhoneValidation<M = string> =
  | {
      ok: true;
      /** National form, digits only: `0912345678` or `02713123456`. */
      value: string;
      /** Mobiles only. Numbers ported to another network keep their prefix, so this is the original carrier. */
      carrier?: PhoneCarrier;
      kind: 'mobile' | 'landline';
    }
  | {
      ok: false;
      /** Vietnamese, ready to show to the officer. */
      message: M;
      /** For an old 11-digit mobile (01x…): the 10-digit number it became in 2018, for the officer to confirm. */
      suggestion?: string;
    };

/** 3-digit mobile prefixes (with the leading 0) of each carrier: names the carrier only, does not validate. */
const CARRIER_PREFIXES: Readonly<Record<PhoneCarrier, readonly string[]>> = {
  Viettel: ['032', '033', '034', '035', '036', '037', '038', '039', '086', '096', '097', '098'],
  Vinaphone: ['081', '082', '083', '084', '085', '088', '091', '094'],
  Mobifone: ['070', '076', '077', '078', '079', '089', '090', '093'],
  Vietnamobile: ['052', '056', '058', '092'],
  Gmobile: ['059', '099'],
  iTel: ['087'],
  Reddi: ['055'],
};

const MOBILE_PREFIXES = new Map<string, PhoneCarrier>(
  Object.entries(CARRIER_PREFIXES).flatMap(([carrier, prefixes]) =>
    prefixes.map((prefix) => [prefix, carrier as PhoneCarrier] as const),
  ),
);

/** The 2018 conversion of 11-digit mobile prefixes: old 4-digit prefix → new 3-digit prefix. */
const OLD_MOBILE_PREFIXES: Readonly<Record<string, string>> = Object.freeze({
  // Viettel
  '0162': '032',
  '0163': '033',
  '0164': '034',
  '0165': '035',
  '0166': '036',
  '0167': '037',
  '0168': '038',
  '0169': '039',
  // Mobifone
  '0120': '070',
  '0121': '079',
  '0122': '077',
  '0126': '076',
  '0128': '078',
  // Vinaphone
  '0123': '083',
  '0124': '084',
  '0125': '085',
  '0127': '081',
  '0129': '082',
  // Vietnamobile
  '0186': '056',
  '0188': '058',
  // Gmobile
  '0199': '059',
});

// Spaces (including no-break ones), dots, dashes, brackets, slashes and the apostrophe Excel users
// type to force a cell to text.
const NOISE = /[\s\u00a0\u202f.'\u2019()[\]/\-\u2010-\u2015\u2212]/g;

/**
 * Cleans a phone number to the national form: drops spaces, dots, dashes and brackets; turns `+84…`,
 * `0084…` and `84…` (when the length fits) into `0…`, also when a 0 was wrongly kept after the country
 * code (`+84 0912…`); and puts back a leading zero lost to a numeric spreadsheet cell (`912345678`).
 * Does not judge the result: a foreign number keeps its `+`, garbage comes back cleaned but still garbage.
 */
export function normalisePhone(raw: string | number): string {
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw) || raw < 0) return String(raw);
    text = String(raw);
  } else {
    text = raw.trim().replace(NOISE, '');
  }
  let national: string | undefined;
  if (text.startsWith('+84')) national = text.slice(3);
  else if (text.startsWith('0084')) national = text.slice(4);
  // 84 + 9 digits (mobile) or 84 + 10 digits (landline). A national number starting 084 keeps its 0,
  // and one that lost its 0 is 9 digits long, so neither is mistaken for a country code.
  else if (/^84\d{9,10}$/.test(text)) national = text.slice(2);
  if (national !== undefined) return national.startsWith('0') ? national : `0${national}`;
  // A numeric cell dropped the zero: 9 digits (mobile), 10 digits (landline or old 01x mobile).
  if (/^[1-9]\d{8,9}$/.test(text)) return `0${text}`;
  return text;
}

function oldMobileSuggestion(value: string): string | undefined {
  const prefix = OLD_MOBILE_PREFIXES[value.slice(0, 4)];
  return prefix === undefined ? undefined : `${prefix}${value.slice(4)}`;
}

// Valid numbers of other kinds that are nobody's own phone.
const SERVICE_KINDS: Partial<Record<NonNullable<ReturnType<PhoneNumber['getType']>>, Message>> = {
  TOLL_FREE: { vi: 'tổng đài miễn phí (1800)', en: 'toll-free (1800)' },
  PREMIUM_RATE: { vi: 'tổng đài thu phí (1900)', en: 'premium-rate (1900)' },
  SHARED_COST: { vi: 'tổng đài', en: 'shared-cost' },
  UAN: { vi: 'tổng đài', en: 'call-centre' },
  VOIP: { vi: 'điện thoại qua Internet (VoIP)', en: 'Internet telephony (VoIP)' },
  PAGER: { vi: 'nhắn tin', en: 'pager' },
  VOICEMAIL: { vi: 'hộp thư thoại', en: 'voicemail' },
};
const SERVICE: Message = { vi: 'dịch vụ', en: 'service' };

function oldMobileMessage(value: string): PhoneValidation<Message> {
  const suggestion = oldMobileSuggestion(value);
  const prefix = value.slice(0, 4);
  return suggestion === undefined
    ? { ok: false, message: say(M.phoneOldMobile, { prefix }) }
    : {
        ok: false,
        message: say(M.phoneOldMobileSuggest, {
          prefix,
          next: suggestion.slice(0, 3),
          suggestion: formatPhone(suggestion),
        }),
        suggestion,
      };
}

/**
 * Checks a Vietnamese phone number: a mobile or landline number that libphonenumber's metadata says is
 * allocated in Việt Nam. An old 11-digit mobile (01x…) is refused with the new number it most likely became;
 * a service number (1800, 1900, VoIP…) is refused as not a person's phone. Messages in both languages.
 */
export function checkPhone(raw: string | number): PhoneValidation<Message> {
  const value = normalisePhone(raw);
  const no = (m: Message): PhoneValidation<Message> => ({ ok: false, message: m });
  if (value === '') return no(M.phoneEmpty);
  if (value.startsWith('+')) return no(M.phoneForeign);
  if (!/^\d+$/.test(value)) return no(M.phoneDigits);
  if (!value.startsWith('0')) return no(M.phoneStart);

  const parsed = parsePhoneNumberFromString(value, 'VN');
  if (parsed?.country === 'VN' && parsed.isValid()) {
    const type = parsed.getType();
    if (type === 'MOBILE') {
      const carrier = MOBILE_PREFIXES.get(value.slice(0, 3));
      return carrier === undefined ? { ok: true, value, kind: 'mobile' } : { ok: true, value, carrier, kind: 'mobile' };
    }
    if (type === 'FIXED_LINE') return { ok: true, value, kind: 'landline' };
    return no(say(M.phoneService, { value, what: (type && SERVICE_KINDS[type]) ?? SERVICE }));
  }

  if (value.length === 10) {
    if (value.startsWith('02')) return no(M.phoneOldLandline);
    const prefix = value.slice(0, 3);
    const carrier = MOBILE_PREFIXES.get(prefix);
    return carrier === undefined
      ? no(say(M.phoneNoCarrier, { prefix }))
      : no(say(M.phoneUnallocated, { value: formatPhone(value), prefix, carrier }));
  }
  if (value.length === 11) {
    if (value.startsWith('02')) {
      const area = /^02[48]/.test(value) ? value.slice(0, 3) : value.slice(0, 4);
      return no(say(M.phoneNoLandline, { value: formatPhone(value), area }));
    }
    if (value.startsWith('01')) return oldMobileMessage(value);
  }
  return no(say(M.phoneLength, { length: String(value.length) }));
}

/** `checkPhone` with its message in Vietnamese only (the import's rejected-rows file, the CLI). */
export function validatePhone(raw: string | number): PhoneValidation {
  const r = checkPhone(raw);
  return r.ok ? r : { ...r, message: r.message.vi };
}

/**
 * Display form: `0912 345 678` for a mobile; `024 3825 1234` for a Hà Nội or Hồ Chí Minh landline
 * (2-digit area code), `0271 3123 456` for other landlines. Anything else comes back cleaned but unchanged.
 */
export function formatPhone(value: string | number): string {
  const v = normalisePhone(value);
  if (/^0\d{9}$/.test(v)) return `${v.slice(0, 4)} ${v.slice(4, 7)} ${v.slice(7)}`;
  if (/^02[48]\d{8}$/.test(v)) return `${v.slice(0, 3)} ${v.slice(3, 7)} ${v.slice(7)}`;
  if (/^02\d{9}$/.test(v)) return `${v.slice(0, 4)} ${v.slice(4, 8)} ${v.slice(8)}`;
  return v;
}
