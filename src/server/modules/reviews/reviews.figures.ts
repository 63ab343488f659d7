import type { TEnterpriseQuery } from '../../../shared/enterprises/contract.js';
import type { TPlanProgress, TTargetProgress } from '../../../shared/plans/contract.js';
import type { TReviewFigures, TTargetFigures } from '../../../shared/reviews/contract.js';
import { addDays } from '../../../shared/text/index.js';
import type { AppContext } from '../../platform/context.js';
import { today } from '../../platform/dates.js';
import { scopeForUnits } from '../../platform/scope.js';
import * as enterprises from '../enterprises/enterprises.repository.js';
import { thresholds } from '../enterprises/enterprises.service.js';
import { foundedUnions } from '../org/org.founded.js';
import { figures, type MetricCode, metricOf } from '../plans/plans.metrics.js';
import { planProgress } from '../plans/plans.progress.js';
import type { PlanRow } from '../plans/plans.repository.js';
import { maxDay, minDay } from '../plans/plans.service.js';
import * as repo from './reviews.repository.js';

type Period = Pick<repo.ReviewRow, 'kind' | 'period_from' | 'period_to'>;

/** The day a review counts to: the period's end, or the plan's, or today while either is still running. */
export function countedTo(ctx: AppContext, plan: PlanRow, p: Period) {
  return minDay(minDay(p.period_to, plan.period_to), today(ctx));
}

/** Filters as a stable string, so a parent's target and a child's report of the same thing can be matched. */
const filterKey = (metric: string, filters: Record<string, unknown>) =>
  `${metric}|${Object.keys(filters)
    .sort()
    .map((k) => `${k}=${String(filters[k])}`)
    .join(',')}`;

/** What each sending child reported, by unit and target key: the latest version it sent for the period. */
async function childReports(ctx: AppContext, plan: PlanRow, p: Period) {
  const sent = await repo.sentTo(ctx.db, plan.unit_id, { kind: p.kind, from: p.period_from, to: p.period_to });
  const out = new Map<number, { reviewId: number; version: number; actual: Map<string, number> }>();
  for (const r of sent) {
    if (out.has(r.unit_id) || r.status === 'returned' || !r.figures) continue;
    const f = JSON.parse(r.figures) as TReviewFigures;
    const actual = new Map<string, number>();
    for (const t of f.targets) {
      actual.set(filterKey(t.metric, t.filters), t.actual);
      for (const s of t.subTargets) actual.set(filterKey(s.metric, s.filters), s.actual);
    }
    out.set(r.unit_id, { reviewId: r.id, version: r.version, actual });
  }
  return out;
}

const isFlow = (metric: string) => {
  const m = metricOf(metric);
  return m !== undefined && m.kind !== 'stock' && m.kind !== 'ratio';
};

/**
 * A review's figures from the records, as of its counted day: every target's progress (the plan's own
 * roll-up, never a sum of children's percentages), the flow within the review period, the change since the
 * previous frozen review, the children beside what each child itself reported, and the lists a report cites.
 */
export async function liveFigures(ctx: AppContext, plan: PlanRow, p: Period): Promise<TReviewFigures> {
  const db = ctx.db;
  const asOf = countedTo(ctx, plan, p);
  const start = maxDay(p.period_from, plan.period_from);
  const [now, before, prevRow, reports] = await Promise.all([
    planProgress(ctx, plan, asOf),
    start > plan.period_from ? planProgress(ctx, plan, addDays(start, -1)) : Promise.resolve(null),
    repo.previousFrozen(db, plan.id, p.period_to),
    childReports(ctx, plan, p),
  ]);
  const prev = prevRow?.figures ? (JSON.parse(prevRow.figures) as TReviewFigures) : null;
  const prevActual = new Map<number, number>();
  for (const t of prev?.targets ?? []) {
    prevActual.set(t.targetId, t.actual);
    for (const s of t.subTargets) prevActual.set(s.targetId, s.actual);
  }
  const beforeActual = new Map<number, number>();
  for (const t of before?.targets ?? []) {
    beforeActual.set(t.targetId, t.actual);
    for (const s of t.subTargets) beforeActual.set(s.targetId, s.actual);
  }
  const figure = (t: TTargetProgress | TTargetProgress['subTargets'][number]) => {
    const previous = prevActual.get(t.targetId) ?? null;
    return {
      targetId: t.targetId,
      code: t.code,
      label: t.label,
      metric: t.metric,
      metricUnit: t.metricUnit,
      filters: t.filters,
      comparator: t.comparator,
      goal: t.goal,
      actual: t.actual,
      percent: t.percent,
      pending: t.pending,
      status: t.status,
      forecast: t.forecast.value,
      inPeriod: isFlow(t.metric) ? t.actual - (beforeActual.get(t.targetId) ?? 0) : null,
      previous,
      change: previous === null ? null : Math.round((t.actual - previous) * 100) / 100,
    };
  };
  const targets: TTargetFigures[] = now.targets.map((t) => ({
    ...figure(t),
    subTargets: t.subTargets.map(figure),
    children: t.children.map((c) => {
      const report = reports.get(c.unitId);
      const sent = report?.actual.get(filterKey(t.metric, t.filters));
      const submitted =
        report && sent !== undefined ? { reviewId: report.reviewId, version: report.version, actual: sent } : null;
      return {
        unitId: c.unitId,
        unitName: c.unitName,
        share: c.share,
        actual: c.actual,
        percent: c.percent,
        status: c.status,
        submitted,
        differs: submitted !== null && submitted.actual !== c.actual,
      };
    }),
  }));
  return {
    asOf,
    targets,
    ...(await lists(ctx, plan, start, asOf, now)),
    previous: prevRow && prev ? { reviewId: prevRow.id, label: prevRow.label, asOf: prev.asOf } : null,
  };
}

