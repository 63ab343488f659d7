import { figureEnd, metricByCode } from '../../../shared/metrics/catalogue.js';
import type { Db } from '../../db/database.js';
import { scratch } from './metrics.scratch.js';
import type { Figure, FigureRequest } from './metrics.types.js';

export { scratch } from './metrics.scratch.js';
export type { Figure, FigureRequest } from './metrics.types.js';

/**
 * The figures a dashboard or a progress table asks for, in the order asked. The engine answers from
 * the summary rows kept with the records (metrics.summary.ts); `scratch` is the same figure from the
 * records themselves.
 */
export async function figures(db: Db, reqs: FigureRequest[]): Promise<Figure[]> {
  const out: Figure[] = [];
  for (const r of reqs) out.push(await scratch(db, r));
  return out;
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
