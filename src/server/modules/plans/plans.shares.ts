import type { TSharesInput } from '../../../shared/plans/contract.js';
import { plansMessages as M } from '../../../shared/plans/messages.js';
import { formatViDate } from '../../../shared/text/index.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { today } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/scope.js';
import { type Issue, invalid, issue } from '../../platform/validation.js';
import { metricOf } from './plans.metrics.js';
import { presentShare } from './plans.presenter.js';
import * as repo from './plans.repository.js';
import { goalIssues, goalsAt, manageablePlan, maxDay, minDay, readablePlan } from './plans.service.js';
import * as writes from './plans.writes.repository.js';

const fmt = (n: number) => Math.round(n * 100) / 100;

/** The day whose tree names the children a plan assigns to: the period's end, or today while it runs. */
function assignmentDay(ctx: AppContext, plan: repo.PlanRow) {
  const d = minDay(plan.period_to, today(ctx));
  return maxDay(d, plan.period_from);
}

async function sharesView(ctx: AppContext, plan: repo.PlanRow, target: repo.TargetRow) {
  const day = assignmentDay(ctx, plan);
  const [shares, children, goals] = await Promise.all([
    repo.sharesOf(ctx.db, [target.id], plan.period_from),
    repo.childrenOn(ctx.db, plan.unit_id, day),
    goalsAt(ctx.db, plan.id, [target], day),
  ]);
  const goal = goals.get(target.id) ?? target.goal;
  const sum = fmt(shares.reduce((s, x) => s + x.goal, 0));
  const given = new Set(shares.map((s) => s.unit_id));
  return {
    targetId: target.id,
    code: target.code,
    goal,
    sum,
    exceeds: sharesAdd(target.metric) && sum > goal,
    shares: shares.map(presentShare),
    withoutShare: children.filter((c) => !given.has(c.unit_id)).map((c) => ({ unitId: c.unit_id, unitName: c.name })),
  };
}

/** Shares of a count add up to the parent's goal; shares of a percentage are each a percentage of their own. */
const sharesAdd = (metricCode: string) => metricOf(metricCode)?.unit !== 'percent';

async function targetOf(ctx: AppContext, planId: number, targetId: number) {
  const t = (await repo.targetsOf(ctx.db, [planId])).find((x) => x.id === targetId);
  if (!t) throw new AppError('NOT_FOUND');
  return t;
}

export async function getShares(ctx: AppContext, actor: Actor, id: number, targetId: number) {
  const plan = await readablePlan(ctx, actor, id);
  return sharesView(ctx, plan, await targetOf(ctx, id, targetId));
}

export async function putShares(ctx: AppContext, actor: Actor, id: number, targetId: number, input: TSharesInput) {
  const { plan } = await manageablePlan(ctx, actor, id);
  const target = await targetOf(ctx, id, targetId);
  const from = plan.period_from;
  const to = plan.period_to;
  const units = await repo.unitsInPeriod(
    ctx.db,
    plan.unit_id,
    input.shares.map((s) => s.unitId),
    from,
    to,
  );
  const issues: Issue[] = [];
  const seen = new Set<number>();
  for (const [i, s] of input.shares.entries()) {
    const u = units.get(s.unitId);
    const name = u?.name ?? `#${s.unitId}`;
    if (!u?.underEver) issues.push(issue(`shares.${i}.unitId`, M.shareUnitOutside, { unit: name }));
    else if (!u.underInPeriod)
      issues.push(
        issue(`shares.${i}.unitId`, M.shareUnitNotInPeriod, {
          unit: name,
          from: formatViDate(from),
          to: formatViDate(to),
        }),
      );
    if (seen.has(s.unitId)) issues.push(issue(`shares.${i}.unitId`, M.shareUnitTwice, { unit: name }));
    seen.add(s.unitId);
    issues.push(...goalIssues(`shares.${i}.goal`, target.metric, s.goal));
  }
  if (issues.length) invalid(issues);
  const goal = (await goalsAt(ctx.db, plan.id, [target], assignmentDay(ctx, plan))).get(target.id) ?? target.goal;
  const sum = fmt(input.shares.reduce((s, x) => s + x.goal, 0));
  // More than the goal is allowed (a federation often over-assigns to be safe), but only when confirmed.
  if (sharesAdd(target.metric) && sum > goal && !input.confirm) {
    invalid([issue('confirm', M.sharesOverGoal, { sum, goal, code: target.code })]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const assignmentId = input.assignment ? await writes.assignmentFor(trx, plan.id, input.assignment) : null;
    await writes.replaceShares(trx, target.id, input.shares, assignmentId);
    await audit(trx, actor, {
      action: 'plan.shares',
      entity: 'plan_target',
      entityId: target.id,
      unitId: plan.unit_id,
      after: input,
    });
  });
  return sharesView(ctx, plan, target);
}
