import type { z } from 'zod';
import type {
  OrgEventKind,
  ZOrgDissolve,
  ZOrgMerge,
  ZOrgMove,
  ZOrgRename,
  ZOrgUnitCreate,
  ZOrgUnitEdit,
} from '../../../shared/org/contract.js';
import { orgMessages as M } from '../../../shared/org/messages.js';
import { fold, formatViDate } from '../../../shared/text/index.js';
import type { Db } from '../../db/database.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { today } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import {
  type Actor,
  forgetScopes,
  hasPermission as has,
  prefixRange,
  requireScope,
  requireUnitInScope,
  type Scope,
} from '../../platform/scope.js';
import { inTreeTransaction } from '../../platform/tx.js';
import { endedUnitIssue } from '../../platform/unit-life.js';
import { invalid, issue } from '../../platform/validation.js';
import { treeChanged } from '../metrics/metrics.summary.js';
import * as backdated from './org.backdated.js';
import * as changes from './org.changes.repository.js';
import { type LifePlan, planIssues, planLife } from './org.later-parents.js';
import { loadDetail } from './org.reads.js';
import type { Version } from './org.repository.js';
import * as repo from './org.repository.js';

/**
 * The dated changes of the tree (found, edit, rename, move, dissolve, merge): each is an event that
 * closes the current version of a unit and opens the next, recorded in date order under a tree lock.
 * Reads live in org.reads.ts.
 */

type Decision = { decisionNo?: string | null; decisionDate?: string | null; note?: string | null };

// ---------------------------------------------------------------- rules shared by the events

