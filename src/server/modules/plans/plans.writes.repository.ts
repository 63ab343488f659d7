import type { TPlanUpdate, TTargetInput } from '../../../shared/plans/contract.js';
import type { Db } from '../../db/database.js';

/** Every statement that writes a plan, its targets, shares and amendments (reads: plans.repository.ts). */
const now = () => new Date().toISOString();

export async function insertPlan(db: Db, unitId: number, input: TPlanUpdate, userId: number): Promise<number> {
  const at = now();
  const row = await db
    .insertInto('plan')
    .values({
      unit_id: unitId,
      ...planColumns(input),
      status: 'draft',
      created_by: userId,
      created_at: at,
      updated_at: at,
      issued_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function planColumns(input: TPlanUpdate) {
  return {
    number: input.number,
    symbol: input.symbol,
    issued_on: input.issuedOn,
    place: input.place,
    title: input.title,
    period_from: input.periodFrom,
    period_to: input.periodTo,
    signer_name: input.signerName,
    signer_position: input.signerPosition,
    signer_authority: input.signerAuthority,
    recipients: JSON.stringify(input.recipients),
    sections: JSON.stringify(input.sections),
  };
}

export async function updatePlanColumns(db: Db, id: number, input: TPlanUpdate) {
  await db
    .updateTable('plan')
    .set({ ...planColumns(input), updated_at: now() })
    .where('id', '=', id)
    .execute();
}

export async function replaceBases(db: Db, planId: number, bases: TPlanUpdate['bases']) {
  await db.deleteFrom('plan_basis').where('plan_id', '=', planId).execute();
  if (bases.length === 0) return;
  await db
    .insertInto('plan_basis')
    .values(
      bases.map((b, i) => ({
        plan_id: planId,
        sort_order: i,
        ref_plan_id: b.planId ?? null,
        ref_assignment_id: b.assignmentId ?? null,
        text: b.text,
      })),
    )
    .execute();
}

/**
 * Writes a draft's targets: those with an id are updated in place (their shares stay), new ones inserted,
 * and the plan's other targets deleted with their shares.
 */
export async function saveTargets(db: Db, planId: number, targets: TTargetInput[]) {
  const keep: number[] = [];
  const write = async (t: Omit<TTargetInput, 'subTargets'>, order: number, parent: number | null) => {
    const cols = {
      plan_id: planId,
      parent_target_id: parent,
      sort_order: order,
      code: t.code,
      label: t.label,
      metric: t.metric,
      filters: JSON.stringify(t.filters),
      comparator: t.comparator,
      goal: t.goal,
      adopted_share_id: t.adoptedShareId ?? null,
    };
    if (t.id !== undefined) {
      await db.updateTable('plan_target').set(cols).where('id', '=', t.id).where('plan_id', '=', planId).execute();
      keep.push(t.id);
      return t.id;
    }
    const row = await db.insertInto('plan_target').values(cols).returning('id').executeTakeFirstOrThrow();
    keep.push(row.id);
    return row.id;
  };
  let order = 0;
  for (const t of targets) {
    const id = await write(t, order++, null);
    for (const s of t.subTargets) await write(s, order++, id);
  }
  const gone = (await db.selectFrom('plan_target').select('id').where('plan_id', '=', planId).execute())
    .map((r) => r.id)
    .filter((id) => !keep.includes(id));
  await deleteTargets(db, gone);
}

async function deleteTargets(db: Db, ids: number[]) {
  if (ids.length === 0) return;
  await db
    .updateTable('plan_target')
    .set({ adopted_share_id: null })
    .where('adopted_share_id', 'in', db.selectFrom('plan_share').select('id').where('target_id', 'in', ids))
    .execute();
  await db.deleteFrom('plan_share').where('target_id', 'in', ids).execute();
  await db.deleteFrom('plan_amendment').where('target_id', 'in', ids).execute();
  // Sub-targets first: they point at their target.
  await db.deleteFrom('plan_target').where('id', 'in', ids).where('parent_target_id', 'is not', null).execute();
  await db.deleteFrom('plan_target').where('id', 'in', ids).execute();
}

export async function deletePlan(db: Db, planId: number) {
  const ids = (await db.selectFrom('plan_target').select('id').where('plan_id', '=', planId).execute()).map(
    (r) => r.id,
  );
  await deleteTargets(db, ids);
  await db.deleteFrom('plan_basis').where('plan_id', '=', planId).execute();
  await db.deleteFrom('plan_assignment').where('plan_id', '=', planId).execute();
  await db.deleteFrom('plan').where('id', '=', planId).execute();
}

export async function markIssued(db: Db, planId: number) {
  const at = now();
  await db
    .updateTable('plan')
    .set({ status: 'issued', issued_at: at, updated_at: at })
    .where('id', '=', planId)
    .execute();
}

export async function insertAmendment(
  db: Db,
  a: {
    planId: number;
    targetId: number;
    amendedOn: string;
    field: 'goal' | 'comparator';
    oldValue: string;
    newValue: string;
    decisionNo: string | null;
    reason: string;
    userId: number;
  },
) {
  await db
    .insertInto('plan_amendment')
    .values({
      plan_id: a.planId,
      target_id: a.targetId,
      amended_on: a.amendedOn,
      field: a.field,
      old_value: a.oldValue,
      new_value: a.newValue,
      decision_no: a.decisionNo,
      reason: a.reason,
      created_by: a.userId,
      created_at: now(),
    })
    .execute();
}

export async function setTarget(db: Db, targetId: number, set: { goal?: number; comparator?: 'at_least' | 'at_most' }) {
  await db.updateTable('plan_target').set(set).where('id', '=', targetId).execute();
}

/** The plan's decision with this number, made if it is new. */
export async function assignmentFor(
  db: Db,
  planId: number,
  a: { number: string; decidedOn: string; title: string | null },
) {
  const found = await db
    .selectFrom('plan_assignment')
    .select('id')
    .where('plan_id', '=', planId)
    .where('number', '=', a.number)
    .executeTakeFirst();
  if (found) {
    await db
      .updateTable('plan_assignment')
      .set({ decided_on: a.decidedOn, title: a.title })
      .where('id', '=', found.id)
      .execute();
    return found.id;
  }
  const row = await db
    .insertInto('plan_assignment')
    .values({ plan_id: planId, number: a.number, decided_on: a.decidedOn, title: a.title, created_at: now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Replaces a target's shares; a child plan that adopted a dropped share keeps its goal and loses the link. */
export async function replaceShares(
  db: Db,
  targetId: number,
  shares: { unitId: number; goal: number }[],
  assignmentId: number | null,
) {
  const existing = await db
    .selectFrom('plan_share')
    .select(['id', 'unit_id'])
    .where('target_id', '=', targetId)
    .execute();
  const byUnit = new Map(existing.map((e) => [e.unit_id, e.id]));
  const wanted = new Set(shares.map((s) => s.unitId));
  const dropped = existing.filter((e) => !wanted.has(e.unit_id)).map((e) => e.id);
  if (dropped.length) {
    await db
      .updateTable('plan_target')
      .set({ adopted_share_id: null })
      .where('adopted_share_id', 'in', dropped)
      .execute();
    await db.deleteFrom('plan_share').where('id', 'in', dropped).execute();
  }
  for (const s of shares) {
    const id = byUnit.get(s.unitId);
    if (id !== undefined) {
      await db
        .updateTable('plan_share')
        .set({ goal: s.goal, assignment_id: assignmentId })
        .where('id', '=', id)
        .execute();
    } else {
      await db
        .insertInto('plan_share')
        .values({
          target_id: targetId,
          unit_id: s.unitId,
          goal: s.goal,
          assignment_id: assignmentId,
          created_at: now(),
        })
        .execute();
    }
  }
}
