import type { z } from 'zod';
import type {
  TEnterpriseCreate,
  TEnterpriseQuery,
  TSurveyInput,
  ZEnterpriseDetail,
  ZEnterpriseEdit,
} from '../../../shared/enterprises/contract.js';
import { validateMst } from '../../../shared/ids/index.js';
import { fold, sortByPersonName } from '../../../shared/text/index.js';
import type { Db } from '../../db/database.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { today, todayIn } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import { ruleAt } from '../../platform/rules.js';
import {
  type Actor,
  isUnitInScope,
  requireScope,
  requireUnitInScope,
  type Scope,
  scopeWithin,
  unitInScope,
} from '../../platform/scope.js';
import { presentEnterprise } from './enterprises.presenter.js';
import * as repo from './enterprises.repository.js';

export async function thresholds(db: Db, date: string): Promise<repo.Thresholds> {
  return {
    surveyMin: await ruleAt(db, 'survey.min_workers', date),
    foundingMin: await ruleAt(db, 'founding.min_workers', date),
  };
}

export function defaultPeriod(ctx: AppContext, q: { from?: string; to?: string }): repo.Period {
  const t = today(ctx);
  return { from: q.from ?? `${t.slice(0, 4)}-01-01`, to: q.to ?? t };
}

export async function filtered(ctx: AppContext, actor: Actor, q: TEnterpriseQuery) {
  const scope = await scopeWithin(ctx.db, actor, 'record.read', q.unitId);
  const period = defaultPeriod(ctx, q);
  const t = await thresholds(ctx.db, period.to);
  const query = repo.applyFilters(
    repo.baseQuery(ctx.db, scope, t, period),
    { ...q, folded: fold(q.q ?? '') },
    t,
    period,
  );
  return { query, period };
}

export async function list(ctx: AppContext, actor: Actor, q: TEnterpriseQuery) {
  const { query, period } = await filtered(ctx, actor, q);
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await repo.sorted(query, q.sort, q.order).limit(q.limit).offset(q.offset).execute();
  return { total: Number(total.n), period, items: rows.map((r) => presentEnterprise(r, true)) };
}

/** Non-state enterprises at or above the founding threshold without a union, least recently contacted first. */
export async function queue(ctx: AppContext, actor: Actor, q: TEnterpriseQuery) {
  return list(ctx, actor, { ...q, eligibleForFounding: true, sort: 'lastContactDate', order: 'asc' });
}

