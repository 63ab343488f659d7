import { sql } from 'kysely';
import { figureEnd, type MetricFilters, metricByCode } from '../../../shared/metrics/catalogue.js';
import type { Db } from '../../db/database.js';
import { isPostgres } from '../../db/dialect.js';
import { ALL, FOUNDED_BANDS, REACH_LEVELS } from './metrics.facts.js';
import { FOUNDED_DAY, scratch } from './metrics.scratch.js';
import type { Figure, FigureRequest } from './metrics.types.js';

export { scratch } from './metrics.scratch.js';
export { metricsChanged, treeChanged } from './metrics.summary.js';
export type { Figure, FigureRequest } from './metrics.types.js';

/**
 * The figures a dashboard or a progress table asks for, in the order asked, from the summary rows
 * kept with the records (metrics.summary.ts): each is a range sum over metric_day for the unit, its
 * keys and its days, whatever the size of the subtree. Enterprises reached are a distinct count made a
 * range count (see `reached`); enterprises surveyed and a minWorkers that is not one of the bands are
 * answered by their from-scratch query.
 */
export async function figures(db: Db, reqs: FigureRequest[]): Promise<Figure[]> {
  const sums = new RangeSums(db);
  return Promise.all(reqs.map((r) => figure(db, sums, r)));
}

type Range = { unitId: number; keys: string[]; from: string | null; to: string };
const BEGINNING = '0000-00-00';

/**
 * The range sums of one `figures` call, answered together: every figure asks for its sums, and once all
 * have asked (setImmediate: after every pending continuation) one statement answers them all — the list
 * of (sum, unit, key, first day, last day) probes joined to metric_day's primary key, so a dashboard of
 * hundreds of figures costs one round trip and one index range per probe, not one query per figure. The
 * CROSS JOIN keeps SQLite on that plan (the list outside, a primary-key range inside): with a long list
 * its planner would otherwise scan metric_day against an automatic index on the list.
 */
class RangeSums {
  private queue: { range: Range; resolve: (n: number) => void; reject: (e: unknown) => void }[] = [];
  constructor(private db: Db) {}

  sum(range: Range): Promise<number> {
    if (range.keys.length === 0 || (range.from !== null && range.to < range.from)) return Promise.resolve(0);
    return new Promise((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => void this.flush());
      this.queue.push({ range, resolve, reject });
    });
  }

  private async flush() {
    const queue = this.queue;
    this.queue = [];
    try {
      // The same range asked twice (children's shares, a ratio's denominator) is summed once.
      const index = new Map<string, number>();
      const ranges: Range[] = [];
      const slot = queue.map(({ range }) => {
        const id = `${range.unitId}|${range.from}|${range.to}|${range.keys.join(',')}`;
        let i = index.get(id);
        if (i === undefined) {
          i = ranges.push(range) - 1;
          index.set(id, i);
        }
        return i;
      });
      const totals = new Array<number>(ranges.length).fill(0);
      // Each range in its day, month and year pieces; each distinct list of keys (with its prefix) sent once
      // (a coverage figure has ~30 keys, shared by every unit asked for).
      const groups = new Map<string, number>();
      const parts = ranges.flatMap((r, i) =>
        pieces(r.from, r.to).map((p) => {
          const id = r.keys.map((k) => p.prefix + k).join(',');
          let g = groups.get(id);
          if (g === undefined) {
            g = groups.size;
            groups.set(id, g);
          }
          return { i, unitId: r.unitId, g, lo: p.lo, hi: p.hi };
        }),
      );
      type Row = { i: number | string; n: number | string | null };
      const add = (rows: Row[]) => {
        for (const row of rows) totals[Number(row.i)] = (totals[Number(row.i)] ?? 0) + Number(row.n ?? 0);
      };
      // One probe per (sum, unit, key, first day, last day), each an index range of metric_day's primary key.
      const keysOf = [...groups.keys()].map((id) => id.split(','));
      const probes = parts.flatMap((p) => (keysOf[p.g] ?? []).map((k) => [p.i, p.unitId, k, p.lo, p.hi] as const));
      if (isPostgres(this.db)) {
        // PostgreSQL: the probes as five arrays (five parameters, nothing to parse per row), unnested.
        const col = <T>(j: number) => probes.map((p) => p[j] as T);
        const got = await sql<Row>`with r as (select * from unnest(cast(${col<number>(0)} as integer[]),
              cast(${col<number>(1)} as integer[]), cast(${col<string>(2)} as text[]), cast(${col<string>(3)} as text[]),
              cast(${col<string>(4)} as text[])) as r (i, unit_id, k, lo, hi))
          select r.i as i, sum(d.value) as n from r
            inner join metric_day d on d.unit_id = r.unit_id and d.key = r.k and d.day >= r.lo and d.day <= r.hi
          group by r.i`.execute(this.db);
        add(got.rows);
      } else {
        // SQLite: one JSON parameter read by json_each — thousands of bound values would cost more to
        // build and bind than the sums themselves; materialized so the list is parsed once and stays the
        // outer loop over metric_day's primary key.
        const got = await sql<Row>`with r as materialized (select value ->> 0 as i, value ->> 1 as unit_id,
              value ->> 2 as k, value ->> 3 as lo, value ->> 4 as hi from json_each(${JSON.stringify(probes)}))
          select r.i as i, sum(d.value) as n from r cross join metric_day d
          where d.unit_id = r.unit_id and d.key = r.k and d.day >= r.lo and d.day <= r.hi
          group by r.i`.execute(this.db);
        add(got.rows);
      }
      for (const [j, q] of queue.entries()) q.resolve(totals[slot[j] as number] ?? 0);
    } catch (e) {
      for (const q of queue) q.reject(e);
    }
  }
}

