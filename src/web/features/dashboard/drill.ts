import { drillQuery, isMetricCode, metricByCode } from '../../../shared/metrics/catalogue.js';
import type { TDrill } from '../plans/api.js';

/**
 * The URL of the list page that shows the records behind a figure. The server (and the metric
 * catalogue) name the unit `unitId` as the list routes do; the list pages keep their unit in the URL
 * as `unit` (the work scope), so that one is renamed. A members drill also sets the page's counting
 * period (`from`/`to`) to the figure's period, so the counts strip above the list tells the same story.
 */
export function drillHref(drill: TDrill): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(drill.query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k === 'unitId' ? 'unit' : k, String(v));
  }
  if (drill.page === 'members') {
    const from = params.get('admittedFrom') ?? params.get('partyFrom') ?? params.get('endedFrom');
    const to = params.get('admittedTo') ?? params.get('partyTo') ?? params.get('endedTo');
    if (from && to && !params.has('from')) {
      params.set('from', from);
      params.set('to', to);
    }
  }
  const s = params.toString();
  return s ? `${drill.path}?${s}` : drill.path;
}

/** The pending figure's own list (applications waiting for review in the same unit), from the catalogue. */
export function pendingDrill(
  metric: string,
  f: { unitId: number; from: string; to: string; asOf: string },
): TDrill | null {
  if (!isMetricCode(metric)) return null;
  const pending = metricByCode(metric).pendingMetric;
  if (!pending || !isMetricCode(pending)) return null;
  const d = drillQuery(pending, { ...f, filters: {} });
  return { page: d.page, path: `/${d.page}`, query: d.query };
}
