import { sql } from 'kysely';
import type { z } from 'zod';
import type { TOutreachCreate, ZCoverageQuery, ZOutreachQuery } from '../../../shared/outreach/contract.js';
import type { Db } from '../../db/database.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type Actor, requireScope, requireUnitInScope, scopeWithin, unitInScope } from '../../platform/scope.js';
import { refreshDerived } from '../enterprises/enterprises.repository.js';
import * as enterprises from '../enterprises/enterprises.service.js';

async function codesOfKind(db: Db, kind: 'form' | 'topic', date: string) {
  const rows = await db
    .selectFrom('outreach_form')
    .select('code')
    .where('kind', '=', kind)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .execute();
  return new Set(rows.map((r) => r.code));
}

export async function config(ctx: AppContext) {
  const rows = await ctx.db
    .selectFrom('outreach_form')
    .selectAll()
    .where('valid_to', 'is', null)
    .orderBy('sort_order')
    .execute();
  const pick = (kind: string) =>
    rows.filter((r) => r.kind === kind).map((r) => ({ code: r.code, nameVi: r.name_vi, nameEn: r.name_en }));
  return { forms: pick('form'), topics: pick('topic') };
}

async function view(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  const events = await db
    .selectFrom('outreach_event as ev')
    .innerJoin('org_unit as u', 'u.id', 'ev.unit_id')
    .leftJoin('app_user as a', 'a.id', 'ev.created_by')
    .selectAll('ev')
    .select(['u.name as unit_name', 'a.username as created_by_name'])
    .where('ev.id', 'in', ids)
    .orderBy('ev.event_date', 'desc')
    .orderBy('ev.id', 'desc')
    .execute();
  const links = await db
    .selectFrom('outreach_enterprise as oe')
    .innerJoin('enterprise as e', 'e.id', 'oe.enterprise_id')
    .select(['oe.event_id', 'e.id', 'e.name', 'e.mst'])
    .where('oe.event_id', 'in', ids)
    .orderBy('e.name_folded')
    .execute();
  const files = await db
    .selectFrom('outreach_attachment')
    .select(['id', 'event_id', 'file_name', 'mime', 'size'])
    .where('event_id', 'in', ids)
    .orderBy('id')
    .execute();
  return events.map((ev) => ({
    id: ev.id,
    unitId: ev.unit_id,
    unitName: ev.unit_name,
    eventDate: ev.event_date,
    formCode: ev.form_code,
    topics: JSON.parse(ev.topics) as string[],
    title: ev.title,
    workersReached: ev.workers_reached,
    employerRepsReached: ev.employer_reps_reached,
    officersPresent: ev.officers_present,
    cost: ev.cost,
    notes: ev.notes,
    enterprises: links.filter((l) => l.event_id === ev.id).map((l) => ({ id: l.id, name: l.name, mst: l.mst })),
    attachments: files
      .filter((f) => f.event_id === ev.id)
      .map((f) => ({ id: f.id, fileName: f.file_name, mime: f.mime, size: f.size })),
    createdBy: ev.created_by_name,
  }));
}

export async function create(ctx: AppContext, actor: Actor, input: TOutreachCreate) {
  const scope = await requireScope(ctx.db, actor, 'record.write');
  await requireUnitInScope(ctx.db, input.unitId, scope);
  const issues: { path: string; message: string }[] = [];
  if (!(await codesOfKind(ctx.db, 'form', input.eventDate)).has(input.formCode)) {
    issues.push({ path: 'formCode', message: `Hình thức "${input.formCode}" không có trong danh mục` });
  }
  const topics = await codesOfKind(ctx.db, 'topic', input.eventDate);
  input.topics.forEach((t, i) => {
    if (!topics.has(t)) issues.push({ path: `topics.${i}`, message: `Nội dung "${t}" không có trong danh mục` });
  });
  if (issues.length) throw new AppError('VALIDATION', {}, issues);
  const entIds = [...new Set(input.enterpriseIds)];
  if (entIds.length) {
    // Every enterprise must be the caller's: one outside the scope does not exist for them.
    const found = await ctx.db
      .selectFrom('enterprise as e')
      .select('e.id')
      .where('e.id', 'in', entIds)
      .where((eb) => unitInScope(eb, 'e.unit_id', scope))
      .execute();
    if (found.length !== entIds.length) throw new AppError('NOT_FOUND');
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const ev = await trx
      .insertInto('outreach_event')
      .values({
        unit_id: input.unitId,
        event_date: input.eventDate,
        form_code: input.formCode,
        topics: JSON.stringify(input.topics),
        title: input.title ?? null,
        workers_reached: input.workersReached,
        employer_reps_reached: input.employerRepsReached,
        officers_present: input.officersPresent ?? null,
        cost: input.cost ?? null,
        notes: input.notes ?? null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const eid of entIds) {
      await trx.insertInto('outreach_enterprise').values({ event_id: ev.id, enterprise_id: eid }).execute();
      await refreshDerived(trx, eid);
    }
    await audit(trx, actor, {
      action: 'outreach.create',
      entity: 'outreach_event',
      entityId: ev.id,
      unitId: input.unitId,
      after: input,
    });
    return ev.id;
  });
  const [v] = await view(ctx.db, [id]);
  return v;
}

