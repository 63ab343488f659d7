import type { TargetStatus, TPlanProgress, TTargetProgress } from '../../../shared/plans/contract.js';
import { addDays } from '../../../shared/text/index.js';
import type { Db } from '../../db/database.js';
import type { AppContext } from '../../platform/context.js';
import { today } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import { ruleAt } from '../../platform/rules.js';
import { type Actor, requireScope, requireUnitInScope } from '../../platform/scope.js';
import { drillOf } from './plans.drill.js';
import {
  type FigureRequest,
  figures,
  type MetricDef as Metric,
  type MetricCode,
  type MetricFilters,
  metricOf,
  series,
} from './plans.metrics.js';
import { parseFilters, planReference, presentSummary } from './plans.presenter.js';
import * as repo from './plans.repository.js';
import { goalsAt, maxDay, minDay, readablePlan } from './plans.service.js';

const DAY = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const yearBefore = (iso: string) => {
  const y = Number(iso.slice(0, 4)) - 1;
  const md = iso.slice(4) === '-02-29' ? '-02-28' : iso.slice(4);
  return `${y}${md}`;
};

/** The plan period seen from an as-of date. */
export type Window = { from: string; to: string; asOf: string; countedTo: string; elapsed: number; total: number };
export function windowOf(from: string, to: string, asOf: string): Window {
  const countedTo = minDay(to, asOf);
  const total = daysBetween(from, to) + 1;
  const elapsed = asOf < from ? 0 : daysBetween(from, countedTo) + 1;
  return { from, to, asOf, countedTo, elapsed, total };
}

/** Figure requests collected first and answered by the engine in one call. */
class Batch {
  private reqs: FigureRequest[] = [];
  private out: number[] = [];
  private parts: { numerator?: number; denominator?: number }[] = [];
  add(r: FigureRequest): number {
    return this.reqs.push(r) - 1;
  }
  async run(db: Db) {
    const got = await figures(db, this.reqs);
    this.out = got.map((f) => f.value);
    this.parts = got.map((f) => ({ numerator: f.numerator, denominator: f.denominator }));
  }
  value(i: number | null): number {
    return i === null ? 0 : (this.out[i] ?? 0);
  }
  numerator(i: number) {
    return this.parts[i]?.numerator ?? null;
  }
  denominator(i: number) {
    return this.parts[i]?.denominator ?? null;
  }
}

type Thresholds = { onTrack: number; atRisk: number };
async function thresholds(db: Db, date: string): Promise<Thresholds> {
  return {
    onTrack: await ruleAt(db, 'plan.status.on_track_ratio', date),
    atRisk: await ruleAt(db, 'plan.status.at_risk_ratio', date),
  };
}

/**
 * Stocks and the membership rate start the period at a level; flows start at zero, and so does outreach
 * coverage, whose numerator counts only the enterprises reached within the period.
 */
const startsAtLevel = (m: Metric) => m.kind === 'stock' || (m.kind === 'ratio' && m.code === 'members.rate');

/** The requests of one figure: the actual, its level at the start, last year's curve when there is one. */
type Slots = { actual: number; start: number | null; ly: { start: number | null; point: number; end: number } | null };
function request(b: Batch, m: Metric, unitId: number, filters: MetricFilters, w: Window, lastYear: boolean): Slots {
  const base = { unitId, metric: m.code as MetricCode, filters };
  const actual = b.add({ ...base, from: w.from, to: w.to, asOf: w.asOf });
  const level = startsAtLevel(m);
  const start = level ? b.add({ ...base, from: w.from, to: w.to, asOf: addDays(w.from, -1) }) : null;
  if (!lastYear || w.elapsed === 0) return { actual, start, ly: null };
  const from = yearBefore(w.from);
  const to = yearBefore(w.to);
  return {
    actual,
    start,
    ly: {
      start: level ? b.add({ ...base, from, to, asOf: addDays(from, -1) }) : null,
      point: b.add({ ...base, from, to, asOf: yearBefore(w.countedTo) }),
      end: b.add({ ...base, from, to, asOf: to }),
    },
  };
}

