import type {
  TAmendmentInput,
  TPlanCreate,
  TPlanListQuery,
  TPlanUpdate,
  TTargetInput,
} from '../../../shared/plans/contract.js';
import { plansMessages as M } from '../../../shared/plans/messages.js';
import { formatViDate } from '../../../shared/text/index.js';
import type { Db } from '../../db/database.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { today } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import {
  type Actor,
  isUnitInScope,
  requireScope,
  requireUnitInScope,
  type Scope,
  scopeWithin,
} from '../../platform/scope.js';
import { type Issue, invalid, issue } from '../../platform/validation.js';
import { metricOf } from './plans.metrics.js';
import { presentPlan, presentSummary } from './plans.presenter.js';
import * as repo from './plans.repository.js';
import * as writes from './plans.writes.repository.js';

/** A plan the caller may read (record.read over the plan's unit), or 404. */
export async function readablePlan(ctx: AppContext, actor: Actor, id: number) {
  const scope = await requireScope(ctx.db, actor, 'record.read');
  const plan = await repo.planInScope(ctx.db, scope, id);
  if (!plan) throw new AppError('NOT_FOUND');
  return plan;
}

/** A plan the caller may change (plan.manage over the plan's unit), or 404 / 403. */
export async function manageablePlan(ctx: AppContext, actor: Actor, id: number) {
  const scope = await requireScope(ctx.db, actor, 'plan.manage');
  const plan = await repo.planInScope(ctx.db, scope, id);
  if (!plan) throw new AppError('NOT_FOUND');
  return { plan, scope };
}

/**
 * Each target's goal as of a date: its goal now, with the amendments dated after that day undone (an
 * amendment keeps the value it replaced). A target that adopted a parent's share follows the share.
 */
export async function goalsAt(db: Db, planId: number, targets: repo.TargetRow[], date: string) {
  const goals = new Map<number, number>(targets.map((t) => [t.id, t.goal]));
  const adopted = targets.filter((t) => t.adopted_share_id !== null);
  for (const t of adopted) {
    const share = await repo.shareById(db, t.adopted_share_id as number);
    if (share) goals.set(t.id, share.goal);
  }
  const amendments = (await repo.amendmentsOf(db, planId))
    .filter((a) => a.field === 'goal' && a.amended_on > date)
    .sort((a, b) => (a.amended_on < b.amended_on ? 1 : a.amended_on > b.amended_on ? -1 : b.id - a.id));
  for (const a of amendments) goals.set(a.target_id, Number(a.old_value));
  return goals;
}

export async function view(ctx: AppContext, plan: repo.PlanRow) {
  const db = ctx.db;
  const targets = await repo.targetsOf(db, [plan.id]);
  const asOf = minDay(plan.period_to, today(ctx));
  const [unitName, shares, bases, assignments, amendments, goals] = await Promise.all([
    repo.unitNameAt(db, plan.unit_id, plan.period_from),
    repo.sharesOf(
      db,
      targets.map((t) => t.id),
      plan.period_from,
    ),
    repo.basesOf(db, plan.id),
    repo.assignmentsOf(db, plan.id),
    repo.amendmentsOf(db, plan.id),
    goalsAt(db, plan.id, targets, asOf),
  ]);
  return presentPlan({ plan, unitName, targets, shares, goals, bases, assignments, amendments });
}

/** ISO dates compare as text. */
export const minDay = (a: string, b: string) => [a, b].sort()[0] as string;
export const maxDay = (a: string, b: string) => [a, b].sort()[1] as string;

export async function list(ctx: AppContext, actor: Actor, q: TPlanListQuery) {
  const scope = await scopeWithin(ctx.db, actor, 'record.read', q.unitId);
  const { total, rows } = await repo.planPage(ctx.db, scope, q);
  const items = [];
  for (const p of rows) items.push(presentSummary(p, await repo.unitNameAt(ctx.db, p.unit_id, p.period_from)));
  return { total, items };
}

export async function get(ctx: AppContext, actor: Actor, id: number) {
  return view(ctx, await readablePlan(ctx, actor, id));
}

/** Goal checks that depend on the metric: a percentage is at most 100, a count is whole. */
export function goalIssues(path: string, metricCode: string, goal: number): Issue[] {
  const metric = metricOf(metricCode);
  if (!metric) return [];
  if (metric.unit === 'percent' && goal > 100) return [issue(path, M.goalPercentOver100, { metric: metric.label.vi })];
  if (metric.unit !== 'percent' && !Number.isInteger(goal))
    return [issue(path, M.goalNotWhole, { metric: metric.label.vi })];
  return [];
}

