import { type Selectable, sql } from 'kysely';
import type { TPlanListQuery } from '../../../shared/plans/contract.js';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { type Scope, unitInScope } from '../../platform/scope.js';

export type PlanRow = Selectable<Database['plan']>;
export type TargetRow = Selectable<Database['plan_target']>;
export type ShareRow = Selectable<Database['plan_share']> & {
  unit_name: string;
  assignment_number: string | null;
  assignment_decided_on: string | null;
};

const _now = () => new Date().toISOString();

export function planById(db: Db, id: number) {
  return db.selectFrom('plan').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The plan if its unit lies in the scope (at any date); otherwise nothing, so the caller answers 404. */
export function planInScope(db: Db, scope: Scope, id: number) {
  return db
    .selectFrom('plan as p')
    .selectAll('p')
    .where('p.id', '=', id)
    .where((eb) => unitInScope(eb, 'p.unit_id', scope))
    .executeTakeFirst();
}

export async function planPage(db: Db, scope: Scope, q: TPlanListQuery) {
  let base = db.selectFrom('plan as p').where((eb) => unitInScope(eb, 'p.unit_id', scope));
  if (q.status) base = base.where('p.status', '=', q.status);
  if (q.inForceOn) base = base.where('p.period_from', '<=', q.inForceOn).where('p.period_to', '>=', q.inForceOn);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('p')
    .orderBy('p.period_from', 'desc')
    .orderBy('p.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { total: Number(total.n), rows };
}

/** Plans of one unit whose period contains `date`, issued ones only. */
export function plansInForce(db: Db, unitId: number, date: string) {
  return db
    .selectFrom('plan')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('status', '=', 'issued')
    .where('period_from', '<=', date)
    .where('period_to', '>=', date)
    .orderBy('period_from')
    .orderBy('id')
    .execute();
}

/** The unit's latest issued plan begun by `date` (what the dashboard shows when no plan is in force). */
export function latestPlanBegunBy(db: Db, unitId: number, date: string) {
  return db
    .selectFrom('plan')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('status', '=', 'issued')
    .where('period_from', '<=', date)
    .orderBy('period_to', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function samePlanNumber(
  db: Db,
  unitId: number,
  number: string,
  symbol: string,
  issuedOn: string,
  except?: number,
) {
  let q = db
    .selectFrom('plan')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('number', '=', number)
    .where('symbol', '=', symbol)
    .where(sql<string>`substr(issued_on, 1, 4)`, '=', issuedOn.slice(0, 4));
  if (except !== undefined) q = q.where('id', '<>', except);
  return q.executeTakeFirst();
}

export function targetsOf(db: Db, planIds: number[]) {
  if (planIds.length === 0) return Promise.resolve([] as TargetRow[]);
  return db
    .selectFrom('plan_target')
    .selectAll()
    .where('plan_id', 'in', planIds)
    .orderBy('plan_id')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export function sharesOf(db: Db, targetIds: number[], date: string): Promise<ShareRow[]> {
  if (targetIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('plan_share as s')
    .innerJoin('org_unit as u', 'u.id', 's.unit_id')
    .leftJoin('plan_assignment as a', 'a.id', 's.assignment_id')
    .selectAll('s')
    .select((eb) => [
      // The unit's name in the period (it may have been renamed or ended since).
      eb.fn
        .coalesce(
          eb
            .selectFrom('org_unit_version as v')
            .select('v.name')
            .whereRef('v.unit_id', '=', 's.unit_id')
            .where('v.valid_from', '<=', date)
            .orderBy('v.valid_from', 'desc')
            .limit(1),
          'u.name',
        )
        .as('unit_name'),
      'a.number as assignment_number',
      'a.decided_on as assignment_decided_on',
    ])
    .where('s.target_id', 'in', targetIds)
    .orderBy('s.id')
    .execute() as Promise<ShareRow[]>;
}

export function shareById(db: Db, id: number) {
  return db
    .selectFrom('plan_share as s')
    .innerJoin('plan_target as t', 't.id', 's.target_id')
    .innerJoin('plan as p', 'p.id', 't.plan_id')
    .select(['s.id', 's.unit_id', 's.goal', 't.metric', 't.plan_id', 'p.unit_id as plan_unit_id'])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/** Shares given to a unit by plans in force on `date` (the dashboard's "assigned to you"). */
export function sharesToUnit(db: Db, unitId: number, date: string) {
  return db
    .selectFrom('plan_share as s')
    .innerJoin('plan_target as t', 't.id', 's.target_id')
    .innerJoin('plan as p', 'p.id', 't.plan_id')
    .select(['s.id as share_id', 's.goal', 't.id as target_id', 'p.id as plan_id'])
    .where('s.unit_id', '=', unitId)
    .where('p.status', '=', 'issued')
    .where('p.period_from', '<=', date)
    .where('p.period_to', '>=', date)
    .orderBy('p.id')
    .orderBy('t.sort_order')
    .execute();
}

export function amendmentsOf(db: Db, planId: number) {
  return db
    .selectFrom('plan_amendment as a')
    .innerJoin('plan_target as t', 't.id', 'a.target_id')
    .selectAll('a')
    .select('t.code as target_code')
    .where('a.plan_id', '=', planId)
    .orderBy('a.amended_on')
    .orderBy('a.id')
    .execute();
}

export function assignmentsOf(db: Db, planId: number) {
  return db.selectFrom('plan_assignment').selectAll().where('plan_id', '=', planId).orderBy('decided_on').execute();
}

export function assignmentById(db: Db, id: number) {
  return db
    .selectFrom('plan_assignment as a')
    .innerJoin('plan as p', 'p.id', 'a.plan_id')
    .select(['a.id', 'a.number', 'a.decided_on', 'a.plan_id', 'p.unit_id'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export function basesOf(db: Db, planId: number) {
  return db
    .selectFrom('plan_basis as b')
    .leftJoin('plan as rp', 'rp.id', 'b.ref_plan_id')
    .leftJoin('plan_assignment as ra', 'ra.id', 'b.ref_assignment_id')
    .select([
      'b.ref_plan_id',
      'b.ref_assignment_id',
      'b.text',
      'rp.number as plan_number',
      'rp.symbol as plan_symbol',
      'rp.issued_on as plan_issued_on',
      'rp.title as plan_title',
      'ra.number as assignment_number',
      'ra.decided_on as assignment_decided_on',
    ])
    .where('b.plan_id', '=', planId)
    .orderBy('b.sort_order')
    .execute();
}

/** The unit's name as it was on `date` (or its latest name when it did not exist then). */
export async function unitNameAt(db: Db, unitId: number, date: string): Promise<string> {
  const v = await db
    .selectFrom('org_unit_version')
    .select('name')
    .where('unit_id', '=', unitId)
    .where('valid_from', '<=', date)
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (v) return v.name;
  const u = await db.selectFrom('org_unit').select('name').where('id', '=', unitId).executeTakeFirst();
  return u?.name ?? `#${unitId}`;
}

/** Direct children of a unit on `date`, as the tree was then. */
export function childrenOn(db: Db, unitId: number, date: string) {
  return db
    .selectFrom('org_unit_version as v')
    .select(['v.unit_id', 'v.name'])
    .where('v.parent_id', '=', unitId)
    .where('v.valid_from', '<=', date)
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', date)]))
    .orderBy('v.name_folded')
    .execute();
}

/**
 * For each unit: whether it was ever strictly below `ancestorId`, and whether it was on some day of
 * [from, to]. A materialised path lists the ids above the unit as they were while that
 * version held, so "below on some day" is a version in the period whose path passes through the ancestor.
 */
export async function unitsInPeriod(db: Db, ancestorId: number, unitIds: number[], from: string, to: string) {
  const out = new Map<number, { underEver: boolean; underInPeriod: boolean; name: string }>();
  if (unitIds.length === 0) return out;
  const rows = await db
    .selectFrom('org_unit_version as v')
    .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
    .select(['v.unit_id', 'v.path', 'v.valid_from', 'v.valid_to', 'u.name'])
    .where('v.unit_id', 'in', unitIds)
    .execute();
  for (const id of unitIds) out.set(id, { underEver: false, underInPeriod: false, name: `#${id}` });
  for (const r of rows) {
    const o = out.get(r.unit_id);
    if (!o) continue;
    o.name = r.name;
    if (r.unit_id === ancestorId || !r.path.includes(`/${ancestorId}/`)) continue;
    o.underEver = true;
    // valid_to is exclusive: the version is in the period when it starts by `to` and ends after `from`.
    if (r.valid_from <= to && (r.valid_to === null || r.valid_to > from)) o.underInPeriod = true;
  }
  return out;
}