/** The <ifx> key suffixes (informal, female, foreign) a filter set selects. */
function ifxKeys(prefix: string, f: MetricFilters): string[] {
  if (f.informal === undefined && f.female === undefined && f.foreign === undefined) return [`${prefix}:${ALL}`];
  const keys: string[] = [];
  for (const i of ['0', '1'])
    for (const fe of ['0', '1'])
      for (const x of ['0', '1']) {
        if (f.informal !== undefined && (i === '1') !== f.informal) continue;
        if (f.female !== undefined && (fe === '1') !== f.female) continue;
        if (f.foreign !== undefined && (x === '1') !== f.foreign) continue;
        keys.push(`${prefix}:${i}${fe}${x}`);
      }
  return keys;
}

/** Admissions into CĐCS founded in the period: the few facts of those units, placed under this unit on their day. */
async function admittedInNewUnions(db: Db, r: FigureRequest, keys: string[], end: string): Promise<number> {
  const row = await db
    .selectFrom('metric_fact as f')
    .select((eb) => eb.fn.sum<number | string>('f.delta').as('n'))
    .where('f.unit_id', 'in', (eb) =>
      eb
        .selectFrom('org_unit as u')
        .select('u.id')
        .where(sql<boolean>`${FOUNDED_DAY} >= ${r.from}`)
        .where(sql<boolean>`${FOUNDED_DAY} <= ${end}`),
    )
    .where('f.key', 'in', keys)
    .where('f.day', '>=', r.from)
    .where('f.day', '<=', end)
    .where('f.path', 'like', `%/${r.unitId}/%`)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

const lastOfMonth = (iso: string) => {
  const d = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), 0));
  return d.toISOString().slice(0, 10);
};
const nextMonth = (ym: string) => {
  const d = new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)), 1));
  return d.toISOString().slice(0, 7);
};

/**
 * Distinct non-state enterprises reached in [from, end] under the unit (metrics.facts.ts, source 'reach'):
 * the reach points of the period minus the repeats whose previous reach was itself on or after `from` —
 * those with a previous reach in a later month (`rqm:<month>`), or in from's month on or after from
 * (`rqd:<day>`). A few dozen key ranges, whatever the number of enterprises.
 */
