/**
 * Which official commune an enterprise is in, from the code it was given, its commune name or its
 * address, in the context of its managing unit's province/district and the date of the record. Pure
 * and in memory: the index is built once from the lists (≈13 000 units) and each lookup is a few map
 * reads, so an import of 100 000 rows never scans the list per row. A name found twice in the
 * context is ambiguous and stays unresolved with the candidates named — never a guess.
 */
import type { AdminUnitKind, CommuneHow, CommuneNote } from '../../../shared/admin-units/labels.js';
import {
  type CommuneName,
  communeKey,
  communeKeyOf,
  districtKey,
  hasCommunePrefix,
  provinceKey,
  words,
} from './admin-units.keys.js';

export type AdminUnitEntry = {
  id: number;
  code: string;
  name: string;
  kind: AdminUnitKind;
  provinceCode: string | null;
  provinceName: string;
  districtCode: string | null;
  districtName: string | null;
  validFrom: string;
  validTo: string | null;
};
export type Successor = { oldId: number; newId: number; part: boolean };

export type AdminUnitIndex = {
  size: number;
  byId: Map<number, AdminUnitEntry>;
  byCode: Map<string, AdminUnitEntry[]>;
  byKey: Map<string, AdminUnitEntry[]>;
  exactKey: Map<number, string>;
  provincesByKey: Map<string, Set<string>>;
  districtsByKey: Map<string, { code: string; provinceCode: string | null }[]>;
  districtProvince: Map<string, string>;
  /** Where an old province's communes went: Bình Phước (70) → Đồng Nai (75). */
  provinceSuccessors: Map<string, Set<string>>;
  successors: Map<number, Successor[]>;
};

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

export function buildIndex(units: AdminUnitEntry[], successors: Successor[]): AdminUnitIndex {
  const ix: AdminUnitIndex = {
    size: units.length,
    byId: new Map(),
    byCode: new Map(),
    byKey: new Map(),
    exactKey: new Map(),
    provincesByKey: new Map(),
    districtsByKey: new Map(),
    districtProvince: new Map(),
    provinceSuccessors: new Map(),
    successors: new Map(),
  };
  const seenDistricts = new Set<string>();
  for (const u of units) {
    ix.byId.set(u.id, u);
    push(ix.byCode, u.code, u);
    const k = communeKey(u.name);
    push(ix.byKey, k.key, u);
    ix.exactKey.set(u.id, k.exact());
    if (u.provinceCode) {
      const pk = provinceKey(u.provinceName).key;
      const set = ix.provincesByKey.get(pk) ?? new Set<string>();
      set.add(u.provinceCode);
      ix.provincesByKey.set(pk, set);
    }
    if (u.districtCode && u.districtName && !seenDistricts.has(u.districtCode)) {
      seenDistricts.add(u.districtCode);
      if (u.provinceCode) ix.districtProvince.set(u.districtCode, u.provinceCode);
      push(ix.districtsByKey, districtKey(u.districtName).key, { code: u.districtCode, provinceCode: u.provinceCode });
    }
  }
  for (const s of successors) {
    push(ix.successors, s.oldId, s);
    const from = ix.byId.get(s.oldId)?.provinceCode;
    const to = ix.byId.get(s.newId)?.provinceCode;
    if (from && to) ix.provinceSuccessors.set(from, (ix.provinceSuccessors.get(from) ?? new Set()).add(to));
  }
  return ix;
}

export const validAt = (u: { validFrom: string; validTo: string | null }, date: string) =>
  u.validFrom <= date && (u.validTo === null || date < u.validTo);

/** Codes of the managing unit's areas (2 digits: province, 3: district, 5: commune), all its dates. */
export type AreaContext = { provinces: Set<string>; districts: Set<string> };

