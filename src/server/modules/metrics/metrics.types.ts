import type { MetricCode, MetricFilters } from '../../../shared/metrics/catalogue.js';

/**
 * One figure asked for: the work dated in [from, min(to, asOf)] inside unitId's subtree as the tree was
 * on the day of each piece of work; stocks at min(to, asOf). Dates are ISO.
 */
export type FigureRequest = {
  unitId: number;
  metric: MetricCode;
  filters: MetricFilters;
  from: string;
  to: string;
  asOf: string;
};

/** value = the figure (a percent for ratios, rounded to 0.1); numerator and denominator for ratios. */
export type Figure = { value: number; numerator?: number; denominator?: number };
