import type { Selectable, Updateable } from 'kysely';
import type { z } from 'zod';
import type {
  TOrgUnitDetail,
  ZOrgDissolve,
  ZOrgMerge,
  ZOrgMove,
  ZOrgRename,
  ZOrgSearchQuery,
  ZOrgUnitCreate,
  ZOrgUnitEdit,
} from '../../../shared/org/contract.js';
import { addDays, fold } from '../../../shared/text/index.js';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { today } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import {
  type Actor,
  hasPermission as has,
  isUnitInScope,
  prefixRange,
  requireScope,
  requireUnitInScope,
  type Scope,
} from '../../platform/scope.js';
import { inTreeTransaction } from '../../platform/tx.js';
import { presentEvent, presentUnit, presentUnitType } from './org.presenter.js';
import * as repo from './org.repository.js';

type Version = Selectable<Database['org_unit_version']>;
type Decision = { decisionNo?: string | null; decisionDate?: string | null; note?: string | null };

// ---------------------------------------------------------------- reads

export async function roots(ctx: AppContext, actor: Actor, asOf?: string) {
  const scope = await requireScope(ctx.db, actor, 'org.read');
  const date = asOf ?? today(ctx);
  const rows = await repo.unitsAt(ctx.db, scope.unitIds, date);
  // A merged-in unit that sits inside another owner's subtree on that date is shown there, not twice.
  const top = rows.filter((r) => !rows.some((o) => o !== r && r.path.startsWith(o.path) && r.path !== o.path));
  const active = new Set(rows.map((r) => r.id));
  const roleUnitIds = [...new Set(actor.roles.map((r) => r.unitId))].filter((id) => !active.has(id));
  const inactive = await Promise.all(roleUnitIds.map((id) => repo.unitById(ctx.db, id)));
  return {
    asOf: date,
    units: top.map(presentUnit).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    inactiveRoleUnits: inactive
      .filter((u) => u !== undefined)
      .map((u) => ({ id: u.id, name: u.name, validFrom: u.valid_from, validTo: u.valid_to })),
  };
}

export async function children(ctx: AppContext, actor: Actor, id: number, asOf?: string) {
  const scope = await requireScope(ctx.db, actor, 'org.read');
  await requireUnitInScope(ctx.db, id, scope);
  const rows = await repo.childrenAt(ctx.db, id, asOf ?? today(ctx), scope);
  return rows.map(presentUnit);
}

export async function detail(ctx: AppContext, actor: Actor, id: number, asOf?: string): Promise<TOrgUnitDetail> {
  const scope = await requireScope(ctx.db, actor, 'org.read');
  await requireUnitInScope(ctx.db, id, scope);
  return loadDetail(ctx.db, id, asOf ?? today(ctx), scope);
}

async function loadDetail(db: Db, id: number, asOf: string, scope: Scope): Promise<TOrgUnitDetail> {
  const unit = await repo.unitById(db, id);
  if (!unit) throw new AppError('NOT_FOUND');
  // Asked about a date outside the unit's life: show it as it was nearest to that date.
  let date = asOf;
  if (date < unit.valid_from) date = unit.valid_from;
  else if (unit.valid_to && date >= unit.valid_to) date = addDays(unit.valid_to, -1);
  const [row] = await repo.unitsAt(db, [id], date);
  if (!row) throw new AppError('NOT_FOUND');
  const ancestorIds = row.path.split('/').filter(Boolean).map(Number).slice(0, -1);
  const visible = ancestorIds.filter((_, i) => {
    const p = `/${ancestorIds.slice(0, i + 1).join('/')}/`;
    return scope.ranges.some((r) => p >= r.from && p < r.to);
  });
  const names = new Map((await repo.namesAt(db, visible, date)).map((n) => [n.unit_id, n]));
  const hist = await repo.history(db, id);
  // A parent outside the caller's scope (e.g. the commune union a district's CĐCS moved to) stays unnamed.
  const parentIds = [...new Set(hist.map((h) => h.parent_id).filter((p): p is number => p !== null))];
  const visibleParents = new Set<number>();
  for (const pid of parentIds) if (await isUnitInScope(db, pid, scope)) visibleParents.add(pid);
  return {
    ...presentUnit(row),
    ancestors: visible.flatMap((aid) => {
      const n = names.get(aid);
      return n ? [{ id: aid, name: n.name, typeCode: n.type_code }] : [];
    }),
    history: hist.map((h) => ({
      validFrom: h.valid_from,
      validTo: h.valid_to,
      parentId: h.parent_id !== null && visibleParents.has(h.parent_id) ? h.parent_id : null,
      parentName: h.parent_id !== null && visibleParents.has(h.parent_id) ? h.parent_name : null,
      name: h.name,
      typeCode: h.type_code,
      adminAreaName: h.admin_area_name,
    })),
  };
}

