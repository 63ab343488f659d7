import { PassThrough } from 'node:stream';
import type { z } from 'zod';
import type {
  TEnterpriseCreate,
  TEnterpriseDetail,
  TEnterpriseQuery,
  TSurveyInput,
  ZEnterpriseEdit,
} from '../../../shared/enterprises/contract.js';
import { enterprisesMessages as M } from '../../../shared/enterprises/messages.js';
import { validateMst } from '../../../shared/ids/index.js';
import { fold } from '../../../shared/text/index.js';
import type { Db } from '../../db/database.js';
import { audit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import { today, todayIn } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import { XLSX_MIME } from '../../platform/files.js';
import type { FileAnswer } from '../../platform/routes.js';
import { ruleAt } from '../../platform/rules.js';
import {
  type Actor,
  isUnitInScope,
  requireScope,
  requireUnitInScope,
  type Scope,
  scopeWithin,
} from '../../platform/scope.js';
import { countAll } from '../../platform/sql.js';
import { endedUnitIssue } from '../../platform/unit-life.js';
import { type Issue, invalid, issue } from '../../platform/validation.js';
import { resolveEnterprises } from '../admin-units/admin-units.service.js';
import { exportFileName, writeEnterprisesXlsx } from './enterprises.export.js';
import { presentConfig, presentDetail, presentEnterprise, presentOfficers } from './enterprises.presenter.js';
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

async function filtered(ctx: AppContext, actor: Actor, q: TEnterpriseQuery, access: repo.Access = 'units') {
  const scope = await scopeWithin(ctx.db, actor, 'record.read', q.unitId);
  const period = defaultPeriod(ctx, q);
  const t = await thresholds(ctx.db, period.to);
  return { query: repo.filtered(ctx.db, scope, t, period, { ...q, folded: fold(q.q ?? '') }, access), period };
}

export async function list(ctx: AppContext, actor: Actor, q: TEnterpriseQuery) {
  const { query, period } = await filtered(ctx, actor, q);
  const { total, capped } = await repo.countOf(ctx.db, query);
  // Past the cap, a list in name order is read in enterprise_name's order until the page is full (the same
  // rows: only the access path differs); a short one is read from its units and sorted.
  const page = capped && q.sort === 'name' ? (await filtered(ctx, actor, q, 'order')).query : query;
  const rows = await repo.pageOf(page, q);
  return { total, totalCapped: capped, period, items: rows.map((r) => presentEnterprise(r, true)) };
}

/** Non-state enterprises at or above the founding threshold without a union, least recently contacted first. */
export async function queue(ctx: AppContext, actor: Actor, q: TEnterpriseQuery) {
  return list(ctx, actor, { ...q, eligibleForFounding: true, sort: 'lastContactDate', order: 'asc' });
}

/** Enterprises read per query by an export: memory stays flat at a national list. */
const EXPORT_CHUNK = 5000;

/** The filtered list in name order, read a chunk at a time: a national export never holds it all. */
async function* byName(query: repo.EnterpriseQuery, size: number) {
  let after: repo.NameKey | null = null;
  for (;;) {
    const chunk = await repo.byNameChunk(query, after, size);
    yield* chunk;
    const last = chunk.at(-1);
    if (!last || chunk.length < size) return;
    after = { nameFolded: last.name_folded, id: last.id };
  }
}

/** Exactly the filtered list (no paging) as an .xlsx; every export is audited with its filter and row count. */
export async function exportList(
  ctx: AppContext,
  actor: Actor,
  q: TEnterpriseQuery,
  opts: { chunk?: number } = {},
): Promise<FileAnswer> {
  const { query, period } = await filtered(ctx, actor, q);
  const rows = await countAll(query);
  await audit(ctx.db, actor, {
    action: 'enterprise.export',
    entity: 'enterprise',
    unitId: q.unitId ?? null,
    after: { filter: q, rows },
  });
  // Ownership by its name ("Doanh nghiệp tư nhân"), not its code: the file is read by people.
  const ownership = new Map((await repo.ownershipTypes(ctx.db)).map((o) => [o.code, o.nameVi]));
  const out = new PassThrough();
  void writeEnterprisesXlsx(out, byName(query, opts.chunk ?? EXPORT_CHUNK), period, ownership).catch((err) =>
    out.destroy(err),
  );
  return { contentType: XLSX_MIME, fileName: exportFileName(period), body: out };
}

async function findInScope(ctx: AppContext, scope: Scope, id: number) {
  const period = defaultPeriod(ctx, {});
  const t = await thresholds(ctx.db, period.to);
  const row = await repo.findInScope(ctx.db, scope, t, period, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function detail(ctx: AppContext, actor: Actor, id: number): Promise<TEnterpriseDetail> {
  const scope = await requireScope(ctx.db, actor, 'record.read');
  const row = await findInScope(ctx, scope, id);
  const surveys = await repo.surveysOf(ctx.db, id);
  const outreach = await repo.outreachOf(ctx.db, id);
  const createdOn = todayIn(ctx.config.timeZone, new Date(await repo.createdAt(ctx.db, id)));
  return presentDetail(row, surveys, outreach, createdOn, actor.locale);
}

/** Validates the MST (check digit); returns the normalised value or a field error naming the fault. */
export function checkMst(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const r = validateMst(raw);
  if (r.ok) return r.value;
  invalid([r.reason === 'checksum' ? issue('mst', M.mstChecksum, { mst: raw.trim() }) : issue('mst', M.mstFormat)]);
}

/** The codes and people an enterprise refers to exist, and those of the tree are the caller's. */
async function assertReferences(
  db: Db,
  scope: Scope,
  input: { ownershipCode?: string; grassrootsUnitId?: number | null; officerUserId?: number | null },
) {
  const issues: Issue[] = [];
  if (input.ownershipCode !== undefined) {
    const code = input.ownershipCode;
    if (!(await repo.ownershipTypes(db)).some((o) => o.code === code))
      issues.push(issue('ownershipCode', M.ownershipUnknown, { code }));
  }
  if (input.grassrootsUnitId != null) {
    const g = await repo.unitWithGrassroots(db, input.grassrootsUnitId);
    if (!g || !(await isUnitInScope(db, g.id, scope))) throw new AppError('NOT_FOUND');
    if (g.grassroots !== 1) issues.push(issue('grassrootsUnitId', M.notGrassroots));
  }
  if (input.officerUserId != null && !(await repo.isUserInScope(db, scope, input.officerUserId))) {
    throw new AppError('NOT_FOUND');
  }
  if (issues.length) invalid(issues);
}

export async function create(ctx: AppContext, actor: Actor, input: TEnterpriseCreate) {
  const scope = await requireScope(ctx.db, actor, 'record.write');
  await requireUnitInScope(ctx.db, input.unitId, scope);
  // An enterprise is filed on the date of its figures (a 2024 survey entered as it was, under the 2024 unit),
  // else today: after a unit's end, new records belong to its successor.
  const ended = await endedUnitIssue(ctx.db, input.unitId, input.survey?.surveyDate ?? today(ctx), 'unitId');
  if (ended) invalid([ended]);
  const mst = checkMst(input.mst);
  await assertReferences(ctx.db, scope, input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (mst) {
      const dup = await repo.findByMst(trx, mst);
      if (dup && !input.duplicateReason) {
        // Outside the caller's scope the other record's name is not theirs to see.
        const visible = await isUnitInScope(trx, dup.unit_id, scope);
        throw new AppError('ENTERPRISE_DUPLICATE_MST', { mst, name: visible ? dup.name : M.otherUnitsEnterprise });
      }
    }
    const newId = await repo.insertEnterprise(trx, actor.userId, { ...input, mst }, null);
    await resolveEnterprises(trx, [newId]);
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
    await repo.updateEnterprise(trx, id, { ...input, mst });
    await resolveEnterprises(trx, [id]);
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
    await repo.insertSurvey(trx, actor.userId, id, input, null);
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

/** Ownership kinds and today's thresholds: reference data every signed-in user may read. */
export async function config(ctx: AppContext) {
  return presentConfig(await repo.ownershipTypes(ctx.db), await thresholds(ctx.db, today(ctx)));
}

/** Officers to assign: active users with a role at a unit in the (optionally narrowed) scope, by given name. */
export async function officers(ctx: AppContext, actor: Actor, unitId?: number) {
  const scope = await scopeWithin(ctx.db, actor, 'record.read', unitId);
  return presentOfficers(await repo.officersInScope(ctx.db, scope));
}
