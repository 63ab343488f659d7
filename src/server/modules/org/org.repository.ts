import { type Selectable, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { type PathRange, pathInScope, type Scope } from '../../platform/scope.js';
import { likeContains, likePrefix } from '../../platform/sql.js';

export type Version = Selectable<Database['org_unit_version']>;

/** A version (aliased v) is in force on `date` when valid_from <= date < valid_to (valid_to null = open-ended). */
export function activeAt(_eb: unknown, date: string) {
  return sql<boolean>`(v.valid_from <= ${date} and (v.valid_to is null or v.valid_to > ${date}))`;
}

function unitRows(db: Db, date: string) {
  return db
    .selectFrom('org_unit_version as v')
    .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
    .select((eb) => [
      'v.unit_id as id',
      'u.code',
      'v.name',
      'v.short_name',
      'v.type_code',
      'v.parent_id',
      'v.depth',
      'v.path',
      'v.admin_area_code',
      'v.admin_area_name',
      'u.address',
      'u.founding_decision_no',
      'u.founding_decision_date',
      'u.valid_from',
      'u.valid_to',
      'u.merged_into_id',
      eb
        .selectFrom('org_unit_version as c')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('c.parent_id', '=', 'v.unit_id')
        .where('c.valid_from', '<=', date)
        .where((e) => e.or([e('c.valid_to', 'is', null), e('c.valid_to', '>', date)]))
        .as('child_count'),
    ])
    .where((eb) => activeAt(eb, date));
}
export type UnitRow = Awaited<ReturnType<ReturnType<typeof unitRows>['execute']>>[number];

export function childrenAt(db: Db, parentId: number, date: string, scope: Scope) {
  return unitRows(db, date)
    .where('v.parent_id', '=', parentId)
    .where((eb) => pathInScope(eb, 'v.path', scope))
    .orderBy('v.type_code')
    .orderBy('v.name_folded')
    .execute();
}

export function unitsAt(db: Db, ids: number[], date: string) {
  if (ids.length === 0) return Promise.resolve([] as UnitRow[]);
  return unitRows(db, date).where('v.unit_id', 'in', ids).execute();
}

export function searchAt(
  db: Db,
  scope: Scope,
  p: { folded: string; code: string; date: string; typeCode?: string; limit: number },
) {
  let q = unitRows(db, p.date).where((eb) => pathInScope(eb, 'v.path', scope));
  if (p.folded) {
    q = q.where((eb) =>
      eb.or([eb('v.name_folded', 'like', likeContains(p.folded)), eb('u.code', 'like', likePrefix(p.code))]),
    );
  }
  if (p.typeCode) q = q.where('v.type_code', '=', p.typeCode);
  return q.orderBy('v.depth').orderBy('v.name_folded').limit(p.limit).execute();
}

/** The state a new event builds on: the unit's open-ended version, if it still exists. */
export function openVersion(db: Db, unitId: number) {
  return db
    .selectFrom('org_unit_version')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}

/** The unit's state in force on `date`, if it existed then. */
export function versionAt(db: Db, unitId: number, date: string) {
  return db
    .selectFrom('org_unit_version as v')
    .selectAll()
    .where('v.unit_id', '=', unitId)
    .where((eb) => activeAt(eb, date))
    .executeTakeFirst();
}

/** The unit's states from `date` on (the one in force then first), oldest first. */
export function versionsFrom(db: Db, unitId: number, date: string) {
  return db
    .selectFrom('org_unit_version')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .orderBy('valid_from')
    .execute();
}

export function unitById(db: Db, unitId: number) {
  return db.selectFrom('org_unit').selectAll().where('id', '=', unitId).executeTakeFirst();
}

export function unitByCode(db: Db, code: string) {
  return db.selectFrom('org_unit').selectAll().where('code', '=', code).executeTakeFirst();
}

export function history(db: Db, unitId: number) {
  return db
    .selectFrom('org_unit_version as v')
    .leftJoin('org_unit as p', 'p.id', 'v.parent_id')
    .select([
      'v.valid_from',
      'v.valid_to',
      'v.parent_id',
      'p.name as parent_name',
      'v.name',
      'v.type_code',
      'v.admin_area_name',
    ])
    .where('v.unit_id', '=', unitId)
    .orderBy('v.valid_from')
    .orderBy('v.id')
    .execute();
}

export type HistoryRow = Awaited<ReturnType<typeof history>>[number];

export function namesAt(db: Db, ids: number[], date: string) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('org_unit_version as v')
    .select(['v.unit_id', 'v.name', 'v.type_code'])
    .where('v.unit_id', 'in', ids)
    .where((eb) => activeAt(eb, date))
    .execute();
}

export function events(db: Db, unitId: number) {
  return db
    .selectFrom('org_event as e')
    .leftJoin('org_unit as r', 'r.id', 'e.related_unit_id')
    .leftJoin('app_user as a', 'a.id', 'e.created_by')
    .select([
      'e.id',
      'e.kind',
      'e.unit_id',
      'e.effective_date',
      'e.related_unit_id',
      'r.name as related_unit_name',
      'e.decision_no',
      'e.decision_date',
      'e.note',
      'e.created_at',
      'a.username as created_by',
    ])
    .where('e.unit_id', '=', unitId)
    .orderBy('e.effective_date', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
}

export function unitTypes(db: Db) {
  return db.selectFrom('unit_type').selectAll().orderBy('sort_order').execute();
}

export function unitType(db: Db, code: string) {
  return db.selectFrom('unit_type').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function countOpenChildren(db: Db, unitId: number): Promise<number> {
  const row = await db
    .selectFrom('org_unit_version')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', unitId)
    .where('valid_to', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function openChildren(db: Db, unitId: number) {
  return db
    .selectFrom('org_unit_version')
    .selectAll()
    .where('parent_id', '=', unitId)
    .where('valid_to', 'is', null)
    .orderBy('unit_id')
    .execute();
}

/**
 * The latest date at which anything in the subtree changed after `date`. Events are recorded in
 * date order; rewriting history behind a later change would silently corrupt it, so it is refused.
 */
export async function laterChangeInSubtree(db: Db, range: PathRange, date: string): Promise<string | null> {
  const row = await db
    .selectFrom('org_unit_version')
    .select((eb) => [eb.fn.max('valid_from').as('from'), eb.fn.max('valid_to').as('to')])
    .where('path', '>=', range.from)
    .where('path', '<', range.to)
    .where((eb) => eb.or([eb('valid_from', '>', date), eb('valid_to', '>', date)]))
    .executeTakeFirst();
  const dates = [row?.from, row?.to].filter((d): d is string => typeof d === 'string' && d > date);
  return dates.length ? (dates.sort()[0] ?? null) : null;
}