export function contextOf(ix: AdminUnitIndex, areaCodes: Iterable<string>): AreaContext {
  const ctx: AreaContext = { provinces: new Set(), districts: new Set() };
  for (const raw of areaCodes) {
    const code = raw.trim();
    if (/^\d{1,2}$/.test(code)) ctx.provinces.add(code.padStart(2, '0'));
    else if (/^\d{3}$/.test(code)) ctx.districts.add(code);
    else if (/^\d{4,5}$/.test(code)) {
      // A commune union's commune says where it lies, in either list.
      for (const u of ix.byCode.get(code.padStart(5, '0')) ?? []) {
        if (u.provinceCode) ctx.provinces.add(u.provinceCode);
        if (u.districtCode) ctx.districts.add(u.districtCode);
      }
    }
  }
  // A district of the old list names its province too.
  for (const d of ctx.districts) {
    const p = ix.districtProvince.get(d);
    if (p) ctx.provinces.add(p);
  }
  // A unit of an old province now works in the province it merged into: its communes are candidates too.
  for (const p of [...ctx.provinces]) for (const n of ix.provinceSuccessors.get(p) ?? []) ctx.provinces.add(n);
  return ctx;
}

export type Resolution = {
  unit: AdminUnitEntry | null;
  /** The same commune in today's list: itself, its one successor, or null (split, or not resolved). */
  now: AdminUnitEntry | null;
  how: CommuneHow;
  note: CommuneNote | null;
  detail: string | null;
};

type Pick = { unit: AdminUnitEntry } | { note: 'ambiguous'; candidates: AdminUnitEntry[] } | { note: 'not_found' };

type Narrow = {
  kind: AdminUnitKind | null;
  exact?: () => string;
  provinces: Set<string>;
  districts: Set<string>;
  date: string;
};

/** Candidates of one key narrowed by place, the list of the record's date, level, then the marks written. */
function pick(ix: AdminUnitIndex, key: string, n: Narrow): Pick {
  let c = ix.byKey.get(key) ?? [];
  if (n.provinces.size) c = c.filter((u) => u.provinceCode !== null && n.provinces.has(u.provinceCode));
  if (n.districts.size) {
    const d = c.filter((u) => u.districtCode !== null && n.districts.has(u.districtCode));
    if (d.length) c = d;
  }
  // The list of the record's date first; another list only when that one has no such commune.
  const atDate = c.filter((u) => validAt(u, n.date));
  if (atDate.length) c = atDate;
  if (n.kind && c.length > 1) {
    const k = c.filter((u) => u.kind === n.kind);
    if (k.length) c = k;
  }
  if (n.exact && c.length > 1) {
    const exact = n.exact();
    const e = c.filter((u) => ix.exactKey.get(u.id) === exact);
    if (e.length) c = e;
  }
  const [only] = c;
  if (c.length === 1 && only) return { unit: only };
  return c.length ? { note: 'ambiguous', candidates: c } : { note: 'not_found' };
}

const describe = (u: AdminUnitEntry) => [u.name, u.districtName, u.provinceName].filter(Boolean).join(', ');

/** Today's commune for a unit of an earlier list: its one successor; a split or unknown one is null. */
export function successorNow(ix: AdminUnitIndex, u: AdminUnitEntry, seen = new Set<number>()): AdminUnitEntry | null {
  if (u.validTo === null) return u;
  if (seen.has(u.id)) return null;
  seen.add(u.id);
  const next = [...new Set((ix.successors.get(u.id) ?? []).map((s) => s.newId))];
  const [first] = next;
  if (next.length !== 1 || first === undefined) return null;
  const n = ix.byId.get(first);
  return n ? successorNow(ix, n, seen) : null;
}

function done(ix: AdminUnitIndex, unit: AdminUnitEntry, how: CommuneHow): Resolution {
  const now = successorNow(ix, unit);
  return { unit, now, how, note: now ? null : 'split', detail: null };
}

