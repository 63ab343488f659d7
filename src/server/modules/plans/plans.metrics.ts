import {
  METRICS,
  type Metric,
  type MetricCode,
  type MetricDef,
  type MetricFilters,
} from '../../../shared/metrics/catalogue.js';
import { type FigureRequest, figures, series } from '../metrics/metrics.figures.js';

/**
 * The one place plans meet the metric engine: the catalogue (what a target may count and filter) and the
 * figures (what the records say). Plans never count records themselves.
 */
export type { FigureRequest, Metric, MetricCode, MetricDef, MetricFilters };
export { figures, series };

const BY_CODE = new Map<string, MetricDef>(METRICS.map((m) => [m.code, m]));

export function metricOf(code: string): MetricDef | undefined {
  return BY_CODE.get(code);
}