async function findInScope(ctx: AppContext, scope: Scope, id: number) {
  const period = defaultPeriod(ctx, {});
  const t = await thresholds(ctx.db, period.to);
  const row = await repo.baseQuery(ctx.db, scope, t, period).where('e.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function detail(ctx: AppContext, actor: Actor, id: number): Promise<z.infer<typeof ZEnterpriseDetail>> {
  const scope = await requireScope(ctx.db, actor, 'record.read');
  const row = await findInScope(ctx, scope, id);
  const surveys = await repo.surveysOf(ctx.db, id);
  const outreach = await repo.outreachOf(ctx.db, id);
  const created = await ctx.db
    .selectFrom('enterprise')
    .select('created_at')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const timeline = [
    ...surveys.map((s) => ({
      date: s.survey_date,
      kind: 'survey' as const,
      refId: s.id,
      summary: `${s.worker_count} lao động${s.member_count != null ? `, ${s.member_count} đoàn viên` : ''}`,
    })),
    ...outreach.map((o) => ({
      date: o.event_date,
      kind: 'outreach' as const,
      refId: o.id,
      summary: `${o.form_name}${o.title ? `: ${o.title}` : ''} (${o.workers_reached} người)`,
    })),
    {
      date: todayIn(ctx.config.timeZone, new Date(created.created_at)),
      kind: 'created' as const,
      refId: id,
      summary: 'Đưa vào danh sách',
    },
  ].sort((a, b) => b.date.localeCompare(a.date));
  return {
    ...presentEnterprise(row, true),
    surveys: surveys.map((s) => ({
      id: s.id,
      surveyDate: s.survey_date,
      workerCount: s.worker_count,
      femaleCount: s.female_count,
      memberCount: s.member_count,
      employerAttitude: s.employer_attitude as never,
      contactName: s.contact_name,
      contactPhone: s.contact_phone,
      notes: s.notes,
      surveyedBy: s.surveyed_by_name,
    })),
    timeline,
  };
}

/** Validates the MST (check digit); returns the normalised value or a field error naming the fault. */
export function checkMst(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const r = validateMst(raw);
  if (r.ok) return r.value;
  const message =
    r.reason === 'checksum'
      ? `Mã số thuế ${raw.trim()} sai chữ số kiểm tra`
      : 'Mã số thuế phải có 10 chữ số, hoặc 13 chữ số dạng XXXXXXXXXX-YYY cho chi nhánh';
  throw new AppError('VALIDATION', {}, [{ path: 'mst', message }]);
}

export async function assertReferences(
  db: Db,
  scope: Scope,
  input: { ownershipCode?: string; grassrootsUnitId?: number | null; officerUserId?: number | null },
) {
  const issues: { path: string; message: string }[] = [];
  if (input.ownershipCode !== undefined) {
    const o = await db
      .selectFrom('ownership_type')
      .select('code')
      .where('code', '=', input.ownershipCode)
      .executeTakeFirst();
    if (!o)
      issues.push({ path: 'ownershipCode', message: `Loại hình "${input.ownershipCode}" không có trong danh mục` });
  }
  if (input.grassrootsUnitId != null) {
    const g = await db
      .selectFrom('org_unit as u')
      .innerJoin('unit_type as t', 't.code', 'u.type_code')
      .select(['u.id', 't.grassroots'])
      .where('u.id', '=', input.grassrootsUnitId)
      .executeTakeFirst();
    if (!g || !(await isUnitInScope(db, g.id, scope))) throw new AppError('NOT_FOUND');
    if (g.grassroots !== 1)
      issues.push({ path: 'grassrootsUnitId', message: 'Đơn vị được chọn không phải công đoàn cơ sở' });
  }
  if (input.officerUserId != null) {
    const officerId = input.officerUserId;
    const u = await db
      .selectFrom('app_user as a')
      .select('a.id')
      .where('a.id', '=', officerId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('user_role as r')
            .select('r.id')
            .whereRef('r.user_id', '=', 'a.id')
            .where((e) => unitInScope(e, 'r.unit_id', scope)),
        ),
      )
      .executeTakeFirst();
    if (!u) throw new AppError('NOT_FOUND');
  }
  if (issues.length) throw new AppError('VALIDATION', {}, issues);
}

export async function insertEnterprise(
  db: Db,
  actor: Actor,
  input: TEnterpriseCreate & { mst: string | null },
  batchId: number | null,
): Promise<number> {
  const now = new Date().toISOString();
  const e = await db
    .insertInto('enterprise')
    .values({
      unit_id: input.unitId,
      mst: input.mst,
      name: input.name,
      name_folded: fold(input.name),
      short_name: input.shortName ?? null,
      address: input.address ?? null,
      admin_area_code: input.adminAreaCode ?? null,
      admin_area_name: input.adminAreaName ?? null,
      ownership_code: input.ownershipCode,
      industry: input.industry ?? null,
      officer_user_id: input.officerUserId ?? null,
      grassroots_unit_id: input.grassrootsUnitId ?? null,
      worker_count: null,
      female_count: null,
      member_count: null,
      last_survey_date: null,
      last_contact_date: null,
      duplicate_reason: input.duplicateReason ?? null,
      import_batch_id: batchId,
      created_at: now,
      updated_at: now,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.survey) await insertSurvey(db, actor, e.id, input.survey, batchId);
  return e.id;
}

export async function insertSurvey(
  db: Db,
  actor: Actor,
  enterpriseId: number,
  s: TSurveyInput,
  batchId: number | null,
) {
  await db
    .insertInto('enterprise_survey')
    .values({
      enterprise_id: enterpriseId,
      survey_date: s.surveyDate,
      worker_count: s.workerCount,
      female_count: s.femaleCount ?? null,
      member_count: s.memberCount ?? null,
      employer_attitude: s.employerAttitude ?? null,
      contact_name: s.contactName ?? null,
      contact_phone: s.contactPhone ?? null,
      notes: s.notes ?? null,
      surveyed_by: actor.userId,
      import_batch_id: batchId,
      created_at: new Date().toISOString(),
    })
    .execute();
  await repo.refreshDerived(db, enterpriseId);
}

export async function findByMst(db: Db, mst: string) {
  return db.selectFrom('enterprise').select(['id', 'name', 'unit_id']).where('mst', '=', mst).executeTakeFirst();
}

export async function create(ctx: AppContext, actor: Actor, input: TEnterpriseCreate) {
  const scope = await requireScope(ctx.db, actor, 'record.write');
  await requireUnitInScope(ctx.db, input.unitId, scope);
  const mst = checkMst(input.mst);
  await assertReferences(ctx.db, scope, input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (mst) {
      const dup = await findByMst(trx, mst);
      if (dup && !input.duplicateReason) {
        // Outside the caller's scope the other record's name is not theirs to see.
        const visible = await isUnitInScope(trx, dup.unit_id, scope);
        throw new AppError('ENTERPRISE_DUPLICATE_MST', { mst, name: visible ? dup.name : 'do đơn vị khác quản lý' });
      }
    }
    const newId = await insertEnterprise(trx, actor, { ...input, mst }, null);
    await audit(trx, actor, {
      action: 'enterprise.create',
      entity: 'enterprise',
      entityId: newId,
      unitId: input.unitId,
      after: input,
    });
    return newId;
  });
  return detail(ctx, actor, id);
}