/** Splits an address "ấp 3, xã Long Hà, huyện Phú Riềng, tỉnh Bình Phước" into its places, folding each part once. */
function readAddress(ix: AdminUnitIndex, address: string) {
  // Commas only: a dash belongs to names such as "Phường Văn Miếu - Quốc Tử Giám".
  const parts = address
    .split(/[,;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((raw) => ({ raw, ws: words(raw) }));
  const communes: CommuneName[] = [];
  const bare: CommuneName[] = [];
  const provinces = new Set<string>();
  const districtKeys: string[] = [];
  const provinceAt = parts.map((p) => {
    const k = provinceKey(p.ws);
    return { codes: ix.provincesByKey.get(k.key), prefixed: k.prefixed };
  });
  // The province is the last part naming one: "Thành phố Cao Bằng, Tỉnh Cao Bằng" is a city, then the province.
  const lastProvince = provinceAt.reduce((last, p, i) => (p.codes ? i : last), -1);
  parts.forEach((part, i) => {
    if (hasCommunePrefix(part.ws)) {
      communes.push(communeKeyOf(part.ws, part.raw));
      return;
    }
    const p = provinceAt[i];
    if (p?.codes && i === lastProvince && (p.prefixed || i === parts.length - 1)) {
      for (const c of p.codes) provinces.add(c);
      return;
    }
    const d = districtKey(part.ws);
    if (d.prefixed) districtKeys.push(d.key);
    else bare.push(communeKeyOf(part.ws, part.raw));
  });
  return { communes, bare, provinces, districtKeys };
}

export type ResolveInput = {
  code?: string | null;
  name?: string | null;
  address?: string | null;
  context: AreaContext;
  /** The date of the record: the list valid then is tried first. */
  date: string;
};

export function resolveCommune(ix: AdminUnitIndex, input: ResolveInput): Resolution {
  const none = (note: CommuneNote, detail: string | null = null): Resolution => ({
    unit: null,
    now: null,
    how: 'unresolved',
    note,
    detail,
  });
  if (ix.size === 0) return none('no_list');
  const name = input.name?.trim() || null;
  const code = input.code?.replace(/\s/g, '') || null;
  if (code && /^\d{1,5}$/.test(code)) {
    // Excel drops leading zeros (00004 → 4); a code outside the unit's provinces is not taken on trust.
    const inContext = (u: AdminUnitEntry) =>
      !input.context.provinces.size || (u.provinceCode !== null && input.context.provinces.has(u.provinceCode));
    const byCode = (ix.byCode.get(code) ?? ix.byCode.get(code.padStart(5, '0')) ?? []).filter(inContext);
    // The code is in both lists for different communes: the name given says which, else the date.
    const named = name ? byCode.filter((u) => communeKey(u.name).key === communeKey(name).key) : [];
    const atDate = byCode.filter((u) => validAt(u, input.date));
    const chosen = named[0] ?? atDate[0] ?? (byCode.length === 1 ? byCode[0] : undefined);
    if (chosen) return done(ix, chosen, 'code');
  }
  const base: Narrow = { kind: null, ...input.context, date: input.date };
  let ambiguous: AdminUnitEntry[] | null = null;
  if (name) {
    const k = communeKey(name);
    const r = pick(ix, k.key, { ...base, kind: k.kind, exact: k.exact });
    if ('unit' in r) return done(ix, r.unit, 'name');
    if (r.note === 'ambiguous') ambiguous = r.candidates;
  }
  if (input.address?.trim()) {
    const a = readAddress(ix, input.address);
    const provinces = a.provinces.size ? a.provinces : base.provinces;
    const districts = new Set<string>();
    for (const dk of a.districtKeys)
      for (const d of ix.districtsByKey.get(dk) ?? [])
        if (!provinces.size || (d.provinceCode && provinces.has(d.provinceCode))) districts.add(d.code);
    const narrow: Narrow = {
      ...base,
      provinces,
      districts: districts.size ? districts : a.districtKeys.length ? new Set() : base.districts,
    };
    // Parts with a commune prefix first; a bare part ("Long Hà") only when none has one.
    for (const k of a.communes.length ? a.communes : a.bare) {
      const r = pick(ix, k.key, { ...narrow, kind: k.kind, exact: k.exact });
      if ('unit' in r) return done(ix, r.unit, 'address');
      if (r.note === 'ambiguous' && !ambiguous) ambiguous = r.candidates;
    }
  }
  if (ambiguous) return none('ambiguous', ambiguous.slice(0, 5).map(describe).join('; '));
  const tried = [name, code, input.address?.trim()].filter(Boolean).join(' | ');
  return tried ? none('not_found', tried.slice(0, 300)) : none('empty');
}