/** The lists a report cites, over the review period (outreach over the plan period, as target T1 counts it). */
async function lists(ctx: AppContext, plan: PlanRow, from: string, asOf: string, now: TPlanProgress) {
  const unitId = plan.unit_id;
  const ask = (metric: MetricCode, filters: Record<string, boolean> = {}, whole = false) => ({
    unitId,
    metric,
    filters,
    from: whole ? plan.period_from : from,
    to: whole ? plan.period_to : asOf,
    asOf,
  });
  const period = asOf < from ? null : { from, to: asOf };
  const [f, founded, notReached] = await Promise.all([
    figures(ctx.db, [
      ask('members.admitted'),
      ask('members.admitted', { newUnion: true }),
      ask('members.admitted', { newUnion: false }),
      ask('members.admitted', { informal: true }),
      ask('party.introduced'),
      ask('party.admitted'),
      ask('outreach.coverage', {}, true),
    ]),
    period ? foundedUnions(ctx.db, { unitId, from: period.from, to: period.to, filters: {} }) : Promise.resolve([]),
    notReachedList(ctx, unitId, { from: plan.period_from, to: asOf }),
  ]);
  const v = (i: number) => (period ? (f[i]?.value ?? 0) : 0);
  const lagging = now.targets
    .flatMap((t) =>
      t.children
        .filter((c) => c.status === 'behind' || c.status === 'at_risk')
        .map((c) => ({ code: t.code, unitName: c.unitName, percent: c.percent, status: c.status })),
    )
    .sort((a, b) => (a.percent ?? -1) - (b.percent ?? -1));
  return {
    founded: founded.map((u) => ({
      name: u.name,
      foundedOn: u.foundedOn,
      decisionNo: u.foundingDecisionNo,
      parentName: u.parentName,
    })),
    admissions: { total: v(0), newUnion: v(1), existingUnion: v(2), informal: v(3) },
    party: { introduced: v(4), admitted: v(5) },
    outreach: { frame: f[6]?.denominator ?? 0, reached: f[6]?.numerator ?? 0 },
    notReached,
    lagging,
  };
}

/** How many enterprises a report lists by name as not yet reached; the figure itself counts them all. */
export const NOT_REACHED_MAX = 2000;

/**
 * The enterprises of the survey frame (non-state, at or above the survey threshold) under the unit that no
 * outreach of the plan period has reached yet, by name: the work list the report hands on to the next period.
 */
async function notReachedList(ctx: AppContext, unitId: number, period: { from: string; to: string }) {
  if (period.to < period.from) return [];
  const scope = await scopeForUnits(ctx.db, 'record.read', [unitId]);
  const filters = { nonState: true, inSurveyScope: true, reached: false, folded: '' } as TEnterpriseQuery & {
    folded: string;
  };
  const rows = await enterprises
    .filtered(ctx.db, scope, await thresholds(ctx.db, period.to), period, filters, 'order')
    .orderBy('e.name_folded')
    .limit(NOT_REACHED_MAX)
    .execute();
  return rows.map((e) => ({ name: e.name, mst: e.mst, workers: e.worker_count }));
}
