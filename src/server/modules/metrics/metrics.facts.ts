import type { Db } from '../../db/database.js';

/**
 * What each record contributes to the metric keys, placed on the dated tree. The definitions mirror
 * metrics.scratch.ts one for one (the property test holds them equal). Keys:
 *   adm:<ifx> admissions · stk:<ifx> members standing (a stock: +1 on the start, −1 on the end) ·
 *   left:<ifx> · card:<ifx> · app:<ifx> pending applications (stock) · pin / padm Party introductions
 *   and admissions · ow workers reached · frm non-state enterprises of the frame (stock) · wrk workers
 *   of unionised enterprises (stock) · fnd:<nonState>:<band> grassroots unions founded, and each also under
 *   fge:<nonState>:<b> for every band b up to its own (so "headcount ≥ N" reads one key, not one per band).
 * <ifx> = informal, female, foreign as 0/1; each of these facts is also kept under <ifx> = *** (any).
 * Distinct enterprises reached (source 'reach', one record per enterprise, placed per ancestor A): the days
 * a non-state enterprise was reached under A, d1 < d2 < …, each a point `rpt` on its day, and each repeat
 * d_i also `rqm:<month of d_i−1>` and `rqd:<d_i−1>` on its day, and under the aligned blocks of 2, 4, 8 and
 * 16 days of its month that hold d_i−1 (`rqb<k>:<month>:<block>`, see `reachBlocks`). Reached in [F, E] = the
 * points of [F, E] minus the repeats whose previous reach was on or after F (see figures' `reached`): a range
 * count over at most a dozen keys, not a scan.
 */
export type Source = 'membership' | 'party' | 'application' | 'outreach' | 'unit' | 'enterprise' | 'reach';
export type Fact = {
  source: Source;
  source_id: number;
  key: string;
  unit_id: number;
  path: string;
  day: string;
  delta: number;
};

/** The headcount bands of unions.founded; a minWorkers filter on one of them is answered by the summaries. */
export const FOUNDED_BANDS = [0, 10, 20, 25, 30, 50, 100, 200, 300, 500, 1000] as const;
export function bandOf(headcount: number): number {
  let band = 0;
  FOUNDED_BANDS.forEach((t, i) => {
    if (headcount >= t) band = i;
  });
  return band;
}

/** Block sizes 2^k of the reach repeats' previous day, k = 1..REACH_LEVELS (level 0 is `rqd:<day>` itself). */
export const REACH_LEVELS = 4;
/** The keys of the aligned blocks of 2, 4, 8, 16 days (counted from the 1st of its month) that hold a day. */
export function reachBlocks(day: string): string[] {
  const offset = Number(day.slice(8, 10)) - 1;
  const out: string[] = [];
  for (let k = 1; k <= REACH_LEVELS; k++) out.push(`rqb${k}:${day.slice(0, 7)}:${offset >> k}`);
  return out;
}

const b = (v: unknown) => (v ? '1' : '0');
export const ifx = (informal: unknown, female: unknown, foreign: unknown) => `${b(informal)}${b(female)}${b(foreign)}`;
/** The <ifx> of every record again, so a figure without those filters reads one key, not eight. */
export const ALL = '***';

type Version = { path: string; from: string; to: string | null };
type Place = { versions: Version[]; end: string | null; mergedInto: number | null };

/** The dated positions of a set of units (and of the units they were merged into), loaded once per batch. */
export class Placer {
  private places = new Map<number, Place>();
  constructor(private db: Db) {}

