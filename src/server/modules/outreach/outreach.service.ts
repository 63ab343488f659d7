import type { z } from 'zod';
import type { TOutreachCreate, ZCoverageQuery, ZOutreachQuery } from '../../../shared/outreach/contract.js';
import { outreachMessages as M } from '../../../shared/outreach/messages.js';
import { fold } from '../../../shared/text/index.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type Actor, requireScope, requireUnitInScope, scopeWithin } from '../../platform/scope.js';
import { endedUnitIssue } from '../../platform/unit-life.js';
import { type Issue, invalid, issue } from '../../platform/validation.js';
import { communeKey } from '../admin-units/admin-units.keys.js';
import * as enterprises from '../enterprises/enterprises.service.js';
import { type CommuneGroup, presentConfig, presentCoverage, presentEvents } from './outreach.presenter.js';
import * as repo from './outreach.repository.js';

/** Forms and topics still in use: reference data every signed-in user may read. */
export async function config(ctx: AppContext) {
  return presentConfig(await repo.outreachCodes(ctx.db, { current: true }));
}

async function codesOn(ctx: AppContext, kind: repo.OutreachKind, date: string) {
  return new Set((await repo.outreachCodes(ctx.db, { date }, kind)).map((r) => r.code));
}

async function view(ctx: AppContext, id: number) {
  const [v] = presentEvents(await repo.eventsWithLinks(ctx.db, [id]));
  if (!v) throw new AppError('NOT_FOUND');
  return v;
}

export async function create(ctx: AppContext, actor: Actor, input: TOutreachCreate) {
  const scope = await requireScope(ctx.db, actor, 'record.write');
  await requireUnitInScope(ctx.db, input.unitId, scope);
  const issues: Issue[] = [];
  const ended = await endedUnitIssue(ctx.db, input.unitId, input.eventDate, 'unitId');
  if (ended) issues.push(ended);
  if (!(await codesOn(ctx, 'form', input.eventDate)).has(input.formCode)) {
    issues.push(issue('formCode', M.formUnknown, { code: input.formCode }));
  }
  const topics = await codesOn(ctx, 'topic', input.eventDate);
  input.topics.forEach((t, i) => {
    if (!topics.has(t)) issues.push(issue(`topics.${i}`, M.topicUnknown, { code: t }));
  });
  if (issues.length) invalid(issues);
  const entIds = [...new Set(input.enterpriseIds)];
  // Every enterprise must be the caller's: one outside the scope does not exist for them.
  if (entIds.length && (await repo.countEnterprisesInScope(ctx.db, scope, entIds)) !== entIds.length) {
    throw new AppError('NOT_FOUND');
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const eventId = await repo.insertEvent(trx, actor.userId, input, entIds);
    await audit(trx, actor, {
      action: 'outreach.create',
      entity: 'outreach_event',
      entityId: eventId,
      unitId: input.unitId,
      after: input,
    });
    return eventId;
  });
  return view(ctx, id);
}

export async function get(ctx: AppContext, actor: Actor, id: number) {
  const scope = await requireScope(ctx.db, actor, 'record.read');
  if (!(await repo.eventInScope(ctx.db, scope, id))) throw new AppError('NOT_FOUND');
  return view(ctx, id);
}

export async function list(ctx: AppContext, actor: Actor, q: z.output<typeof ZOutreachQuery>) {
  const scope = await scopeWithin(ctx.db, actor, 'record.read', q.unitId);
  const { total, ids } = await repo.eventPage(ctx.db, scope, q);
  return { total, items: presentEvents(await repo.eventsWithLinks(ctx.db, ids)) };
}

/**
 * Outreach coverage (plan target T1): of the enterprises in the survey frame of a subtree, how many
 * were reached by an outreach event in the period — all, and non-state only — overall and by the
 * commune each enterprise resolved to. On the period's end, a commune of a list that had ended by
 * then counts in its successor (old communes roll into the new one after 07/2025); enterprises whose
 * commune is not known then are one row of their own, never merged into another.
 */
export async function coverage(ctx: AppContext, actor: Actor, q: z.output<typeof ZCoverageQuery>) {
  const scope = await scopeWithin(ctx.db, actor, 'record.read', q.unitId);
  const period = enterprises.defaultPeriod(ctx, q);
  const t = await enterprises.thresholds(ctx.db, period.to);
  const f = await repo.coverageFigures(ctx.db, scope, t, period);
  const ids = [...new Set(f.byCommune.flatMap((g) => [g.commune_id, g.commune_now_id]).filter((x) => x !== null))];
  const units = new Map((await repo.communesById(ctx.db, ids)).map((u) => [u.id, u]));
  const groups = new Map<number | null, CommuneGroup>();
  for (const g of f.byCommune) {
    const then = g.commune_id === null ? undefined : units.get(g.commune_id);
    const ended = then?.valid_to != null && then.valid_to <= period.to;
    const id = then ? (ended ? g.commune_now_id : then.id) : null;
    const unit = id === null ? null : (units.get(id) ?? null);
    const key = unit?.id ?? null;
    const acc = groups.get(key) ?? { unit, in_scope: 0, reached: 0, ns_in_scope: 0, ns_reached: 0, workers: 0 };
    // The databases' sums arrive as text (PostgreSQL bigint) or null (no rows reached).
    acc.in_scope += Number(g.in_scope);
    acc.reached += Number(g.reached ?? 0);
    acc.ns_in_scope += Number(g.ns_in_scope ?? 0);
    acc.ns_reached += Number(g.ns_reached ?? 0);
    acc.workers += Number(g.workers ?? 0);
    groups.set(key, acc);
  }
  // By province, then by the name without its "Xã/Phường/Thị trấn"; the unresolved row last.
  const sortKey = (g: CommuneGroup) =>
    g.unit ? `${fold(g.unit.province_name)} ${communeKey(g.unit.name).key}` : '\uffff';
  const rows = [...groups.values()].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  return presentCoverage(rows, f.events, period);
}
