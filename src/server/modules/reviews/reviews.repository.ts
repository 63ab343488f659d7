import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { type Scope, unitInScope } from '../../platform/scope.js';

export type ReviewRow = Selectable<Database['plan_review']>;

export function reviewById(db: Db, id: number) {
  return db.selectFrom('plan_review').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The review if its unit lies in the scope. A report sent up is read by the level above through the same
 * rule, since the parent's subtree holds the child; a sibling's scope never does, so it gets a 404.
 */
export function reviewInScope(db: Db, scope: Scope, id: number) {
  return db
    .selectFrom('plan_review as r')
    .selectAll('r')
    .where('r.id', '=', id)
    .where((eb) => unitInScope(eb, 'r.unit_id', scope))
    .executeTakeFirst();
}

export function reviewsOfPlan(db: Db, planId: number) {
  return db
    .selectFrom('plan_review')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('period_to', 'desc')
    .orderBy('period_from')
    .orderBy('version', 'desc')
    .execute();
}

/** Every version of one plan's review of one period, newest first. */
export function versionsOf(db: Db, r: Pick<ReviewRow, 'plan_id' | 'kind' | 'period_from' | 'period_to'>) {
  return db
    .selectFrom('plan_review')
    .selectAll()
    .where('plan_id', '=', r.plan_id)
    .where('kind', '=', r.kind)
    .where('period_from', '=', r.period_from)
    .where('period_to', '=', r.period_to)
    .orderBy('version', 'desc')
    .execute();
}

/** The plan's latest frozen review of an earlier cut-off: what "change since the previous review" compares to. */
export function previousFrozen(db: Db, planId: number, before: string) {
  return db
    .selectFrom('plan_review')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('figures', 'is not', null)
    .where('period_to', '<', before)
    .orderBy('period_to', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Reports sent to a unit (the parent's inbox), optionally for one period only; newest version per sender first. */
export function sentTo(db: Db, unitId: number, period?: { kind: string; from: string; to: string }) {
  let q = db
    .selectFrom('plan_review')
    .selectAll()
    .where('submitted_to_unit_id', '=', unitId)
    .where('status', 'in', ['submitted', 'acknowledged', 'returned']);
  if (period)
    q = q.where('kind', '=', period.kind).where('period_from', '=', period.from).where('period_to', '=', period.to);
  return q.orderBy('period_to', 'desc').orderBy('unit_id').orderBy('version', 'desc').limit(500).execute();
}

/**
 * Reports sent to any unit of the scope, newest first: the inbox of an officer whose unit took over others
 * (a province merged in 2025 receives what was sent to the one it absorbed) or oversees several levels.
 */
export function sentWithin(db: Db, scope: Scope) {
  return db
    .selectFrom('plan_review as r')
    .selectAll('r')
    .where('r.submitted_to_unit_id', 'is not', null)
    .where('r.status', 'in', ['submitted', 'acknowledged', 'returned'])
    .where((eb) => unitInScope(eb, 'r.submitted_to_unit_id', scope))
    .orderBy('r.period_to', 'desc')
    .orderBy('r.unit_id')
    .orderBy('r.version', 'desc')
    .limit(500)
    .execute();
}

export async function insertReview(db: Db, row: Insertable<Database['plan_review']>) {
  const r = await db.insertInto('plan_review').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export function updateReview(db: Db, id: number, set: Updateable<Database['plan_review']>) {
  return db.updateTable('plan_review').set(set).where('id', '=', id).execute();
}

/** A unit's direct parent on a day, as the tree was then. */
export function parentOn(db: Db, unitId: number, date: string) {
  return db
    .selectFrom('org_unit_version as v')
    .innerJoin('org_unit_version as pv', 'pv.unit_id', 'v.parent_id')
    .select(['pv.unit_id', 'pv.name'])
    .where('v.unit_id', '=', unitId)
    .where('v.valid_from', '<=', date)
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', date)]))
    .where('pv.valid_from', '<=', date)
    .where((eb) => eb.or([eb('pv.valid_to', 'is', null), eb('pv.valid_to', '>', date)]))
    .executeTakeFirst();
}