function statusOf(
  x: { actual: number; goal: number | null; forecast: number; comparator: 'at_least' | 'at_most' },
  w: Window,
  t: Thresholds,
): TargetStatus {
  if (x.goal === null) return 'no_goal';
  if (w.elapsed === 0) return 'not_started';
  let ratio: number;
  if (x.comparator === 'at_least') {
    if (x.actual >= x.goal || x.goal <= 0) return 'on_track';
    ratio = x.forecast / x.goal;
  } else {
    if (x.actual > x.goal) return 'behind';
    ratio = x.forecast <= 0 ? Number.POSITIVE_INFINITY : x.goal / x.forecast;
  }
  return ratio >= t.onTrack ? 'on_track' : ratio >= t.atRisk ? 'at_risk' : 'behind';
}

/** Actual, %, pace and forecast of one figure against one goal. */
function evaluate(
  b: Batch,
  s: Slots,
  m: Metric,
  goal: number | null,
  comparator: 'at_least' | 'at_most',
  w: Window,
  t: Thresholds,
) {
  const actual = b.value(s.actual);
  const start = b.value(s.start);
  const cap = (v: number) => (m.unit === 'percent' ? Math.min(100, v) : v);
  const pace = cap(w.elapsed > 0 ? start + ((actual - start) * w.total) / w.elapsed : start);
  let lastYear: number | null = null;
  if (s.ly) {
    const lyStart = b.value(s.ly.start);
    const lyGrowthSoFar = b.value(s.ly.point) - lyStart;
    const lyGrowth = b.value(s.ly.end) - lyStart;
    // Last year's curve says which share of the period's growth came by this day.
    if (lyGrowthSoFar > 0 && lyGrowth > 0)
      lastYear = round(cap(start + ((actual - start) * lyGrowth) / lyGrowthSoFar), 2);
  }
  const forecast = lastYear ?? round(pace, 2);
  const remaining = w.total - w.elapsed;
  const g = goal ?? 0;
  return {
    actual,
    numerator: b.numerator(s.actual),
    denominator: b.denominator(s.actual),
    goal: g,
    percent: goal !== null && goal > 0 ? round((actual / goal) * 100) : null,
    status: statusOf({ actual, goal, forecast, comparator }, w, t),
    expectedNow: round(start + ((g - start) * w.elapsed) / w.total, 2),
    pace: {
      soFarPerDay: w.elapsed > 0 ? round((actual - start) / w.elapsed, 3) : 0,
      neededPerDay: remaining > 0 ? round(Math.max(0, g - actual) / remaining, 3) : null,
    },
    forecast: {
      value: forecast,
      basis: lastYear !== null ? ('last_year' as const) : ('pace' as const),
      pace: round(pace, 2),
      lastYear,
    },
  };
}

/** Filters the pending metric also accepts (e.g. pending applications of informal workers). */
function pendingFilters(m: Metric, filters: MetricFilters): MetricFilters {
  const accepted = new Set<string>(m.filters);
  return Object.fromEntries(Object.entries(filters).filter(([k]) => accepted.has(k))) as MetricFilters;
}

async function existedOn(db: Db, unitId: number, date: string) {
  const u = await db.selectFrom('org_unit').select('valid_from').where('id', '=', unitId).executeTakeFirst();
  return u !== undefined && u.valid_from <= date;
}

/**
 * A plan's progress as of a date. Every figure is the metric engine's roll-up of the records of that
 * unit's subtree (as the tree was on each day of work): the plan unit's figure is never made from its
 * children's figures, and each child row is its own subtree's figure against its own share.
 */