function targetIssues(path: string, t: Omit<TTargetInput, 'subTargets'>): Issue[] {
  const metric = metricOf(t.metric);
  if (!metric) return [issue(`${path}.metric`, M.metricUnknown, { metric: t.metric })];
  const out: Issue[] = [];
  const accepted = metric.filters as readonly string[];
  for (const [k, v] of Object.entries(t.filters)) {
    if (v === undefined || accepted.includes(k)) continue;
    out.push(
      issue(`${path}.filters.${k}`, M.filterNotAccepted, {
        metric: metric.label.vi,
        filter: k,
        accepted: accepted.length ? accepted.join(', ') : '—',
      }),
    );
  }
  return [...out, ...goalIssues(`${path}.goal`, t.metric, t.goal)];
}

/** Every check of a plan's fields and targets, before anything is written. */
async function checkPlan(ctx: AppContext, scope: Scope, unitId: number, input: TPlanUpdate, planId?: number) {
  const db = ctx.db;
  const issues: Issue[] = [];
  if (input.periodTo < input.periodFrom) {
    issues.push(
      issue('periodTo', M.periodEndsBeforeStart, {
        from: formatViDate(input.periodFrom),
        to: formatViDate(input.periodTo),
      }),
    );
  }
  const existing = planId === undefined ? [] : await repo.targetsOf(db, [planId]);
  const ownIds = new Set(existing.map((t) => t.id));
  const codes = new Set<string>();
  const checkCommon = async (path: string, t: Omit<TTargetInput, 'subTargets'>) => {
    issues.push(...targetIssues(path, t));
    if (codes.has(t.code)) issues.push(issue(`${path}.code`, M.targetCodeTwice, { code: t.code }));
    codes.add(t.code);
    if (t.id !== undefined && !ownIds.has(t.id)) issues.push(issue(`${path}.id`, M.targetNotInPlan));
    if (t.adoptedShareId) {
      const share = await repo.shareById(db, t.adoptedShareId);
      if (!share || share.unit_id !== unitId || share.metric !== t.metric) {
        issues.push(issue(`${path}.adoptedShareId`, M.adoptedShareUnknown));
      } else {
        // The child's goal is its share: it stays linked and follows the share.
        t.goal = share.goal;
      }
    }
  };
  for (const [i, t] of input.targets.entries()) {
    await checkCommon(`targets.${i}`, t);
    const parentUnit = metricOf(t.metric)?.unit;
    for (const [j, s] of t.subTargets.entries()) {
      const path = `targets.${i}.subTargets.${j}`;
      await checkCommon(path, s);
      if (parentUnit && metricOf(s.metric)?.unit === parentUnit && s.goal > t.goal) {
        issues.push(issue(`${path}.goal`, M.subTargetOverTarget, { goal: s.goal, code: t.code, parentGoal: t.goal }));
      }
    }
  }
  for (const [i, b] of input.bases.entries()) {
    if (b.planId) {
      const ref = await repo.planById(db, b.planId);
      if (!ref || !(await basisReachable(db, scope, unitId, ref.unit_id)))
        issues.push(issue(`bases.${i}.planId`, M.basisUnknown));
    }
    if (b.assignmentId) {
      const ref = await repo.assignmentById(db, b.assignmentId);
      if (!ref || !(await basisReachable(db, scope, unitId, ref.unit_id)))
        issues.push(issue(`bases.${i}.assignmentId`, M.basisUnknown));
    }
  }
  const clash = await repo.samePlanNumber(db, unitId, input.number, input.symbol, input.issuedOn, planId);
  if (clash) {
    issues.push(
      issue('number', M.planNumberTaken, {
        number: input.number,
        symbol: input.symbol,
        date: formatViDate(input.issuedOn),
      }),
    );
  }
  if (issues.length) invalid(issues);
}

/** A plan may cite plans and decisions of its own unit, of the units above it, or of the caller's scope. */
async function basisReachable(db: Db, scope: Scope, planUnitId: number, refUnitId: number) {
  if (refUnitId === planUnitId) return true;
  const paths = await db.selectFrom('org_unit_version').select('path').where('unit_id', '=', planUnitId).execute();
  if (paths.some((p) => p.path.includes(`/${refUnitId}/`))) return true;
  return isUnitInScope(db, refUnitId, scope);
}

export async function create(ctx: AppContext, actor: Actor, input: TPlanCreate) {
  const scope = await requireScope(ctx.db, actor, 'plan.manage');
  await requireUnitInScope(ctx.db, input.unitId, scope);
  await checkPlan(ctx, scope, input.unitId, input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const planId = await writes.insertPlan(trx, input.unitId, input, actor.userId);
    await writes.replaceBases(trx, planId, input.bases);
    await writes.saveTargets(trx, planId, input.targets);
    await audit(trx, actor, {
      action: 'plan.create',
      entity: 'plan',
      entityId: planId,
      unitId: input.unitId,
      after: input,
    });
    return planId;
  });
  return view(ctx, (await repo.planById(ctx.db, id)) as repo.PlanRow);
}