async function reached(sums: RangeSums, unitId: number, from: string, end: string): Promise<number> {
  if (end < from) return 0;
  const keys = repeatKeys(from, end);
  const [points, repeats] = await Promise.all([
    sums.sum({ unitId, keys: ['rpt'], from, to: end }),
    sums.sum({ unitId, keys, from, to: end }),
  ]);
  return points - repeats;
}
/** The keys of the repeats whose previous reach was in [from, end]'s months on or after `from`. */
export function repeatKeys(from: string, end: string): string[] {
  return memo(`reach|${from}|${end}`, () => {
    const month = from.slice(0, 7);
    const out = blocksOf(
      Number(from.slice(8, 10)) - 1,
      end.slice(0, 7) > month ? 31 : Number(end.slice(8, 10)) - 1,
    ).map(({ k, i }) => (k === 0 ? `rqd:${month}-${String(i + 1).padStart(2, '0')}` : `rqb${k}:${month}:${i}`));
    for (let m = nextMonth(month); m <= end.slice(0, 7); m = nextMonth(m)) out.push(`rqm:${m}`);
    return out;
  });
}

/**
 * Days lo..hi of a month (0-based from the 1st; hi 31 = to its end, whatever its length) as the fewest
 * aligned blocks of 2^k days, k ≤ REACH_LEVELS: block i of level k is days i·2^k … (i+1)·2^k − 1.
 */
export function blocksOf(lo: number, hi: number): { k: number; i: number }[] {
  const out: { k: number; i: number }[] = [];
  let a = lo;
  while (a <= hi) {
    let k = REACH_LEVELS;
    while (k > 0 && (a % 2 ** k !== 0 || a + 2 ** k - 1 > hi)) k--;
    out.push({ k, i: a >> k });
    a += 2 ** k;
  }
  return out;
}
const addDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const year = (y: number) => `${String(y).padStart(4, '0')}-01-01`;

/**
 * [from, to] (from null: since the beginning) cut into the rows metric_day keeps for it: the days before
 * the first whole month, whole months (`M/` rows) up to the first whole year, whole years (`Y/` rows),
 * whole months of the last year, and the days of the last month. A stock since 2000 reads ~25 + 12 + 31
 * rows per key, not ~9 000; a plan's half-year ~6 + 2 × 31.
 */
export function pieces(from: string | null, to: string): Piece[] {
  return memo(`cut|${from}|${to}`, () => cutRange(from, to));
}
type Piece = { prefix: '' | 'M/' | 'Y/'; lo: string; hi: string };

/**
 * Day arithmetic on ISO strings goes through Date objects: a root dashboard asks the same few ranges of
 * dozens of units and would spend more time cutting them than summing them. Results are pure functions
 * of their dates, so a bounded map keeps them (returned arrays are shared: never mutated).
 */
const cuts = new Map<string, readonly unknown[]>();
function memo<T>(id: string, make: () => T[]): T[] {
  let got = cuts.get(id) as T[] | undefined;
  if (got === undefined) {
    if (cuts.size >= 10_000) cuts.clear();
    got = make();
    cuts.set(id, got);
  }
  return got;
}

function cutRange(from: string | null, to: string): Piece[] {
  const out: Piece[] = [];
  let a = from ?? BEGINNING;
  if (a > to) return out;
  const months = () => {
    let m = a;
    let last: string | null = null;
    while (m <= to && lastOfMonth(m) <= to && (last === null || m.slice(5) !== '01-01')) {
      last = m;
      m = addDay(lastOfMonth(m));
    }
    if (last !== null) {
      out.push({ prefix: 'M/', lo: a, hi: last });
      a = m;
    }
  };
  if (from !== null) {
    if (a.slice(8) !== '01') {
      const e = lastOfMonth(a) < to ? lastOfMonth(a) : to;
      out.push({ prefix: '', lo: a, hi: e });
      if (e >= to) return out;
      a = addDay(e);
    }
    // Whole months up to the next 1 January (or as far as `to` allows).
    if (a.slice(5) !== '01-01') months();
    if (a > to) return out;
    if (a.slice(5) !== '01-01') {
      out.push({ prefix: '', lo: a, hi: to });
      return out;
    }
  }
  // `a` is 1 January (or the beginning): whole years that end by `to`.
  const lastYear = to.slice(5) === '12-31' ? Number(to.slice(0, 4)) : Number(to.slice(0, 4)) - 1;
  if (from === null || Number(a.slice(0, 4)) <= lastYear) {
    if (lastYear >= 0) out.push({ prefix: 'Y/', lo: a, hi: year(lastYear) });
    a = year(lastYear + 1);
  }
  if (a > to) return out;
  months();
  if (a <= to) out.push({ prefix: '', lo: a, hi: to });
  return out;
}

