/**
 * Lookup keys for names of communes, districts and provinces as people write them: folded (no accents,
 * đ → d, lower case), without the level's prefix in any of its written forms ("Xã", "X.", "Phường",
 * "P.", "F.", "Thị trấn", "TT.", "Huyện", "H.", "Quận", "Q.", "Tỉnh", "TP."), numbers without leading
 * zeros ("Phường 01" = "P.1" = "phuong 1"). One key per name, so resolving is a map lookup.
 */
import type { AdminUnitKind } from '../../../shared/admin-units/labels.js';
import { fold, normalizeText, normalizeTonePlacement } from '../../../shared/text/index.js';

/** Folded words: punctuation that separates ("P.01", "TT.Phú Riềng", "(cũ)") becomes a space. */
export function words(s: string, keepMarks = false): string[] {
  return (keepMarks ? normalizeTonePlacement(normalizeText(s)).toLowerCase() : fold(s))
    .replace(/[.()[\]"'’`/\\_]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (/^\d+$/.test(w) ? String(Number(w)) : w));
}

// Longest first: "thi tran" before "thi", "dac khu" before "d".
const COMMUNE_PREFIXES: [string[], AdminUnitKind][] = [
  [['thi', 'tran'], 'thi_tran'],
  [['dac', 'khu'], 'dac_khu'],
  [['xa'], 'xa'],
  [['phuong'], 'phuong'],
  [['tt'], 'thi_tran'],
  [['x'], 'xa'],
  [['p'], 'phuong'],
  [['f'], 'phuong'],
  [['dk'], 'dac_khu'],
];
const DISTRICT_PREFIXES = [['thi', 'xa'], ['thanh', 'pho'], ['huyen'], ['quan'], ['tx'], ['tp'], ['h'], ['q']];
const PROVINCE_PREFIXES = [['thanh', 'pho'], ['tinh'], ['tp'], ['t']];

function startsWith(ws: string[], prefix: string[]): boolean {
  return prefix.every((p, i) => ws[i] === p);
}

/** "P1", "F12", "Q3": a one-letter prefix written against its number. */
function splitGlued(ws: string[]): string[] {
  const m = ws[0]?.match(/^([pfqx])(\d+)$/);
  return m?.[1] && m[2] ? [m[1], String(Number(m[2])), ...ws.slice(1)] : ws;
}

/**
 * A commune's name → its key, the same without folding (to tell "Văn Lang" from "Văn Lăng" when the
 * text has its marks) and, when the prefix says so, its level.
 */
export type CommuneName = { key: string; exact: () => string; kind: AdminUnitKind | null };

export function communeKey(name: string): CommuneName {
  return communeKeyOf(words(name), name);
}

/** The same from words already folded (an address is folded once); `name` gives the marks. */
export function communeKeyOf(folded: string[], name: string): CommuneName {
  const ws = splitGlued(folded);
  // Only needed to split a tie, and the costlier half: computed when asked.
  const cut = (n: number, kind: AdminUnitKind | null) => ({
    key: ws.slice(n).join(' '),
    exact: () => {
      const marked = splitGlued(words(name, true));
      return marked.length === ws.length ? marked.slice(n).join(' ') : '';
    },
    kind,
  });
  for (const [prefix, kind] of COMMUNE_PREFIXES) {
    // A bare "x"/"p" is only a prefix when a name follows it.
    if (startsWith(ws, prefix) && ws.length > prefix.length) return cut(prefix.length, kind);
  }
  if (ws[0] === 'huyen' && ws.length > 1) return cut(1, 'huyen');
  return cut(0, null);
}

/** Does this part of an address name a commune by its prefix? */
export function hasCommunePrefix(folded: string[]): boolean {
  const ws = splitGlued(folded);
  return COMMUNE_PREFIXES.some(([p]) => startsWith(ws, p) && ws.length > p.length);
}

function stripOne(ws: string[], prefixes: string[][]): { rest: string[]; prefixed: boolean } {
  for (const p of prefixes)
    if (startsWith(ws, p) && ws.length > p.length) return { rest: ws.slice(p.length), prefixed: true };
  return { rest: ws, prefixed: false };
}

export function districtKey(name: string | string[]): { key: string; prefixed: boolean } {
  const { rest, prefixed } = stripOne(splitGlued(typeof name === 'string' ? words(name) : name), DISTRICT_PREFIXES);
  return { key: rest.join(' '), prefixed };
}

// Short forms in common use for the provinces people abbreviate.
const PROVINCE_ALIASES: Record<string, string> = {
  hcm: 'ho chi minh',
  tphcm: 'ho chi minh',
  'sai gon': 'ho chi minh',
  hn: 'ha noi',
  brvt: 'ba ria vung tau',
  'ba ria vt': 'ba ria vung tau',
};

export function provinceKey(name: string | string[]): { key: string; prefixed: boolean } {
  const { rest, prefixed } = stripOne(typeof name === 'string' ? words(name) : name, PROVINCE_PREFIXES);
  const key = rest.join(' ');
  return { key: PROVINCE_ALIASES[key] ?? key, prefixed };
}

/** The level a list writes in its "Cấp" column or as the name's first word. */
export function kindOf(levelOrName: string): AdminUnitKind {
  // A trailing word so that a bare level ("Thị trấn") still reads as a prefix.
  return communeKey(`${levelOrName} x`).kind ?? 'xa';
}