export async function search(ctx: AppContext, actor: Actor, q: z.output<typeof ZOrgSearchQuery>) {
  const scope = await requireScope(ctx.db, actor, 'org.read');
  const text = (q.q ?? '').trim();
  const rows = await repo.searchAt(ctx.db, scope, {
    folded: fold(text),
    code: text.toUpperCase(),
    date: q.asOf ?? today(ctx),
    typeCode: q.typeCode,
    limit: q.limit,
  });
  return rows.map(presentUnit);
}

export async function eventsOf(ctx: AppContext, actor: Actor, id: number) {
  const scope = await requireScope(ctx.db, actor, 'org.read');
  await requireUnitInScope(ctx.db, id, scope);
  return (await repo.events(ctx.db, id)).map(presentEvent);
}

export async function types(ctx: AppContext) {
  return (await repo.unitTypes(ctx.db)).map(presentUnitType);
}

// ---------------------------------------------------------------- rules shared by the events

async function typeValidAt(db: Db, code: string, date: string) {
  const t = await repo.unitType(db, code);
  if (!t) throw new AppError('VALIDATION', {}, [{ path: 'typeCode', message: `Loại đơn vị "${code}" không tồn tại` }]);
  if (t.valid_from > date || (t.valid_to !== null && t.valid_to <= date)) {
    throw new AppError('ORG_TYPE_NOT_VALID_AT_DATE', { type: t.name_vi, date: viDate(date) });
  }
  return t;
}

async function assertTypeAllowedUnder(db: Db, typeCode: string, parentTypeCode: string, date: string) {
  const t = await typeValidAt(db, typeCode, date);
  const allowed = JSON.parse(t.allowed_parents) as string[];
  if (!allowed.includes(parentTypeCode)) {
    const p = await repo.unitType(db, parentTypeCode);
    throw new AppError('ORG_TYPE_NOT_ALLOWED_UNDER', { type: t.name_vi, parentType: p?.name_vi ?? parentTypeCode });
  }
}

const viDate = (iso: string) => iso.split('-').reverse().join('/');

/**
 * The version an event at `date` builds on. Events are recorded in date order, so the unit must
 * exist on that date in its latest state.
 */
async function baseVersion(db: Db, unitId: number, date: string): Promise<Version> {
  const open = await repo.openVersion(db, unitId);
  const unit = await repo.unitById(db, unitId);
  if (!unit) throw new AppError('NOT_FOUND');
  if (!open) throw new AppError('ORG_NOT_ACTIVE_AT_DATE', { name: unit.name, date: viDate(date) });
  if (date < unit.valid_from) throw new AppError('ORG_DATE_BEFORE_START', { date: viDate(unit.valid_from) });
  if (open.valid_from > date) throw new AppError('ORG_LATER_CHANGE_EXISTS', { date: viDate(open.valid_from) });
  return open;
}

/** Your own top unit is changed by your superiors, not by you. */
function assertNotTopOfScope(v: Version, scope: Scope) {
  if (scope.ranges.some((r) => r.from === v.path)) throw new AppError('ORG_ROOT_IMMUTABLE');
}