export async function planProgress(ctx: AppContext, plan: repo.PlanRow, asOf: string): Promise<TPlanProgress> {
  const db = ctx.db;
  const w = windowOf(plan.period_from, plan.period_to, asOf);
  const t = await thresholds(db, w.countedTo);
  const targets = await repo.targetsOf(db, [plan.id]);
  const goals = await goalsAt(db, plan.id, targets, asOf);
  const shares = await repo.sharesOf(
    db,
    targets.map((x) => x.id),
    plan.period_from,
  );
  const childDay = maxDay(w.countedTo, w.from);
  const children = await repo.childrenOn(db, plan.unit_id, childDay);
  const hasLastYear = await existedOn(db, plan.unit_id, yearBefore(w.from));
  const b = new Batch();
  const prepared = targets.flatMap((target) => {
    const m = metricOf(target.metric);
    if (!m) return [];
    const filters = parseFilters(target.filters) as MetricFilters;
    const own = request(b, m, plan.unit_id, filters, w, hasLastYear);
    const pending = m.pendingMetric
      ? (() => {
          const pm = metricOf(m.pendingMetric);
          return pm
            ? b.add({
                unitId: plan.unit_id,
                metric: pm.code as MetricCode,
                filters: pendingFilters(pm, filters),
                from: w.from,
                to: w.to,
                asOf,
              })
            : null;
        })()
      : null;
    const kids =
      target.parent_target_id === null
        ? children.map((c) => ({ child: c, slots: request(b, m, c.unit_id, filters, w, false) }))
        : [];
    return [{ target, m, filters, own, pending, kids }];
  });
  await b.run(db);
  const name = await repo.unitNameAt(db, plan.unit_id, plan.period_from);
  const rows = prepared.map((p) => {
    const goal = goals.get(p.target.id) ?? p.target.goal;
    const figure = evaluate(b, p.own, p.m, goal, p.target.comparator, w, t);
    const childRows = p.kids
      .map(({ child, slots }) => {
        const share = shares.find((s) => s.target_id === p.target.id && s.unit_id === child.unit_id);
        const e = evaluate(b, slots, p.m, share?.goal ?? null, p.target.comparator, w, t);
        return {
          unitId: child.unit_id,
          unitName: child.name,
          share: share?.goal ?? null,
          actual: e.actual,
          numerator: e.numerator,
          denominator: e.denominator,
          goal: e.goal,
          percent: e.percent,
          status: e.status,
          drill: drillOf(p.m, child.unit_id, w.from, w.countedTo, p.filters),
        };
      })
      // Lagging first: the lowest share of its goal, then those without a share, fewest records first.
      .sort(
        (a, c) =>
          (a.percent ?? Number.POSITIVE_INFINITY) - (c.percent ?? Number.POSITIVE_INFINITY) || a.actual - c.actual,
      );
    return {
      parentTargetId: p.target.parent_target_id,
      targetId: p.target.id,
      code: p.target.code,
      label: p.target.label ?? p.m.label.vi,
      metric: p.m.code,
      metricUnit: p.m.unit,
      filters: p.filters as Record<string, boolean | number>,
      comparator: p.target.comparator,
      pending: p.pending === null ? null : b.value(p.pending),
      ...figure,
      drill: drillOf(p.m, plan.unit_id, w.from, w.countedTo, p.filters),
      children: childRows,
    };
  });
  const top: TTargetProgress[] = rows
    .filter((r) => r.parentTargetId === null)
    .map(({ parentTargetId: _, ...r }) => ({
      ...r,
      subTargets: rows
        .filter((s) => s.parentTargetId === r.targetId)
        .map(({ parentTargetId: __, children: ___, ...s }) => s),
    }));
  return {
    plan: presentSummary(plan, name),
    asOf,
    countedTo: w.countedTo,
    elapsedDays: w.elapsed,
    totalDays: w.total,
    targets: top,
  };
}

export async function progress(ctx: AppContext, actor: Actor, id: number, asOf?: string) {
  const plan = await readablePlan(ctx, actor, id);
  return planProgress(ctx, plan, asOf ?? today(ctx));
}

/** A target of a readable plan, and the unit a figure is asked for (the plan's unit or one in the caller's scope). */
async function targetFigureScope(ctx: AppContext, actor: Actor, id: number, targetId: number, unitId?: number) {
  const plan = await readablePlan(ctx, actor, id);
  const target = (await repo.targetsOf(ctx.db, [id])).find((t) => t.id === targetId);
  const m = target && metricOf(target.metric);
  if (!target || !m) throw new AppError('NOT_FOUND');
  if (unitId !== undefined && unitId !== plan.unit_id) {
    await requireUnitInScope(ctx.db, unitId, await requireScope(ctx.db, actor, 'record.read'));
  }
  return { plan, target, m, unitId: unitId ?? plan.unit_id };
}

