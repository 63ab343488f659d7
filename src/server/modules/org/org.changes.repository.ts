import { sql, type Updateable } from 'kysely';
import type { OrgEventKind } from '../../../shared/org/contract.js';
import { fold } from '../../../shared/text/index.js';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { metricsChanged } from '../metrics/metrics.summary.js';
import type { Segment } from './org.later-parents.js';
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

/**
 * A unit and its dated states: one per segment of its parents' history (null: a new top of the
 * tree); `endsOn` when it ended with its last parent.
 */
export async function insertUnit(db: Db, u: NewUnit, segments: Segment[] | null, endsOn: string | null) {
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
      valid_to: endsOn,
      merged_into_id: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = inserted.id;
  const base = {
    unit_id: id,
    name: u.name,
    name_folded: fold(u.name),
    short_name: u.shortName ?? null,
    type_code: u.typeCode,
    admin_area_code: u.adminAreaCode ?? null,
    admin_area_name: u.adminAreaName ?? null,
  };
  const rows = segments
    ? segmentRows(id, base, segments)
    : [{ ...base, parent_id: null, path: `/${id}/`, depth: 0, valid_from: u.validFrom, valid_to: null }];
  await db.insertInto('org_unit_version').values(rows).execute();
  await metricsChanged(db, 'unit', [id]);
  return id;
}

type OwnState = Pick<
  Version,
  'unit_id' | 'name' | 'name_folded' | 'short_name' | 'type_code' | 'admin_area_code' | 'admin_area_name'
>;

/** A unit's dated states, one per segment of its parents' history. */
function segmentRows(unitId: number, own: OwnState, segments: Segment[]) {
  return segments.map((s) => ({
    unit_id: unitId,
    name: own.name,
    name_folded: own.name_folded,
    short_name: own.short_name,
    type_code: own.type_code,
    admin_area_code: own.admin_area_code,
    admin_area_name: own.admin_area_name,
    parent_id: s.parentId,
    path: `${s.parentPath}${unitId}/`,
    depth: s.parentDepth + 1,
    valid_from: s.from,
    valid_to: s.to,
  }));
}

/**
 * Rewrites a unit's life from `date` on (a change recorded behind its later history): its states from
 * `date` are dropped, the one in force then is closed there, and `segments` (none: it ended then) follow
 * with its own attributes of that date. Its later moves and end, which no longer happened, are dropped
 * and returned for the audit entry. The caller has checked that nothing else depends on that history.
 */
export async function rewriteLife(
  db: Db,
  base: Version,
  date: string,
  segments: Segment[],
  endsOn: string | null,
  area: { code?: string | null; name?: string | null } = {},
) {
  const id = base.unit_id;
  await db.deleteFrom('org_unit_version').where('unit_id', '=', id).where('valid_from', '>=', date).execute();
  if (base.valid_from < date) {
    await db.updateTable('org_unit_version').set({ valid_to: date }).where('id', '=', base.id).execute();
  }
  const own: OwnState = {
    unit_id: id,
    name: base.name,
    name_folded: base.name_folded,
    short_name: base.short_name,
    type_code: base.type_code,
    admin_area_code: area.code !== undefined ? area.code : base.admin_area_code,
    admin_area_name: area.name !== undefined ? area.name : base.admin_area_name,
  };
  if (segments.length)
    await db
      .insertInto('org_unit_version')
      .values(segmentRows(id, own, segments))
      .execute();
  await db
    .updateTable('org_unit')
    .set({ valid_to: segments.length ? endsOn : date, merged_into_id: null, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
  const dropped = await db
    .selectFrom('org_event')
    .select(['id', 'kind', 'effective_date', 'related_unit_id'])
    .where('unit_id', '=', id)
    .where('kind', 'in', ['move', 'dissolve'])
    .where('effective_date', '>=', date)
    .execute();
  if (dropped.length) {
    await db
      .deleteFrom('org_event')
      .where(
        'id',
        'in',
        dropped.map((e) => e.id),
      )
      .execute();
  }
  return dropped.map(({ id: _id, ...e }) => e);
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

/** Splits a unit's dated state at `date` (or rewrites it when it began on the same day); the later part keeps its end. */
export async function newVersion(db: Db, v: Version, date: string, changes: Updateable<Database['org_unit_version']>) {
  if (v.valid_from === date) {
    await db.updateTable('org_unit_version').set(changes).where('id', '=', v.id).execute();
    return;
  }
  await db.updateTable('org_unit_version').set({ valid_to: date }).where('id', '=', v.id).execute();
  const { id: _id, ...rest } = v;
  await db
    .insertInto('org_unit_version')
    .values({ ...rest, ...changes, valid_from: date })
    .execute();
}

type Dated = Pick<
  Updateable<Database['org_unit_version']>,
  'name' | 'name_folded' | 'short_name' | 'admin_area_code' | 'admin_area_name'
>;

/**
 * A dated change of name / short name / area from `date`, which may lie before later states (a move,
 * a later rename): the state in force on `date` is split there, and each changed field is carried
 * forward through the later states that still had its old value, up to the first later change of it.
 * Answers whether the change reached the unit's latest state.
 */
export async function changeFrom(db: Db, versions: Version[], date: string, dated: Dated): Promise<boolean> {
  const [first, ...later] = versions;
  if (!first) return false;
  await newVersion(db, first, date, dated);
  let reachedLast = later.length === 0;
  const fields = Object.keys(dated) as (keyof Dated)[];
  // name_folded follows name: decide on name alone.
  const carried = fields.filter((f) => f !== 'name_folded');
  const sets = later.map(() => ({}) as Dated);
  for (const f of carried) {
    const old = first[f];
    for (let i = 0; i < later.length; i++) {
      const v = later[i] as Version;
      if (v[f] !== old) break;
      Object.assign(sets[i] as Dated, { [f]: dated[f] }, f === 'name' ? { name_folded: dated.name_folded } : {});
      if (i === later.length - 1 && f === 'name') reachedLast = true;
    }
  }
  for (let i = 0; i < later.length; i++) {
    const set = sets[i] as Dated;
    if (Object.keys(set).length) {
      await db
        .updateTable('org_unit_version')
        .set(set)
        .where('id', '=', (later[i] as Version).id)
        .execute();
    }
  }
  return reachedLast;
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