  async load(unitIds: Iterable<number>): Promise<void> {
    let todo = [...new Set(unitIds)].filter((id) => !this.places.has(id));
    while (todo.length > 0) {
      const next: number[] = [];
      for (let i = 0; i < todo.length; i += 500) {
        const chunk = todo.slice(i, i + 500);
        const units = await this.db
          .selectFrom('org_unit')
          .select(['id', 'valid_to', 'merged_into_id'])
          .where('id', 'in', chunk)
          .execute();
        const versions = await this.db
          .selectFrom('org_unit_version')
          .select(['unit_id', 'path', 'valid_from', 'valid_to'])
          .where('unit_id', 'in', chunk)
          .orderBy('valid_from')
          .execute();
        for (const u of units) this.places.set(u.id, { versions: [], end: u.valid_to, mergedInto: u.merged_into_id });
        for (const v of versions)
          this.places.get(v.unit_id)?.versions.push({ path: v.path, from: v.valid_from, to: v.valid_to });
        for (const u of units)
          if (u.merged_into_id !== null && !this.places.has(u.merged_into_id)) next.push(u.merged_into_id);
      }
      todo = [...new Set(next)].filter((id) => !this.places.has(id));
    }
  }

  /** The path a unit stood under on a day: its own version, or its heir's once it was merged; null if none. */
  pathAt(unitId: number, day: string, hops = 0): string | null {
    const p = this.places.get(unitId);
    if (!p || hops > 8) return null;
    for (const v of p.versions) if (v.from <= day && (v.to === null || v.to > day)) return v.path;
    if (p.mergedInto !== null && p.end !== null && p.end <= day) return this.pathAt(p.mergedInto, day, hops + 1);
    return null;
  }

  /** [from, to) cut where the unit's position changed: each piece with the path it stood under. */
  segments(
    unitId: number,
    from: string,
    to: string | null,
    hops = 0,
  ): { from: string; to: string | null; path: string }[] {
    const p = this.places.get(unitId);
    if (!p || hops > 8) return [];
    const out: { from: string; to: string | null; path: string }[] = [];
    for (const v of p.versions) {
      const a = v.from > from ? v.from : from;
      const z = v.to === null ? to : to === null || v.to < to ? v.to : to;
      if (z === null || a < z) out.push({ from: a, to: z, path: v.path });
    }
    if (p.mergedInto !== null && p.end !== null && (to === null || p.end < to)) {
      const a = p.end > from ? p.end : from;
      out.push(...this.segments(p.mergedInto, a, to, hops + 1));
    }
    return out;
  }
}

/** Facts of one record at one unit: points (flows) and intervals (stocks, −delta on the end day). */
class Collector {
  facts: Fact[] = [];
  constructor(
    private placer: Placer,
    private source: Source,
  ) {}
  point(id: number, key: string, unitId: number, day: string | null, delta = 1, placeDay = day) {
    if (!day || !placeDay || delta === 0) return;
    const path = this.placer.pathAt(unitId, placeDay);
    if (path) this.facts.push({ source: this.source, source_id: id, key, unit_id: unitId, path, day, delta });
  }
  /** A point summed under the one unit `unitId` only (not its ancestors): facts already placed per ancestor. */
  at(id: number, key: string, unitId: number, day: string) {
    this.facts.push({ source: this.source, source_id: id, key, unit_id: unitId, path: `/${unitId}/`, day, delta: 1 });
  }
  interval(id: number, key: string, unitId: number, from: string, to: string | null, delta = 1) {
    if (delta === 0 || (to !== null && to <= from)) return;
    for (const s of this.placer.segments(unitId, from, to)) {
      this.facts.push({ source: this.source, source_id: id, key, unit_id: unitId, path: s.path, day: s.from, delta });
      if (s.to !== null)
        this.facts.push({
          source: this.source,
          source_id: id,
          key,
          unit_id: unitId,
          path: s.path,
          day: s.to,
          delta: -delta,
        });
    }
  }
}