export async function targetSeries(
  ctx: AppContext,
  actor: Actor,
  id: number,
  targetId: number,
  q: { asOf?: string; unitId?: number },
) {
  const { plan, target, m, unitId } = await targetFigureScope(ctx, actor, id, targetId, q.unitId);
  const asOf = q.asOf ?? today(ctx);
  const goals = await goalsAt(ctx.db, plan.id, [target], asOf);
  let goal = goals.get(target.id) ?? target.goal;
  if (unitId !== plan.unit_id) {
    const share = (await repo.sharesOf(ctx.db, [target.id], plan.period_from)).find((s) => s.unit_id === unitId);
    goal = share?.goal ?? 0;
  }
  const points = await series(ctx.db, {
    unitId,
    metric: m.code as MetricCode,
    filters: parseFilters(target.filters) as MetricFilters,
    from: plan.period_from,
    to: plan.period_to,
    asOf,
  });
  return { targetId: target.id, unitId, from: plan.period_from, to: plan.period_to, goal, points };
}

export async function targetDrill(
  ctx: AppContext,
  actor: Actor,
  id: number,
  targetId: number,
  q: { asOf?: string; unitId?: number },
) {
  const { plan, target, m, unitId } = await targetFigureScope(ctx, actor, id, targetId, q.unitId);
  const w = windowOf(plan.period_from, plan.period_to, q.asOf ?? today(ctx));
  return drillOf(m, unitId, w.from, w.countedTo, parseFilters(target.filters) as MetricFilters);
}

/** The unit the dashboard opens on: the one asked for, else the highest unit where the caller holds a role. */
async function dashboardUnit(ctx: AppContext, actor: Actor, unitId?: number) {
  const scope = await requireScope(ctx.db, actor, 'record.read');
  if (unitId !== undefined) {
    await requireUnitInScope(ctx.db, unitId, scope);
    return unitId;
  }
  const ids = [...new Set(actor.roles.map((r) => r.unitId))];
  const rows = await ctx.db
    .selectFrom('org_unit_version')
    .select(['unit_id', 'depth'])
    .where('unit_id', 'in', ids)
    .orderBy('depth')
    .orderBy('valid_from', 'desc')
    .execute();
  const first = rows[0]?.unit_id ?? ids[0];
  if (first === undefined) throw new AppError('FORBIDDEN');
  return first;
}

export async function dashboard(ctx: AppContext, actor: Actor, q: { asOf?: string; unitId?: number }) {
  const db = ctx.db;
  const asOf = q.asOf ?? today(ctx);
  const unitId = await dashboardUnit(ctx, actor, q.unitId);
  const plans = [];
  let inForce = await repo.plansInForce(db, unitId, asOf);
  // Between plans (or after a unit ended) the landing page shows the last plan's final figures.
  if (inForce.length === 0) {
    const last = await repo.latestPlanBegunBy(db, unitId, asOf);
    inForce = last ? [last] : [];
  }
  for (const p of inForce) plans.push(await planProgress(ctx, p, asOf));
  const assigned = [];
  for (const s of await repo.sharesToUnit(db, unitId, asOf)) {
    const plan = (await repo.planById(db, s.plan_id)) as repo.PlanRow;
    const target = (await repo.targetsOf(db, [plan.id])).find((t) => t.id === s.target_id);
    const m = target && metricOf(target.metric);
    if (!target || !m) continue;
    const w = windowOf(plan.period_from, plan.period_to, asOf);
    const filters = parseFilters(target.filters) as MetricFilters;
    const b = new Batch();
    const slots = request(b, m, unitId, filters, w, false);
    await b.run(db);
    const e = evaluate(b, slots, m, s.goal, target.comparator, w, await thresholds(db, w.countedTo));
    assigned.push({
      planId: plan.id,
      planReference: planReference(plan),
      planUnitName: await repo.unitNameAt(db, plan.unit_id, plan.period_from),
      targetId: target.id,
      code: target.code,
      label: target.label ?? m.label.vi,
      metric: m.code,
      actual: e.actual,
      numerator: e.numerator,
      denominator: e.denominator,
      goal: e.goal,
      percent: e.percent,
      status: e.status,
      drill: drillOf(m, unitId, w.from, w.countedTo, filters),
    });
  }
  return { unit: { id: unitId, name: await repo.unitNameAt(db, unitId, asOf) }, asOf, plans, assigned };
}
