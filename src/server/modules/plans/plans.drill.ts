import { drillQuery } from '../../../shared/metrics/catalogue.js';
import type { MetricCode, MetricDef, MetricFilters } from './plans.metrics.js';

/** The web's list pages by the catalogue's page names. */
const PATHS: Record<string, string> = {
  members: '/members',
  enterprises: '/enterprises',
  outreach: '/outreach',
  applications: '/applications',
  unions: '/org/founded',
};

/**
 * Where the records behind a figure are listed: the catalogue says which list and which of its filters;
 * here they are filled for one unit and the counted days [from, countedTo].
 */
export function drillOf(m: MetricDef, unitId: number, from: string, countedTo: string, filters: MetricFilters) {
  const d = drillQuery(m.code as MetricCode, { unitId, from, to: countedTo, asOf: countedTo, filters });
  return { page: d.page, path: PATHS[d.page] ?? `/${d.page}`, query: d.query };
}
