import { sql } from 'kysely';
import { figureEnd, type MetricFilters, metricByCode } from '../../../shared/metrics/catalogue.js';
import type { Db } from '../../db/database.js';
import { FOUNDED_BANDS } from './metrics.facts.js';
import { FOUNDED_DAY, scratch } from './metrics.scratch.js';
import type { Figure, FigureRequest } from './metrics.types.js';

export { scratch } from './metrics.scratch.js';
export { metricsChanged, treeChanged } from './metrics.summary.js';
export type { Figure, FigureRequest } from './metrics.types.js';

/**
 * The figures a dashboard or a progress table asks for, in the order asked, from the summary rows
 * kept with the records (metrics.summary.ts): each is a range sum over metric_day for the unit, its
 * keys and its days, whatever the size of the subtree. Distinct counts (enterprises reached or
 * surveyed) and a minWorkers that is not one of the bands are answered by their from-scratch query.
 */
export async function figures(db: Db, reqs: FigureRequest[]): Promise<Figure[]> {
  const out: Figure[] = [];
  for (const r of reqs) out.push(await figure(db, r));
  return out;
}

/** The <ifx> key suffixes (informal, female, foreign) a filter set selects. */
function ifxKeys(prefix: string, f: MetricFilters): string[] {
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

/** Sum of metric_day for the unit and keys over [from, to] (from null: since the beginning = a stock). */
async function sumDays(db: Db, unitId: number, keys: string[], from: string | null, to: string): Promise<number> {
  if (keys.length === 0 || (from !== null && to < from)) return 0;
  let q = db
    .selectFrom('metric_day')
    .select((eb) => eb.fn.sum<number | string>('value').as('n'))
    .where('unit_id', '=', unitId)
    .where('key', 'in', keys)
    .where('day', '<=', to);
  if (from !== null) q = q.where('day', '>=', from);
  const row = await q.executeTakeFirst();
  return Number(row?.n ?? 0);
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
    FOUNDED_BANDS.forEach((_, band) => {
      if (band >= minBand) keys.push(`fnd:${ns}:${band}`);
    });
  }
  return keys;
}

const ratio = (numerator: number, denominator: number): Figure => ({
  value: denominator > 0 ? Math.round((numerator * 1000) / denominator) / 10 : 0,
  numerator,
  denominator,
});

async function figure(db: Db, r: FigureRequest): Promise<Figure> {
  const end = figureEnd(r.to, r.asOf);
  const u = r.unitId;
  const f = r.filters;
  switch (r.metric) {
    case 'members.admitted': {
      const keys = ifxKeys('adm', f);
      const all = await sumDays(db, u, keys, r.from, end);
      if (f.newUnion === undefined) return { value: all };
      const fresh = end < r.from ? 0 : await admittedInNewUnions(db, r, keys, end);
      return { value: f.newUnion ? fresh : all - fresh };
    }
    case 'members.stock':
      return { value: await sumDays(db, u, ifxKeys('stk', f), null, end) };
    case 'members.net':
      return { value: await sumDays(db, u, ifxKeys('stk', f), r.from, end) };
    case 'members.left':
      return { value: await sumDays(db, u, ifxKeys('left', f), r.from, end) };
    case 'cards.issued':
      return { value: await sumDays(db, u, ifxKeys('card', f), r.from, end) };
    case 'party.introduced':
      return { value: await sumDays(db, u, ['pin'], r.from, end) };
    case 'party.admitted':
      return { value: await sumDays(db, u, ['padm'], r.from, end) };
    case 'applications.pending':
      return { value: await sumDays(db, u, ifxKeys('app', f), null, end) };
    case 'outreach.workers':
      return { value: await sumDays(db, u, ['ow'], r.from, end) };
    case 'unions.founded': {
      const keys = foundedKeys(f);
      if (keys === null) return scratch(db, r);
      return { value: await sumDays(db, u, keys, r.from, end) };
    }
    case 'members.rate':
      return ratio(await sumDays(db, u, ifxKeys('stk', {}), null, end), await sumDays(db, u, ['wrk'], null, end));
    case 'outreach.coverage': {
      const reached = await scratch(db, { ...r, metric: 'outreach.reached' });
      return ratio(reached.value, await sumDays(db, u, ['frm'], null, end));
    }
    case 'outreach.reached':
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