export async function update(ctx: AppContext, actor: Actor, id: number, input: TPlanUpdate) {
  const { plan, scope } = await manageablePlan(ctx, actor, id);
  if (plan.status !== 'draft') invalid([issue('status', M.notDraft)]);
  await checkPlan(ctx, scope, plan.unit_id, input, id);
  await ctx.db.transaction().execute(async (trx) => {
    await writes.updatePlanColumns(trx, id, input);
    await writes.replaceBases(trx, id, input.bases);
    await writes.saveTargets(trx, id, input.targets);
    await audit(trx, actor, {
      action: 'plan.update',
      entity: 'plan',
      entityId: id,
      unitId: plan.unit_id,
      before: plan,
      after: input,
    });
  });
  return view(ctx, (await repo.planById(ctx.db, id)) as repo.PlanRow);
}

export async function remove(ctx: AppContext, actor: Actor, id: number) {
  const { plan } = await manageablePlan(ctx, actor, id);
  if (plan.status !== 'draft') invalid([issue('status', M.notDraft)]);
  await ctx.db.transaction().execute(async (trx) => {
    await writes.deletePlan(trx, id);
    await audit(trx, actor, {
      action: 'plan.delete',
      entity: 'plan',
      entityId: id,
      unitId: plan.unit_id,
      before: plan,
    });
  });
  return { ok: true as const };
}

export async function issuePlan(ctx: AppContext, actor: Actor, id: number) {
  const { plan } = await manageablePlan(ctx, actor, id);
  if (plan.status !== 'draft') invalid([issue('status', M.notDraft)]);
  if ((await repo.targetsOf(ctx.db, [id])).length === 0) invalid([issue('targets', M.noTargets)]);
  await ctx.db.transaction().execute(async (trx) => {
    await writes.markIssued(trx, id);
    await audit(trx, actor, { action: 'plan.issue', entity: 'plan', entityId: id, unitId: plan.unit_id });
  });
  return view(ctx, (await repo.planById(ctx.db, id)) as repo.PlanRow);
}

/** An issued plan's target changes only here: dated, with the old value kept beside the new one. */
export async function amend(ctx: AppContext, actor: Actor, id: number, input: TAmendmentInput) {
  const { plan } = await manageablePlan(ctx, actor, id);
  if (plan.status !== 'issued') invalid([issue('status', M.notIssued)]);
  const targets = await repo.targetsOf(ctx.db, [id]);
  const target = targets.find((t) => t.id === input.targetId);
  if (!target) invalid([issue('targetId', M.targetNotInPlan)]);
  const issues: Issue[] = [];
  if (input.amendedOn < plan.issued_on) {
    issues.push(
      issue('amendedOn', M.amendmentBeforeIssue, {
        date: formatViDate(input.amendedOn),
        issued: formatViDate(plan.issued_on),
      }),
    );
  }
  const goalChanges = input.goal !== undefined && input.goal !== target.goal;
  const comparatorChanges = input.comparator !== undefined && input.comparator !== target.comparator;
  if (!goalChanges && !comparatorChanges) issues.push(issue('goal', M.amendmentNoChange, { goal: target.goal }));
  if (input.goal !== undefined) {
    issues.push(...goalIssues('goal', target.metric, input.goal));
    const unit = metricOf(target.metric)?.unit;
    const parent = targets.find((t) => t.id === target.parent_target_id);
    if (parent && metricOf(parent.metric)?.unit === unit && input.goal > parent.goal) {
      issues.push(
        issue('goal', M.subTargetOverTarget, { goal: input.goal, code: parent.code, parentGoal: parent.goal }),
      );
    }
    for (const s of targets.filter((t) => t.parent_target_id === target.id)) {
      if (metricOf(s.metric)?.unit === unit && s.goal > input.goal) {
        issues.push(issue('goal', M.subTargetOverTarget, { goal: s.goal, code: target.code, parentGoal: input.goal }));
      }
    }
  }
  if (issues.length) invalid(issues);
  await ctx.db.transaction().execute(async (trx) => {
    const base = {
      planId: id,
      targetId: target.id,
      amendedOn: input.amendedOn,
      decisionNo: input.decisionNo,
      reason: input.reason,
      userId: actor.userId,
    };
    if (goalChanges && input.goal !== undefined) {
      await writes.insertAmendment(trx, {
        ...base,
        field: 'goal',
        oldValue: String(target.goal),
        newValue: String(input.goal),
      });
      await writes.setTarget(trx, target.id, { goal: input.goal });
    }
    if (comparatorChanges && input.comparator !== undefined) {
      await writes.insertAmendment(trx, {
        ...base,
        field: 'comparator',
        oldValue: target.comparator,
        newValue: input.comparator,
      });
      await writes.setTarget(trx, target.id, { comparator: input.comparator });
    }
    await audit(trx, actor, {
      action: 'plan.amend',
      entity: 'plan_target',
      entityId: target.id,
      unitId: plan.unit_id,
      before: { goal: target.goal, comparator: target.comparator },
      after: input,
    });
  });
  return view(ctx, (await repo.planById(ctx.db, id)) as repo.PlanRow);
}