export async function edit(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof ZEnterpriseEdit>) {
  const scope = await requireScope(ctx.db, actor, 'record.write');
  const before = await findInScope(ctx, scope, id);
  const mst = input.mst !== undefined ? checkMst(input.mst) : undefined;
  await assertReferences(ctx.db, scope, input);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('enterprise')
      .set({
        ...(mst !== undefined ? { mst } : {}),
        ...(input.name ? { name: input.name, name_folded: fold(input.name) } : {}),
        ...(input.shortName !== undefined ? { short_name: input.shortName } : {}),
        ...(input.address !== undefined ? { address: input.address } : {}),
        ...(input.adminAreaCode !== undefined ? { admin_area_code: input.adminAreaCode } : {}),
        ...(input.adminAreaName !== undefined ? { admin_area_name: input.adminAreaName } : {}),
        ...(input.ownershipCode ? { ownership_code: input.ownershipCode } : {}),
        ...(input.industry !== undefined ? { industry: input.industry } : {}),
        ...(input.officerUserId !== undefined ? { officer_user_id: input.officerUserId ?? null } : {}),
        ...(input.grassrootsUnitId !== undefined ? { grassroots_unit_id: input.grassrootsUnitId ?? null } : {}),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await audit(trx, actor, {
      action: 'enterprise.edit',
      entity: 'enterprise',
      entityId: id,
      unitId: before.unit_id,
      before,
      after: input,
    });
  });
  return detail(ctx, actor, id);
}

export async function addSurvey(ctx: AppContext, actor: Actor, id: number, input: TSurveyInput) {
  const scope = await requireScope(ctx.db, actor, 'record.write');
  const e = await findInScope(ctx, scope, id);
  await ctx.db.transaction().execute(async (trx) => {
    await insertSurvey(trx, actor, id, input, null);
    await audit(trx, actor, {
      action: 'enterprise.survey',
      entity: 'enterprise',
      entityId: id,
      unitId: e.unit_id,
      after: input,
    });
  });
  return detail(ctx, actor, id);
}

export async function config(ctx: AppContext) {
  const types = await ctx.db.selectFrom('ownership_type').selectAll().orderBy('sort_order').execute();
  const t = await thresholds(ctx.db, today(ctx));
  return {
    ownershipTypes: types.map((o) => ({
      code: o.code,
      nameVi: o.name_vi,
      nameEn: o.name_en,
      nonState: o.non_state === 1,
      validFrom: o.valid_from,
      validTo: o.valid_to,
    })),
    thresholds: { surveyMinWorkers: t.surveyMin, foundingMinWorkers: t.foundingMin },
  };
}

/** Officers to assign: active users with a role at a unit in the (optionally narrowed) scope, by given name. */
export async function officers(ctx: AppContext, actor: Actor, unitId?: number) {
  const scope = await scopeWithin(ctx.db, actor, 'record.read', unitId);
  const rows = await ctx.db
    .selectFrom('app_user as a')
    .select(['a.id', 'a.full_name', 'a.username'])
    .where('a.active', '=', 1)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_role as r')
          .select('r.id')
          .whereRef('r.user_id', '=', 'a.id')
          .where('r.role', 'in', ['officer', 'federation_admin'])
          .where((e) => unitInScope(e, 'r.unit_id', scope)),
      ),
    )
    .limit(500)
    .execute();
  return sortByPersonName(rows, (r) => r.full_name).map((r) => ({
    id: r.id,
    fullName: r.full_name,
    username: r.username,
  }));
}