export async function get(ctx: AppContext, actor: Actor, id: number) {
  const scope = await requireScope(ctx.db, actor, 'record.read');
  const row = await ctx.db
    .selectFrom('outreach_event as ev')
    .select('ev.id')
    .where('ev.id', '=', id)
    .where((eb) => unitInScope(eb, 'ev.unit_id', scope))
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const [v] = await view(ctx.db, [id]);
  return v;
}

export async function list(ctx: AppContext, actor: Actor, q: z.output<typeof ZOutreachQuery>) {
  const scope = await scopeWithin(ctx.db, actor, 'record.read', q.unitId);
  let base = ctx.db.selectFrom('outreach_event as ev').where((eb) => unitInScope(eb, 'ev.unit_id', scope));
  if (q.from) base = base.where('ev.event_date', '>=', q.from);
  if (q.to) base = base.where('ev.event_date', '<=', q.to);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ids = await base
    .select('ev.id')
    .orderBy('ev.event_date', 'desc')
    .orderBy('ev.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return {
    total: Number(total.n),
    items: await view(
      ctx.db,
      ids.map((r) => r.id),
    ),
  };
}

/**
 * Outreach coverage (plan target T1): of the enterprises in the survey frame of a subtree, how many
 * were reached by an outreach event in the period — all, and non-state only — overall and by commune.
 */
export async function coverage(ctx: AppContext, actor: Actor, q: z.output<typeof ZCoverageQuery>) {
  const scope = await scopeWithin(ctx.db, actor, 'record.read', q.unitId);
  const period = enterprises.defaultPeriod(ctx, q);
  const t = await enterprises.thresholds(ctx.db, period.to);
  return computeCoverage(ctx.db, scope, t, period);
}

async function computeCoverage(
  db: Db,
  scope: Awaited<ReturnType<typeof requireScope>>,
  t: { surveyMin: number },
  period: { from: string; to: string },
) {
  const reachedFlag = sql<number>`(case when exists (
      select 1 from outreach_enterprise oe join outreach_event ev on ev.id = oe.event_id
      where oe.enterprise_id = e.id and ev.event_date >= ${period.from} and ev.event_date <= ${period.to}
    ) then 1 else 0 end)`;
  const perEnterprise = db
    .selectFrom('enterprise as e')
    .innerJoin('ownership_type as o', 'o.code', 'e.ownership_code')
    .where((eb) => unitInScope(eb, 'e.unit_id', scope))
    .where('e.worker_count', '>=', t.surveyMin)
    .select(['e.admin_area_code', 'e.admin_area_name', 'e.worker_count', 'o.non_state', reachedFlag.as('hit')]);
  const grouped = await db
    .selectFrom(perEnterprise.as('x'))
    .select([
      'x.admin_area_code',
      sql<string | null>`max(x.admin_area_name)`.as('admin_area_name'),
      sql<number>`count(*)`.as('in_scope'),
      sql<number>`sum(x.hit)`.as('reached'),
      sql<number>`sum(x.non_state)`.as('ns_in_scope'),
      sql<number>`sum(x.non_state * x.hit)`.as('ns_reached'),
      sql<number>`sum(x.worker_count * x.hit)`.as('workers'),
    ])
    .groupBy('x.admin_area_code')
    .orderBy('x.admin_area_code')
    .execute();
  const events = await db
    .selectFrom('outreach_event as ev')
    .where((eb) => unitInScope(eb, 'ev.unit_id', scope))
    .where('ev.event_date', '>=', period.from)
    .where('ev.event_date', '<=', period.to)
    .select([sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(ev.workers_reached), 0)`.as('workers')])
    .executeTakeFirstOrThrow();
  const byCommune = grouped.map((g) => ({
    adminAreaCode: g.admin_area_code,
    adminAreaName: g.admin_area_name,
    enterprisesInScope: Number(g.in_scope),
    reached: Number(g.reached ?? 0),
    nonStateInScope: Number(g.ns_in_scope ?? 0),
    nonStateReached: Number(g.ns_reached ?? 0),
    workersInReachedEnterprises: Number(g.workers ?? 0),
  }));
  const sum = (k: keyof (typeof byCommune)[number]) => byCommune.reduce((s, c) => s + Number(c[k] ?? 0), 0);
  return {
    period,
    enterprisesInScope: sum('enterprisesInScope'),
    reached: sum('reached'),
    nonStateInScope: sum('nonStateInScope'),
    nonStateReached: sum('nonStateReached'),
    workersInReachedEnterprises: sum('workersInReachedEnterprises'),
    workersReached: Number(events.workers),
    events: Number(events.n),
    byCommune,
  };
}
