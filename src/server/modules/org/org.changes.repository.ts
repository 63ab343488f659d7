import { sql, type Updateable } from 'kysely';
import type { OrgEventKind } from '../../../shared/org/contract.js';
import { fold } from '../../../shared/text/index.js';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { metricsChanged } from '../metrics/metrics.summary.js';
import type { Version } from './org.repository.js';

/**
 * The statements of the dated changes (found, rename, move, dissolve, merge, edit): each runs inside
 * the caller's tree transaction, after the service has checked scope and the date order.
 */

/** The columns a moved version keeps as they were (path, depth and dates are rewritten). */
const CARRIED = [
  'unit_id',
  'parent_id',
  'name',
  'name_folded',
  'short_name',
  'type_code',
  'admin_area_code',
  'admin_area_name',
] as const;

/**
 * Re-roots a whole subtree at `date` in three set-based statements (no per-row round trips, so a
 * province-sized move is one transaction): versions that began earlier are closed and continued
 * under the new path; versions that begin on the date itself are rewritten in place.
 */
export async function moveSubtree(
  db: Db,
  p: { oldPrefix: string; newPrefix: string; depthDelta: number; date: string },
) {
  const { from, to } = { from: p.oldPrefix, to: `${p.oldPrefix.slice(0, -1)}0` };
  // Explicit casts: PostgreSQL cannot infer a bare parameter's type inside INSERT … SELECT.
  const tail = sql<string>`substr(path, cast(${p.oldPrefix.length + 1} as integer))`;
  const newPath = sql<string>`cast(${p.newPrefix} as text) || ${tail}`;
  const newDepth = sql<number>`depth + cast(${p.depthDelta} as integer)`;
  await db
    .insertInto('org_unit_version')
    .columns([...CARRIED, 'path', 'depth', 'valid_from', 'valid_to'])
    .expression((eb) =>
      eb
        .selectFrom('org_unit_version')
        .select([
          ...CARRIED,
          newPath.as('path'),
          newDepth.as('depth'),
          sql<string>`cast(${p.date} as text)`.as('valid_from'),
          sql<null>`cast(null as text)`.as('valid_to'),
        ])
        .where('path', '>=', from)
        .where('path', '<', to)
        .where('valid_to', 'is', null)
        .where('valid_from', '<', p.date),
    )
    .execute();
  await db
    .updateTable('org_unit_version')
    .set({ valid_to: p.date })
    .where('path', '>=', from)
    .where('path', '<', to)
    .where('valid_to', 'is', null)
    .where('valid_from', '<', p.date)
    .execute();
  await db
    .updateTable('org_unit_version')
    .set({
      path: newPath,
      depth: newDepth,
    })
    .where('path', '>=', from)
    .where('path', '<', to)
    .where('valid_to', 'is', null)
    .where('valid_from', '=', p.date)
    .execute();
}

export type NewUnit = {
  code: string;
  name: string;
  shortName?: string | null;
  typeCode: string;
  address?: string | null;
  foundingDecisionNo?: string | null;
  foundingDecisionDate?: string | null;
  adminAreaCode?: string | null;
  adminAreaName?: string | null;
  validFrom: string;
};

