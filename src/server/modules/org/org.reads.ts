import type { z } from 'zod';
import type { TOrgUnitDetail, ZOrgSearchQuery } from '../../../shared/org/contract.js';
import { addDays, fold } from '../../../shared/text/index.js';
import type { Db } from '../../db/database.js';
import type { AppContext } from '../../platform/context.js';
import { today } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import { type Actor, isUnitInScope, requireScope, requireUnitInScope, type Scope } from '../../platform/scope.js';
import { presentDetail, presentEvent, presentUnit, presentUnitType } from './org.presenter.js';
import * as repo from './org.repository.js';

/** Reading the dated tree: roots, children, a unit with its history and events, search, unit types. */

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

/** A unit as of a date, with the ancestors and past parents the scope may see. */
export async function loadDetail(db: Db, id: number, asOf: string, scope: Scope): Promise<TOrgUnitDetail> {
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
  const parentId = row.parent_id;
  const names = new Map(
    (await repo.namesAt(db, parentId === null ? visible : [...new Set([...visible, parentId])], date)).map((n) => [
      n.unit_id,
      n,
    ]),
  );
  const hist = await repo.history(db, id);
  // A parent outside the caller's scope (e.g. the commune union a district's CĐCS moved to) is named, not linked.
  const parentIds = [...new Set(hist.map((h) => h.parent_id).filter((p): p is number => p !== null))];
  const visibleParents = new Set<number>();
  for (const pid of parentIds) if (await isUnitInScope(db, pid, scope)) visibleParents.add(pid);
  const parentName = parentId === null ? null : (names.get(parentId)?.name ?? null);
  const ancestors = visible.flatMap((aid) => {
    const n = names.get(aid);
    return n ? [n] : [];
  });
  return presentDetail(row, ancestors, parentName, hist, visibleParents);
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