async function assertNoLaterChange(db: Db, v: Version, date: string) {
  const later = await repo.laterChangeInSubtree(db, prefixRange(v.path), date);
  if (later) throw new AppError('ORG_LATER_CHANGE_EXISTS', { date: viDate(later) });
}

async function recordEvent(
  db: Db,
  actor: Actor,
  kind: string,
  unitId: number,
  date: string,
  d: Decision,
  relatedUnitId: number | null = null,
) {
  await db
    .insertInto('org_event')
    .values({
      kind,
      unit_id: unitId,
      effective_date: date,
      related_unit_id: relatedUnitId,
      decision_no: d.decisionNo ?? null,
      decision_date: d.decisionDate ?? null,
      note: d.note ?? null,
      created_by: actor.userId,
      created_at: new Date().toISOString(),
    })
    .execute();
}

/** Starts a new dated state of one unit (or rewrites it when it began on the same day). */
async function newVersion(db: Db, v: Version, date: string, changes: Updateable<Database['org_unit_version']>) {
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

// ---------------------------------------------------------------- events

export async function create(ctx: AppContext, actor: Actor, input: z.output<typeof ZOrgUnitCreate>) {
  const scope = await requireScope(ctx.db, actor, 'org.manage');
  const date = input.validFrom;
  const id = await inTreeTransaction(ctx.db, async (trx) => {
    const type = await typeValidAt(trx, input.typeCode, date);
    let parent: Version | null = null;
    if (input.parentId === null) {
      // Only the system administrator founds a new top of the tree (e.g. the confederation itself).
      if (!has(actor, 'system.configure')) throw new AppError('ORG_PARENT_REQUIRED');
      if ((JSON.parse(type.allowed_parents) as string[]).length > 0) throw new AppError('ORG_PARENT_REQUIRED');
    } else {
      await requireUnitInScope(trx, input.parentId, scope);
      parent = await baseVersion(trx, input.parentId, date);
      await assertTypeAllowedUnder(trx, input.typeCode, parent.type_code, date);
    }
    if (await repo.unitByCode(trx, input.code)) throw new AppError('ORG_CODE_TAKEN', { code: input.code });
    const now = new Date().toISOString();
    const inserted = await trx
      .insertInto('org_unit')
      .values({
        code: input.code,
        name: input.name,
        name_folded: fold(input.name),
        type_code: input.typeCode,
        address: input.address ?? null,
        founding_decision_no: input.foundingDecisionNo ?? null,
        founding_decision_date: input.foundingDecisionDate ?? null,
        valid_from: date,
        valid_to: null,
        merged_into_id: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('org_unit_version')
      .values({
        unit_id: inserted.id,
        parent_id: parent?.unit_id ?? null,
        path: `${parent?.path ?? '/'}${inserted.id}/`,
        depth: parent ? parent.depth + 1 : 0,
        name: input.name,
        name_folded: fold(input.name),
        short_name: input.shortName ?? null,
        type_code: input.typeCode,
        admin_area_code: input.adminAreaCode ?? null,
        admin_area_name: input.adminAreaName ?? null,
        valid_from: date,
        valid_to: null,
      })
      .execute();
    await recordEvent(trx, actor, 'create', inserted.id, date, {
      decisionNo: input.foundingDecisionNo,
      decisionDate: input.foundingDecisionDate,
      note: input.note,
    });
    await audit(trx, actor, {
      action: 'org.create',
      entity: 'org_unit',
      entityId: inserted.id,
      unitId: inserted.id,
      after: input,
    });
    return inserted.id;
  });
  actor.scopeCache.clear();
  return loadDetail(ctx.db, id, date, await requireScope(ctx.db, actor, 'org.read'));
}

export async function edit(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof ZOrgUnitEdit>) {
  const scope = await requireScope(ctx.db, actor, 'org.manage');
  await requireUnitInScope(ctx.db, id, scope);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.unitById(trx, id);
    const changes = {
      ...(input.address !== undefined ? { address: input.address } : {}),
      ...(input.foundingDecisionNo !== undefined ? { founding_decision_no: input.foundingDecisionNo } : {}),
      ...(input.foundingDecisionDate !== undefined
        ? { founding_decision_date: input.foundingDecisionDate ?? null }
        : {}),
    };
    await trx
      .updateTable('org_unit')
      .set({ ...changes, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await audit(trx, actor, {
      action: 'org.edit',
      entity: 'org_unit',
      entityId: id,
      unitId: id,
      before,
      after: changes,
    });
  });
  return loadDetail(ctx.db, id, today(ctx), await requireScope(ctx.db, actor, 'org.read'));
}

export async function rename(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof ZOrgRename>) {
  const scope = await requireScope(ctx.db, actor, 'org.manage');
  await requireUnitInScope(ctx.db, id, scope);
  const date = input.effectiveDate;
  await inTreeTransaction(ctx.db, async (trx) => {
    const v = await baseVersion(trx, id, date);
    assertNotTopOfScope(v, scope);
    const changes = {
      ...(input.name ? { name: input.name, name_folded: fold(input.name) } : {}),
      ...(input.shortName !== undefined ? { short_name: input.shortName } : {}),
      ...(input.adminAreaCode !== undefined ? { admin_area_code: input.adminAreaCode } : {}),
      ...(input.adminAreaName !== undefined ? { admin_area_name: input.adminAreaName } : {}),
    };
    if (Object.keys(changes).length === 0) {
      throw new AppError('VALIDATION', {}, [{ path: 'name', message: 'Không có thay đổi nào được nhập' }]);
    }
    await newVersion(trx, v, date, changes);
    if (input.name) {
      await trx
        .updateTable('org_unit')
        .set({ name: input.name, name_folded: fold(input.name), updated_at: new Date().toISOString() })
        .where('id', '=', id)
        .execute();
    }
    await recordEvent(trx, actor, 'rename', id, date, input);
    await audit(trx, actor, {
      action: 'org.rename',
      entity: 'org_unit',
      entityId: id,
      unitId: id,
      before: v,
      after: input,
    });
  });
  return loadDetail(ctx.db, id, date, await requireScope(ctx.db, actor, 'org.read'));
}

/** Moves one unit (with its subtree) under a new parent from `date`; used by move and merge. */
async function moveUnder(
  trx: Db,
  v: Version,
  newParent: Version,
  date: string,
  area: { code?: string | null; name?: string | null },
) {
  if (newParent.path.startsWith(v.path)) throw new AppError('ORG_CYCLE');
  await assertTypeAllowedUnder(trx, v.type_code, newParent.type_code, date);
  await assertNoLaterChange(trx, v, date);
  const newPrefix = `${newParent.path}${v.unit_id}/`;
  await repo.moveSubtree(trx, { oldPrefix: v.path, newPrefix, depthDelta: newParent.depth + 1 - v.depth, date });
  const moved = await repo.openVersion(trx, v.unit_id);
  if (!moved) throw new AppError('INTERNAL');
  await trx
    .updateTable('org_unit_version')
    .set({
      parent_id: newParent.unit_id,
      ...(area.code !== undefined ? { admin_area_code: area.code } : {}),
      ...(area.name !== undefined ? { admin_area_name: area.name } : {}),
    })
    .where('id', '=', moved.id)
    .execute();
}

export async function move(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof ZOrgMove>) {
  const scope = await requireScope(ctx.db, actor, 'org.manage');
  await requireUnitInScope(ctx.db, id, scope);
  await requireUnitInScope(ctx.db, input.newParentId, scope);
  const date = input.effectiveDate;
  await inTreeTransaction(ctx.db, async (trx) => {
    const v = await baseVersion(trx, id, date);
    assertNotTopOfScope(v, scope);
    if (v.unit_id === input.newParentId) throw new AppError('ORG_CYCLE');
    const p = await baseVersion(trx, input.newParentId, date);
    if (v.parent_id === p.unit_id) {
      throw new AppError('VALIDATION', {}, [{ path: 'newParentId', message: 'Đơn vị đã trực thuộc đơn vị này' }]);
    }
    await moveUnder(trx, v, p, date, { code: input.adminAreaCode, name: input.adminAreaName });
    await recordEvent(trx, actor, 'move', id, date, input, p.unit_id);
    await audit(trx, actor, {
      action: 'org.move',
      entity: 'org_unit',
      entityId: id,
      unitId: id,
      before: { parentId: v.parent_id, path: v.path },
      after: { parentId: p.unit_id, effectiveDate: date },
    });
  });
  return loadDetail(ctx.db, id, date, await requireScope(ctx.db, actor, 'org.read'));
}

async function endUnit(trx: Db, v: Version, date: string, mergedInto: number | null) {
  const open = await repo.countOpenChildren(trx, v.unit_id);
  if (open > 0) throw new AppError('ORG_HAS_ACTIVE_CHILDREN', { count: open });
  await assertNoLaterChange(trx, v, date);
  await trx.updateTable('org_unit_version').set({ valid_to: date }).where('id', '=', v.id).execute();
  await trx
    .updateTable('org_unit')
    .set({ valid_to: date, merged_into_id: mergedInto, updated_at: new Date().toISOString() })
    .where('id', '=', v.unit_id)
    .execute();
}

export async function dissolve(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof ZOrgDissolve>) {
  const scope = await requireScope(ctx.db, actor, 'org.manage');
  await requireUnitInScope(ctx.db, id, scope);
  const date = input.effectiveDate;
  await inTreeTransaction(ctx.db, async (trx) => {
    const v = await baseVersion(trx, id, date);
    assertNotTopOfScope(v, scope);
    const unit = await repo.unitById(trx, id);
    if (unit && date <= unit.valid_from) throw new AppError('ORG_DATE_BEFORE_START', { date: viDate(unit.valid_from) });
    await endUnit(trx, v, date, null);
    await recordEvent(trx, actor, 'dissolve', id, date, input);
    await audit(trx, actor, {
      action: 'org.dissolve',
      entity: 'org_unit',
      entityId: id,
      unitId: id,
      before: v,
      after: input,
    });
  });
  return loadDetail(ctx.db, id, date, await requireScope(ctx.db, actor, 'org.read'));
}

/**
 * Merges unit `id` into `targetId` from `date`: its active sub-units move under the target, it
 * ends, and the target inherits its history (scopes follow merged_into_id).
 */
export async function merge(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof ZOrgMerge>) {
  if (id === input.targetId) throw new AppError('ORG_MERGE_SAME');
  const scope = await requireScope(ctx.db, actor, 'org.manage');
  await requireUnitInScope(ctx.db, id, scope);
  await requireUnitInScope(ctx.db, input.targetId, scope);
  const date = input.effectiveDate;
  await inTreeTransaction(ctx.db, async (trx) => {
    const v = await baseVersion(trx, id, date);
    assertNotTopOfScope(v, scope);
    const target = await baseVersion(trx, input.targetId, date);
    if (target.path.startsWith(v.path)) throw new AppError('ORG_CYCLE');
    for (const child of await repo.openChildren(trx, id)) {
      const fresh = await repo.openVersion(trx, child.unit_id);
      const t = await repo.openVersion(trx, input.targetId);
      if (fresh && t) await moveUnder(trx, fresh, t, date, {});
    }
    const after = await repo.openVersion(trx, id);
    if (!after) throw new AppError('INTERNAL');
    await endUnit(trx, after, date, input.targetId);
    await recordEvent(trx, actor, 'merge', id, date, input, input.targetId);
    await recordEvent(trx, actor, 'absorb', input.targetId, date, input, id);
    await audit(trx, actor, {
      action: 'org.merge',
      entity: 'org_unit',
      entityId: id,
      unitId: input.targetId,
      before: v,
      after: input,
    });
  });
  actor.scopeCache.clear();
  return loadDetail(ctx.db, input.targetId, date, await requireScope(ctx.db, actor, 'org.read'));
}