async function typeValidAt(db: Db, code: string, date: string) {
  const t = await repo.unitType(db, code);
  if (!t) invalid([issue('typeCode', M.typeUnknown, { code })]);
  if (t.valid_from > date || (t.valid_to !== null && t.valid_to <= date)) {
    throw new AppError('ORG_TYPE_NOT_VALID_AT_DATE', { type: t.name_vi, date: formatViDate(date) });
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

/**
 * The version an event at `date` builds on. Events are recorded in date order, so the unit must
 * exist on that date in its latest state.
 */
async function baseVersion(db: Db, unitId: number, date: string): Promise<Version> {
  const open = await repo.openVersion(db, unitId);
  const unit = await repo.unitById(db, unitId);
  if (!unit) throw new AppError('NOT_FOUND');
  if (!open) throw new AppError('ORG_NOT_ACTIVE_AT_DATE', { name: unit.name, date: formatViDate(date) });
  if (date < unit.valid_from) throw new AppError('ORG_DATE_BEFORE_START', { date: formatViDate(unit.valid_from) });
  if (open.valid_from > date) throw new AppError('ORG_LATER_CHANGE_EXISTS', { date: formatViDate(open.valid_from) });
  return open;
}

/** Your own top unit is changed by your superiors, not by you. */
function assertNotTopOfScope(v: Version, scope: Scope) {
  if (scope.ranges.some((r) => r.from === v.path)) throw new AppError('ORG_ROOT_IMMUTABLE');
}

async function assertNoLaterChange(db: Db, v: Version, date: string) {
  const later = await repo.laterChangeInSubtree(db, prefixRange(v.path), date);
  if (later) throw new AppError('ORG_LATER_CHANGE_EXISTS', { date: formatViDate(later) });
}

function recordEvent(
  db: Db,
  actor: Actor,
  kind: OrgEventKind,
  unitId: number,
  date: string,
  d: Decision,
  relatedUnitId: number | null = null,
) {
  return changes.insertEvent(db, { kind, unitId, date, relatedUnitId, ...d, by: actor.userId });
}

// ---------------------------------------------------------------- events

/**
 * Founds a unit on `validFrom`, which may lie inside a later history: the unit follows its parent's
 * later moves, and at each later end of a parent the caller says where it went (`laterParents`, asked
 * by GET …/later-parents); the whole life is written in one transaction.
 */
export async function create(ctx: AppContext, actor: Actor, input: z.output<typeof ZOrgUnitCreate>) {
  const scope = await requireScope(ctx.db, actor, 'org.manage');
  const date = input.validFrom;
  const answers = input.laterParents ?? [];
  const id = await inTreeTransaction(ctx.db, async (trx) => {
    const type = await typeValidAt(trx, input.typeCode, date);
    let plan: LifePlan | null = null;
    if (input.parentId === null) {
      // Only the system administrator founds a new top of the tree (e.g. the confederation itself).
      if (!has(actor, 'system.configure')) throw new AppError('ORG_PARENT_REQUIRED');
      if ((JSON.parse(type.allowed_parents) as string[]).length > 0) throw new AppError('ORG_PARENT_REQUIRED');
    } else {
      await requireUnitInScope(trx, input.parentId, scope);
      for (const a of answers) if (a.parentId !== null) await requireUnitInScope(trx, a.parentId, scope);
      const ended = await endedUnitIssue(trx, input.parentId, date, 'parentId');
      if (ended) invalid([ended]);
      plan = await planLife(trx, input.parentId, date, answers);
      const problems = planIssues(plan, answers);
      if (problems.length) invalid(problems);
      for (const seg of plan.segments) await assertTypeAllowedUnder(trx, input.typeCode, seg.parentType, seg.from);
    }
    if (await repo.unitByCode(trx, input.code)) throw new AppError('ORG_CODE_TAKEN', { code: input.code });
    const unitId = await changes.insertUnit(trx, input, plan?.segments ?? null, plan?.endsOn ?? null);
    await recordEvent(trx, actor, 'create', unitId, date, {
      decisionNo: input.foundingDecisionNo,
      decisionDate: input.foundingDecisionDate,
      note: input.note,
    });
    for (const m of plan?.moves ?? []) await recordEvent(trx, actor, 'move', unitId, m.date, {}, m.parentId);
    if (plan?.endsOn) await recordEvent(trx, actor, 'dissolve', unitId, plan.endsOn, {});
    await audit(trx, actor, {
      action: 'org.create',
      entity: 'org_unit',
      entityId: unitId,
      unitId,
      after: input,
    });
    return unitId;
  });
  forgetScopes(actor);
  return loadDetail(ctx.db, id, date, await requireScope(ctx.db, actor, 'org.read'));
}

/** The later ends of `parentId` a unit founded on `date` under it must answer, each with its successor proposed. */
export async function laterParents(ctx: AppContext, actor: Actor, parentId: number, date: string) {
  const scope = await requireScope(ctx.db, actor, 'org.manage');
  await requireUnitInScope(ctx.db, parentId, scope);
  return (await planLife(ctx.db, parentId, date, [], true)).questions;
}

export async function edit(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof ZOrgUnitEdit>) {
  const scope = await requireScope(ctx.db, actor, 'org.manage');
  await requireUnitInScope(ctx.db, id, scope);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.unitById(trx, id);
    const edits = await changes.updateUnit(trx, id, input);
    await audit(trx, actor, {
      action: 'org.edit',
      entity: 'org_unit',
      entityId: id,
      unitId: id,
      before,
      after: edits,
    });
  });
  return loadDetail(ctx.db, id, today(ctx), await requireScope(ctx.db, actor, 'org.read'));
}