const FAR_PAST = '0001-01-01';
const chunks = <T>(xs: T[], n = 500) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** The facts the records `ids` of `source` contribute now (records gone contribute nothing). */
export async function deriveFacts(db: Db, source: Source, ids: number[]): Promise<Fact[]> {
  const placer = new Placer(db);
  const c = new Collector(placer, source);
  for (const part of chunks([...new Set(ids)])) {
    if (source === 'membership') {
      const rows = await db
        .selectFrom('membership as m')
        .innerJoin('person as p', 'p.id', 'm.person_id')
        .select(['m.id', 'm.unit_id', 'm.informal', 'm.foreign', 'p.gender', 'm.transferred_from_id', 'm.admitted_on'])
        .select(['m.started_on', 'm.ended_on', 'm.status', 'm.card_issued_on'])
        .where('m.id', 'in', part)
        .execute();
      await placer.load(rows.map((r) => r.unit_id));
      for (const r of rows) {
        for (const bits of [ifx(r.informal, r.gender === 'female', r.foreign), ALL]) {
          if (r.transferred_from_id === null) c.point(r.id, `adm:${bits}`, r.unit_id, r.admitted_on);
          c.interval(r.id, `stk:${bits}`, r.unit_id, r.started_on, r.ended_on);
          if (r.status === 'left' || r.status === 'expelled') c.point(r.id, `left:${bits}`, r.unit_id, r.ended_on);
          c.point(r.id, `card:${bits}`, r.unit_id, r.card_issued_on);
        }
      }
    } else if (source === 'party') {
      const rows = await db
        .selectFrom('party_introduction')
        .select(['id', 'unit_id', 'introduced_on', 'status', 'status_date'])
        .where('id', 'in', part)
        .execute();
      await placer.load(rows.map((r) => r.unit_id));
      for (const r of rows) {
        c.point(r.id, 'pin', r.unit_id, r.introduced_on);
        if (r.status === 'admitted') c.point(r.id, 'padm', r.unit_id, r.status_date);
      }
    } else if (source === 'application') {
      const rows = await db
        .selectFrom('application')
        .select(['id', 'unit_id', 'status', 'submitted_on', 'decided_at', 'informal_trade_code', 'gender', 'cccd_kind'])
        .where('id', 'in', part)
        .execute();
      await placer.load(rows.map((r) => r.unit_id));
      for (const r of rows) {
        const bits = ifx(r.informal_trade_code !== null, r.gender === 'female', r.cccd_kind === 'passport');
        const until = r.status === 'pending' ? null : (r.decided_at?.slice(0, 10) ?? null);
        // Decided with no decision time: never pending in the past either (as scratch: "pending or decided later").
        if (r.status !== 'pending' && until === null) continue;
        c.interval(r.id, `app:${bits}`, r.unit_id, r.submitted_on, until);
        c.interval(r.id, `app:${ALL}`, r.unit_id, r.submitted_on, until);
      }
    } else if (source === 'outreach') {
      const rows = await db
        .selectFrom('outreach_event')
        .select(['id', 'unit_id', 'event_date', 'workers_reached'])
        .where('id', 'in', part)
        .execute();
      await placer.load(rows.map((r) => r.unit_id));
      for (const r of rows) c.point(r.id, 'ow', r.unit_id, r.event_date, r.workers_reached);
    } else if (source === 'reach') {
      const rows = await db
        .selectFrom('outreach_enterprise as oe')
        .innerJoin('outreach_event as ev', 'ev.id', 'oe.event_id')
        .innerJoin('enterprise as e', 'e.id', 'oe.enterprise_id')
        .innerJoin('ownership_type as o', 'o.code', 'e.ownership_code')
        .select(['oe.enterprise_id', 'ev.unit_id', 'ev.event_date'])
        .where('oe.enterprise_id', 'in', part)
        .where('o.non_state', '=', 1)
        .execute();
      await placer.load(rows.map((r) => r.unit_id));
      const days = new Map<string, Set<string>>();
      for (const r of rows) {
        const path = placer.pathAt(r.unit_id, r.event_date);
        if (!path) continue;
        for (const a of path.split('/').filter((x) => x.length > 0)) {
          const k = `${r.enterprise_id}|${a}`;
          const set = days.get(k) ?? new Set<string>();
          days.set(k, set);
          set.add(r.event_date);
        }
      }
      for (const [k, set] of days) {
        const [e, a] = k.split('|').map(Number) as [number, number];
        let prev: string | null = null;
        for (const d of [...set].sort()) {
          c.at(e, 'rpt', a, d);
          if (prev !== null) {
            c.at(e, `rqm:${prev.slice(0, 7)}`, a, d);
            c.at(e, `rqd:${prev}`, a, d);
            for (const key of reachBlocks(prev)) c.at(e, key, a, d);
          }
          prev = d;
        }
      }
    } else if (source === 'enterprise') {
      const rows = await db
        .selectFrom('enterprise as e')
        .innerJoin('ownership_type as o', 'o.code', 'e.ownership_code')
        .select(['e.id', 'e.unit_id', 'e.grassroots_unit_id', 'e.worker_count', 'o.non_state'])
        .where('e.id', 'in', part)
        .execute();
      const surveys = await db
        .selectFrom('enterprise_survey')
        .select(['enterprise_id', 'survey_date', 'worker_count'])
        .where('enterprise_id', 'in', part)
        .orderBy('survey_date')
        .orderBy('id')
        .execute();
      await placer.load(
        rows.flatMap((r) => (r.grassroots_unit_id === null ? [r.unit_id] : [r.unit_id, r.grassroots_unit_id])),
      );
      for (const r of rows) {
        if (r.non_state === 1) c.interval(r.id, 'frm', r.unit_id, FAR_PAST, null);
        if (r.grassroots_unit_id === null) continue;
        // Headcount by survey: the latest one on or before the day; before the first, the record's figure.
        const pieces: { from: string; n: number }[] = [{ from: FAR_PAST, n: r.worker_count ?? 0 }];
        for (const s of surveys.filter((x) => x.enterprise_id === r.id)) {
          const last = pieces.at(-1);
          if (last && last.from === s.survey_date) last.n = s.worker_count;
          else pieces.push({ from: s.survey_date, n: s.worker_count });
        }
        for (const [i, p] of pieces.entries())
          c.interval(r.id, 'wrk', r.grassroots_unit_id, p.from, pieces[i + 1]?.from ?? null, p.n);
      }
    } else if (source === 'unit') {
      const rows = await db
        .selectFrom('org_unit as u')
        .select(['u.id', 'u.valid_from', 'u.founding_decision_date'])
        .where('u.id', 'in', part)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('unit_type as t')
              .select('t.code')
              .whereRef('t.code', '=', 'u.type_code')
              .where('t.grassroots', '=', 1),
          ),
        )
        .execute();
      const linked = rows.length
        ? await db
            .selectFrom('enterprise as e')
            .innerJoin('ownership_type as o', 'o.code', 'e.ownership_code')
            .select(['e.id', 'e.grassroots_unit_id', 'e.worker_count', 'o.non_state'])
            .where(
              'e.grassroots_unit_id',
              'in',
              rows.map((r) => r.id),
            )
            .execute()
        : [];
      const surveys = linked.length
        ? await db
            .selectFrom('enterprise_survey')
            .select(['enterprise_id', 'survey_date', 'worker_count'])
            .where(
              'enterprise_id',
              'in',
              linked.map((e) => e.id),
            )
            .orderBy('survey_date')
            .orderBy('id')
            .execute()
        : [];
      await placer.load(rows.map((r) => r.id));
      for (const r of rows) {
        const day = r.founding_decision_date ?? r.valid_from;
        const at = [day, r.valid_from].sort()[1] ?? day;
        const mine = linked.filter((e) => e.grassroots_unit_id === r.id);
        const nonState = mine.some((e) => e.non_state === 1);
        let size = -1;
        for (const e of mine) {
          const before = surveys.filter((s) => s.enterprise_id === e.id && s.survey_date <= day).at(-1);
          size = Math.max(size, before ? before.worker_count : (e.worker_count ?? 0));
        }
        // No linked enterprise: no headcount, so it meets no minWorkers filter (band −1 is never asked for).
        c.point(r.id, `fnd:${b(nonState)}:${size < 0 ? 'x' : bandOf(size)}`, r.id, day, 1, at);
        if (size >= 0)
          for (let band = 0; band <= bandOf(size); band++)
            c.point(r.id, `fge:${b(nonState)}:${band}`, r.id, day, 1, at);
      }
    }
  }
  return c.facts;
}
