import { isMetricCode, metricByCode } from '../../../shared/metrics/catalogue.js';
import { formatNumber } from '../../app/i18n/i18n.js';

/** One decimal at most: 84,8 % — enough to see movement, short enough to read at a glance. */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function pct(p: number | null | undefined): string {
  return p === null || p === undefined ? '—' : `${formatNumber(round1(p))}%`;
}

/** A figure in its metric's unit: a percent metric reads 62,5%, a count 213. */
export function figure(value: number, metricUnit: string): string {
  return metricUnit === 'percent' ? pct(value) : formatNumber(round1(value));
}

/** Where the even-pace tick sits on the bar, 0..100. */
export function barPosition(value: number, goal: number): number {
  if (goal <= 0) return value > 0 ? 100 : 0;
  return Math.max(0, Math.min(100, (value / goal) * 100));
}

/** The unit a catalogue metric counts in (percent, count, workers); count for a code the catalogue lacks. */
export function metricUnitOf(code: string): string {
  return isMetricCode(code) ? metricByCode(code).unit : 'count';
}