export async function rename(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof ZOrgRename>) {
  const scope = await requireScope(ctx.db, actor, 'org.manage');
  await requireUnitInScope(ctx.db, id, scope);
  const date = input.effectiveDate;
  await inTreeTransaction(ctx.db, async (trx) => {
    // A rename may be recorded behind later changes: it splits the state in force then (changeFrom).
    const ended = await endedUnitIssue(trx, id, date, 'effectiveDate');
    if (ended) invalid([ended]);
    const versions = await repo.versionsFrom(trx, id, date);
    const v = versions[0];
    if (!v || v.valid_from > date) {
      const unit = await repo.unitById(trx, id);
      throw new AppError('ORG_DATE_BEFORE_START', { date: formatViDate(unit?.valid_from ?? date) });
    }
    assertNotTopOfScope(v, scope);
    const dated = {
      ...(input.name ? { name: input.name, name_folded: fold(input.name) } : {}),
      ...(input.shortName !== undefined ? { short_name: input.shortName } : {}),
      ...(input.adminAreaCode !== undefined ? { admin_area_code: input.adminAreaCode } : {}),
      ...(input.adminAreaName !== undefined ? { admin_area_name: input.adminAreaName } : {}),
    };
    if (Object.keys(dated).length === 0) invalid([issue('name', M.noChange)]);
    const reachedLatest = await changes.changeFrom(trx, versions, date, dated);
    if (input.name && reachedLatest) await changes.updateUnit(trx, id, { name: input.name });
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
  await changes.moveSubtree(trx, { oldPrefix: v.path, newPrefix, depthDelta: newParent.depth + 1 - v.depth, date });
  const moved = await repo.openVersion(trx, v.unit_id);
  if (!moved) throw new AppError('INTERNAL');
  await changes.setParent(trx, moved.id, newParent.unit_id, area);
}

export async function move(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof ZOrgMove>) {
  const scope = await requireScope(ctx.db, actor, 'org.manage');
  await requireUnitInScope(ctx.db, id, scope);
  await requireUnitInScope(ctx.db, input.newParentId, scope);
  for (const a of input.laterParents ?? [])
    if (a.parentId !== null) await requireUnitInScope(ctx.db, a.parentId, scope);
  const date = input.effectiveDate;
  await inTreeTransaction(ctx.db, async (trx) => {
    const states = await backdated.statesFrom(trx, id, date);
    const parentThen = await repo.versionAt(trx, input.newParentId, date);
    if (
      (await backdated.hasLaterHistory(trx, states[0], date)) ||
      (parentThen && (await backdated.hasLaterHistory(trx, parentThen, date)))
    ) {
      await moveInHistory(trx, actor, scope, states, input);
      return;
    }
    const v = await baseVersion(trx, id, date);
    assertNotTopOfScope(v, scope);
    if (v.unit_id === input.newParentId) throw new AppError('ORG_CYCLE');
    const p = await baseVersion(trx, input.newParentId, date);
    if (v.parent_id === p.unit_id) invalid([issue('newParentId', M.alreadyUnder)]);
    await moveUnder(trx, v, p, date, { code: input.adminAreaCode, name: input.adminAreaName });
    await treeChanged(trx, [id], date);
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

/**
 * A move behind later history (the unit, or its new parent, changed after the date): the unit's life
 * from the date follows the new parent's later states, and at each later end of it the caller says
 * where the unit went, as when founding a unit in the past; its old later moves are dropped.
 */
async function moveInHistory(
  trx: Db,
  actor: Actor,
  scope: Scope,
  states: [Version, ...Version[]],
  input: z.output<typeof ZOrgMove>,
) {
  const [v] = states;
  const date = input.effectiveDate;
  assertNotTopOfScope(v, scope);
  if (v.unit_id === input.newParentId) throw new AppError('ORG_CYCLE');
  const unit = await repo.unitById(trx, v.unit_id);
  if (unit?.valid_to) throw new AppError('ORG_LATER_CHANGE_EXISTS', { date: formatViDate(unit.valid_to) });
  await backdated.assertOnlyLaterMoves(trx, states, date);
  const ended = await endedUnitIssue(trx, input.newParentId, date, 'newParentId');
  if (ended) invalid([ended]);
  const p = await repo.versionAt(trx, input.newParentId, date);
  if (p?.path.startsWith(v.path)) throw new AppError('ORG_CYCLE');
  if (v.parent_id === input.newParentId) invalid([issue('newParentId', M.alreadyUnder)]);
  const answers = input.laterParents ?? [];
  const plan = await planLife(trx, input.newParentId, date, answers);
  const problems = planIssues(plan, answers);
  if (problems.length) invalid(problems);
  for (const seg of plan.segments) await assertTypeAllowedUnder(trx, v.type_code, seg.parentType, seg.from);
  const dropped = await changes.rewriteLife(trx, v, date, plan.segments, plan.endsOn, {
    code: input.adminAreaCode,
    name: input.adminAreaName,
  });
  await treeChanged(trx, [v.unit_id], date);
  await recordEvent(trx, actor, 'move', v.unit_id, date, input, input.newParentId);
  for (const m of plan.moves) await recordEvent(trx, actor, 'move', v.unit_id, m.date, {}, m.parentId);
  if (plan.endsOn) await recordEvent(trx, actor, 'dissolve', v.unit_id, plan.endsOn, {});
  await audit(trx, actor, {
    action: 'org.move',
    entity: 'org_unit',
    entityId: v.unit_id,
    unitId: v.unit_id,
    before: { parentId: v.parent_id, path: v.path, laterEvents: dropped },
    after: { parentId: input.newParentId, effectiveDate: date, laterParents: answers },
  });
}

async function endLife(trx: Db, v: Version, date: string, mergedInto: number | null) {
  const open = await repo.countOpenChildren(trx, v.unit_id);
  if (open > 0) throw new AppError('ORG_HAS_ACTIVE_CHILDREN', { count: open });
  await assertNoLaterChange(trx, v, date);
  await changes.endUnit(trx, v, date, mergedInto);
}

export async function dissolve(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof ZOrgDissolve>) {
  const scope = await requireScope(ctx.db, actor, 'org.manage');
  await requireUnitInScope(ctx.db, id, scope);
  const date = input.effectiveDate;
  await inTreeTransaction(ctx.db, async (trx) => {
    const states = await backdated.statesFrom(trx, id, date);
    const v = states[0];
    assertNotTopOfScope(v, scope);
    await backdated.assertAfterFounding(trx, id, date);
    const records = await backdated.recordsFrom(trx, id, date);
    if (records > 0) throw new AppError('ORG_LATER_RECORDS', { count: records, date: formatViDate(date) });
    const inHistory = await backdated.hasLaterHistory(trx, v, date);
    if (!inHistory) await baseVersion(trx, id, date);
    let successor: number | null = null;
    if (input.successorId != null) {
      await requireUnitInScope(trx, input.successorId, scope);
      const s = await repo.versionAt(trx, input.successorId, date);
      if (!s || input.successorId === id || s.path.startsWith(v.path)) {
        invalid([issue('successorId', M.successorUnknown)]);
      }
      successor = input.successorId;
    }
    // Behind later history (a CĐCS that really ended before the hand-over that moved it): its later moves go.
    let laterEvents: Awaited<ReturnType<typeof changes.rewriteLife>> = [];
    if (inHistory) {
      await backdated.assertOnlyLaterMoves(trx, states, date);
      laterEvents = await changes.rewriteLife(trx, v, date, [], null);
    } else await endLife(trx, v, date, null);
    await treeChanged(trx, [id], date);
    await recordEvent(trx, actor, 'dissolve', id, date, input, successor);
    await audit(trx, actor, {
      action: 'org.dissolve',
      entity: 'org_unit',
      entityId: id,
      unitId: id,
      before: inHistory ? { ...v, laterEvents } : v,
      after: input,
    });
  });
  forgetScopes(actor);
  return loadDetail(ctx.db, id, date, await requireScope(ctx.db, actor, 'org.read'));
}

/**
 * A merge behind the unit's later history (a CĐCS merged into another in 2024, although the tree handed
 * it over in 2025): it ends on the date, its later moves are dropped, and the target inherits it.
 */
async function mergeInHistory(
  trx: Db,
  actor: Actor,
  scope: Scope,
  states: [Version, ...Version[]],
  input: z.output<typeof ZOrgMerge>,
) {
  const [v] = states;
  const date = input.effectiveDate;
  assertNotTopOfScope(v, scope);
  await backdated.assertAfterFounding(trx, v.unit_id, date);
  const target = await repo.versionAt(trx, input.targetId, date);
  if (!target) {
    const t = await repo.unitById(trx, input.targetId);
    throw new AppError('ORG_NOT_ACTIVE_AT_DATE', { name: t?.name ?? '', date: formatViDate(date) });
  }
  if (target.path.startsWith(v.path)) throw new AppError('ORG_CYCLE');
  await backdated.assertOnlyLaterMoves(trx, states, date);
  const laterEvents = await changes.rewriteLife(trx, v, date, [], null);
  await trx.updateTable('org_unit').set({ merged_into_id: input.targetId }).where('id', '=', v.unit_id).execute();
  await treeChanged(trx, [v.unit_id, input.targetId], date);
  await recordEvent(trx, actor, 'merge', v.unit_id, date, input, input.targetId);
  await recordEvent(trx, actor, 'absorb', input.targetId, date, input, v.unit_id);
  await audit(trx, actor, {
    action: 'org.merge',
    entity: 'org_unit',
    entityId: v.unit_id,
    unitId: input.targetId,
    before: { ...v, laterEvents },
    after: input,
  });
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
    const states = await backdated.statesFrom(trx, id, date);
    if (await backdated.hasLaterHistory(trx, states[0], date)) {
      await mergeInHistory(trx, actor, scope, states, input);
      return;
    }
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
    await endLife(trx, after, date, input.targetId);
    await treeChanged(trx, [id], date);
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
  forgetScopes(actor);
  return loadDetail(ctx.db, input.targetId, date, await requireScope(ctx.db, actor, 'org.read'));
}