/** The founded keys of a filter set: one `fge` key per nonState value (headcount at least that band). */
function foundedKeys(f: MetricFilters): string[] | null {
  let minBand = -1;
  if (f.minWorkers !== undefined) {
    minBand = FOUNDED_BANDS.indexOf(f.minWorkers as (typeof FOUNDED_BANDS)[number]);
    if (minBand < 0) return null;
  }
  const keys: string[] = [];
  for (const ns of ['0', '1']) {
    if (f.nonState !== undefined && (ns === '1') !== f.nonState) continue;
    if (minBand < 0) keys.push(`fnd:${ns}:x`);
    keys.push(`fge:${ns}:${Math.max(0, minBand)}`);
  }
  return keys;
}

const ratio = (numerator: number, denominator: number): Figure => ({
  value: denominator > 0 ? Math.round((numerator * 1000) / denominator) / 10 : 0,
  numerator,
  denominator,
});

async function figure(db: Db, sums: RangeSums, r: FigureRequest): Promise<Figure> {
  const sumDays = (unitId: number, keys: string[], from: string | null, to: string) =>
    sums.sum({ unitId, keys, from, to });
  const end = figureEnd(r.to, r.asOf);
  const u = r.unitId;
  const f = r.filters;
  switch (r.metric) {
    case 'members.admitted': {
      const keys = ifxKeys('adm', f);
      const all = await sumDays(u, keys, r.from, end);
      if (f.newUnion === undefined) return { value: all };
      const fresh = end < r.from ? 0 : await admittedInNewUnions(db, r, keys, end);
      return { value: f.newUnion ? fresh : all - fresh };
    }
    case 'members.stock':
      return { value: await sumDays(u, ifxKeys('stk', f), null, end) };
    case 'members.net':
      return { value: await sumDays(u, ifxKeys('stk', f), r.from, end) };
    case 'members.left':
      return { value: await sumDays(u, ifxKeys('left', f), r.from, end) };
    case 'cards.issued':
      return { value: await sumDays(u, ifxKeys('card', f), r.from, end) };
    case 'party.introduced':
      return { value: await sumDays(u, ['pin'], r.from, end) };
    case 'party.admitted':
      return { value: await sumDays(u, ['padm'], r.from, end) };
    case 'applications.pending':
      return { value: await sumDays(u, ifxKeys('app', f), null, end) };
    case 'outreach.workers':
      return { value: await sumDays(u, ['ow'], r.from, end) };
    case 'unions.founded': {
      const keys = foundedKeys(f);
      if (keys === null) return scratch(db, r);
      return { value: await sumDays(u, keys, r.from, end) };
    }
    case 'members.rate':
      return ratio(...(await Promise.all([sumDays(u, ifxKeys('stk', {}), null, end), sumDays(u, ['wrk'], null, end)])));
    case 'outreach.coverage':
      return ratio(...(await Promise.all([reached(sums, u, r.from, end), sumDays(u, ['frm'], null, end)])));
    case 'outreach.reached':
      return { value: await reached(sums, u, r.from, end) };
    case 'enterprises.surveyed':
      return scratch(db, r);
  }
}

const DAY = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** The days a chart shows: every day up to ~4 months, else every 7th day; the last day always. */
export function seriesDays(from: string, end: string): string[] {
  const a = ms(from);
  const b = ms(end);
  if (b < a) return [];
  const step = (b - a) / DAY > 124 ? 7 : 1;
  const days: string[] = [];
  for (let t = a; t < b; t += step * DAY) days.push(toDay(t));
  days.push(end);
  return days;
}

/**
 * The figure's curve for a chart: for each day, the figure of [from, day] (cumulative for flows, the
 * standing value for stocks and ratios), per day or per week for long periods.
 */
export async function series(db: Db, req: FigureRequest): Promise<{ day: string; value: number }[]> {
  metricByCode(req.metric);
  const days = seriesDays(req.from, figureEnd(req.to, req.asOf));
  const values = await figures(
    db,
    days.map((day) => ({ ...req, to: day, asOf: day })),
  );
  return days.map((day, i) => ({ day, value: values[i]?.value ?? 0 }));
}