/** A unit and its first dated state under `parent` (null: a new top of the tree). */
export async function insertUnit(db: Db, u: NewUnit, parent: Version | null): Promise<number> {
  const now = new Date().toISOString();
  const inserted = await db
    .insertInto('org_unit')
    .values({
      code: u.code,
      name: u.name,
      name_folded: fold(u.name),
      type_code: u.typeCode,
      address: u.address ?? null,
      founding_decision_no: u.foundingDecisionNo ?? null,
      founding_decision_date: u.foundingDecisionDate ?? null,
      valid_from: u.validFrom,
      valid_to: null,
      merged_into_id: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('org_unit_version')
    .values({
      unit_id: inserted.id,
      parent_id: parent?.unit_id ?? null,
      path: `${parent?.path ?? '/'}${inserted.id}/`,
      depth: parent ? parent.depth + 1 : 0,
      name: u.name,
      name_folded: fold(u.name),
      short_name: u.shortName ?? null,
      type_code: u.typeCode,
      admin_area_code: u.adminAreaCode ?? null,
      admin_area_name: u.adminAreaName ?? null,
      valid_from: u.validFrom,
      valid_to: null,
    })
    .execute();
  await metricsChanged(db, 'unit', [inserted.id]);
  return inserted.id;
}

export async function insertEvent(
  db: Db,
  e: {
    kind: OrgEventKind;
    unitId: number;
    date: string;
    relatedUnitId: number | null;
    decisionNo?: string | null;
    decisionDate?: string | null;
    note?: string | null;
    by: number;
  },
): Promise<void> {
  await db
    .insertInto('org_event')
    .values({
      kind: e.kind,
      unit_id: e.unitId,
      effective_date: e.date,
      related_unit_id: e.relatedUnitId,
      decision_no: e.decisionNo ?? null,
      decision_date: e.decisionDate ?? null,
      note: e.note ?? null,
      created_by: e.by,
      created_at: new Date().toISOString(),
    })
    .execute();
}

/** Starts a new dated state of one unit (or rewrites it when it began on the same day). */
export async function newVersion(db: Db, v: Version, date: string, changes: Updateable<Database['org_unit_version']>) {
  if (v.valid_from === date) {
    await db.updateTable('org_unit_version').set(changes).where('id', '=', v.id).execute();
    return;
  }
  await db.updateTable('org_unit_version').set({ valid_to: date }).where('id', '=', v.id).execute();
  const { id: _id, ...rest } = v;
  await db
    .insertInto('org_unit_version')
    .values({ ...rest, ...changes, valid_from: date, valid_to: null })
    .execute();
}

/** The parent (and area, when given) of a version that a subtree move has just opened. */
export async function setParent(
  db: Db,
  versionId: number,
  parentId: number,
  area: { code?: string | null; name?: string | null },
): Promise<void> {
  await db
    .updateTable('org_unit_version')
    .set({
      parent_id: parentId,
      ...(area.code !== undefined ? { admin_area_code: area.code } : {}),
      ...(area.name !== undefined ? { admin_area_name: area.name } : {}),
    })
    .where('id', '=', versionId)
    .execute();
}

/**
 * Corrections to the record that are not dated (address, founding decision) and the latest name;
 * an absent field is left as it is. Answers the columns it changed, for the audit entry.
 */
export async function updateUnit(
  db: Db,
  unitId: number,
  c: {
    name?: string;
    address?: string | null;
    foundingDecisionNo?: string | null;
    foundingDecisionDate?: string | null;
  },
) {
  const set = {
    ...(c.name ? { name: c.name, name_folded: fold(c.name) } : {}),
    ...(c.address !== undefined ? { address: c.address } : {}),
    ...(c.foundingDecisionNo !== undefined ? { founding_decision_no: c.foundingDecisionNo } : {}),
    ...(c.foundingDecisionDate !== undefined ? { founding_decision_date: c.foundingDecisionDate } : {}),
  };
  await db
    .updateTable('org_unit')
    .set({ ...set, updated_at: new Date().toISOString() })
    .where('id', '=', unitId)
    .execute();
  await metricsChanged(db, 'unit', [unitId]);
  return set;
}

/** Ends a unit's life at `date` (its last version closes); `mergedInto` when it was merged. */
export async function endUnit(db: Db, v: Version, date: string, mergedInto: number | null): Promise<void> {
  await db.updateTable('org_unit_version').set({ valid_to: date }).where('id', '=', v.id).execute();
  await db
    .updateTable('org_unit')
    .set({ valid_to: date, merged_into_id: mergedInto, updated_at: new Date().toISOString() })
    .where('id', '=', v.unit_id)
    .execute();
}
