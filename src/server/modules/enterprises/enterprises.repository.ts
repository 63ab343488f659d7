/** Every query of enterprises, their surveys and ownership kinds. Reads of enterprises take the caller's Scope. */
import { sql } from 'kysely';
import type { Role } from '../../../shared/auth/roles.js';
import type { TEnterpriseCreate, TEnterpriseQuery, TSurveyInput } from '../../../shared/enterprises/contract.js';
import { SIZE_BAND_RANGES } from '../../../shared/enterprises/labels.js';
import { fold } from '../../../shared/text/index.js';
import type { Db } from '../../db/database.js';
import { isPostgres } from '../../db/dialect.js';
import { narrowScope, type Scope, unitIdInScope, unitInScope } from '../../platform/scope.js';
import { cappedCount, likeContains, likePrefix } from '../../platform/sql.js';
import { enterprisesChanged } from '../metrics/metrics.summary.js';

export type Thresholds = { surveyMin: number; foundingMin: number };
export type Period = { from: string; to: string };

/** 1 when an outreach event of the period reached enterprise `e` (the lists' and the coverage's "reached"). */
export function reachedExpr(period: Period) {
  return sql<number>`(case when exists (
    select 1 from outreach_enterprise oe join outreach_event ev on ev.id = oe.event_id
    where oe.enterprise_id = e.id and ev.event_date >= ${period.from} and ev.event_date <= ${period.to}
  ) then 1 else 0 end)`;
}

/**
 * How a list query finds its rows on SQLite: from the scope's units ('units', the default: a province or
 * narrower reads its own share), or in the order of the list's index checking each row's unit ('order':
 * the first page of a long list in name order, which stops once the page is full).
 */
export type Access = 'units' | 'order';

/** Enterprises of the scope with their derived flags; every list, export and queue starts here. */
export function baseQuery(db: Db, scope: Scope, t: Thresholds, period: Period, access: Access = 'units') {
  const q = db
    .selectFrom('enterprise as e')
    .innerJoin('ownership_type as o', 'o.code', 'e.ownership_code')
    .innerJoin('org_unit as u', 'u.id', 'e.unit_id')
    .leftJoin('app_user as a', 'a.id', 'e.officer_user_id')
    .leftJoin('org_unit as g', 'g.id', 'e.grassroots_unit_id')
    .leftJoin('admin_unit as cu', 'cu.id', 'e.commune_id')
    .leftJoin('admin_unit as cn', 'cn.id', 'e.commune_now_id')
    .where((eb) => unitInScope(eb, 'e.unit_id', scope))
    .select([
      'e.id',
      'e.unit_id',
      'u.name as unit_name',
      'e.mst',
      'e.name',
      'e.short_name',
      'e.address',
      'e.admin_area_code',
      'e.admin_area_name',
      'e.commune_how',
      'e.commune_note',
      'e.commune_detail',
      'cu.id as cu_id',
      'cu.code as cu_code',
      'cu.name as cu_name',
      'cu.district_name as cu_district',
      'cu.province_name as cu_province',
      'cu.valid_to as cu_valid_to',
      'cn.id as cn_id',
      'cn.code as cn_code',
      'cn.name as cn_name',
      'cn.district_name as cn_district',
      'cn.province_name as cn_province',
      'e.ownership_code',
      'e.industry',
      'e.officer_user_id',
      'a.full_name as officer_name',
      'e.grassroots_unit_id',
      'g.name as grassroots_unit_name',
      'e.worker_count',
      'e.female_count',
      'e.member_count',
      'e.last_survey_date',
      'e.last_contact_date',
      'e.duplicate_reason',
      'o.non_state',
      sql<number>`(case when e.worker_count >= ${t.surveyMin} then 1 else 0 end)`.as('in_scope'),
      sql<number>`(case when o.non_state = 1 and e.worker_count >= ${t.foundingMin} and e.grassroots_unit_id is null then 1 else 0 end)`.as(
        'eligible',
      ),
      reachedExpr(period).as('reached'),
    ]);
  // SQLite cannot start from the correlated EXISTS and would read every enterprise of the country (10 s at
  // 1 M for a commune's 300): for a province or narrower it starts from the scope's units and their
  // enterprise_unit index. The EXISTS stays, so the rows are the same; PostgreSQL joins it by itself.
  return access === 'units' && !isPostgres(db) && narrowScope(scope)
    ? q.where((eb) => unitIdInScope(eb, 'e.unit_id', scope))
    : q;
}
export type EnterpriseRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

export type EnterpriseQuery = ReturnType<typeof baseQuery>;

/** The enterprises of the scope that pass the list's filters (`folded` is the search text without accents). */
export function filtered(
  db: Db,
  scope: Scope,
  t: Thresholds,
  period: Period,
  f: TEnterpriseQuery & { folded: string },
  access: Access = 'units',
) {
  let out = baseQuery(db, scope, t, period, access);
  if (f.folded) {
    const digits = f.folded.replace(/[^0-9]/g, '');
    out = out.where((eb) =>
      eb.or([
        eb('e.name_folded', 'like', likeContains(f.folded)),
        ...(digits.length >= 3 ? [eb('e.mst', 'like', likePrefix(digits))] : []),
      ]),
    );
  }
  if (f.adminAreaCode) out = out.where('e.admin_area_code', '=', f.adminAreaCode);
  // As the coverage counts them on the period's end: the commune of the record's list while that list
  // holds, its successor after.
  const listEnded = sql<boolean>`(cu.valid_to is not null and cu.valid_to <= ${period.to})`;
  if (f.communeId !== undefined) {
    const id = f.communeId;
    out = out.where((eb) =>
      eb.or([
        eb.and([eb('e.commune_id', '=', id), eb.not(listEnded)]),
        eb.and([eb('e.commune_now_id', '=', id), listEnded]),
      ]),
    );
  }
  if (f.communeUnresolved !== undefined) {
    const unresolved = sql<boolean>`(e.commune_id is null or (${listEnded} and e.commune_now_id is null))`;
    out = out.where(f.communeUnresolved ? unresolved : sql<boolean>`not ${unresolved}`);
  }
  if (f.officerUserId !== undefined) out = out.where('e.officer_user_id', '=', f.officerUserId);
  if (f.ownershipCode) out = out.where('e.ownership_code', '=', f.ownershipCode);
  if (f.nonState !== undefined) out = out.where('o.non_state', '=', f.nonState ? 1 : 0);
  if (f.sizeBand) {
    const [lo, hi] = SIZE_BAND_RANGES[f.sizeBand];
    out = out.where('e.worker_count', '>=', lo);
    if (hi !== null) out = out.where('e.worker_count', '<', hi);
  }
  if (f.inSurveyScope !== undefined) {
    out = f.inSurveyScope
      ? out.where('e.worker_count', '>=', t.surveyMin)
      : out.where((eb) => eb.or([eb('e.worker_count', 'is', null), eb('e.worker_count', '<', t.surveyMin)]));
  }
  if (f.hasUnion !== undefined) {
    out = out.where('e.grassroots_unit_id', f.hasUnion ? 'is not' : 'is', null);
  }
  if (f.eligibleForFounding !== undefined) {
    const cond = sql<boolean>`(o.non_state = 1 and e.worker_count >= ${t.foundingMin} and e.grassroots_unit_id is null)`;
    out = out.where(f.eligibleForFounding ? cond : sql<boolean>`not ${cond}`);
  }
  if (f.reached !== undefined) out = out.where(reachedExpr(period), '=', f.reached ? 1 : 0);
  return out;
}

const SORT_COLUMNS = {
  name: 'e.name_folded',
  mst: 'e.mst',
  workerCount: 'e.worker_count',
  lastContactDate: 'e.last_contact_date',
} as const;

/** How many enterprises the list holds, counted up to the cap (platform/sql.ts). */
export function countOf(db: Db, q: EnterpriseQuery, cap?: number) {
  return cappedCount(db, q, cap);
}

/** One page of a filtered list in the chosen order. */
export function pageOf(
  q: EnterpriseQuery,
  p: { sort: keyof typeof SORT_COLUMNS; order: 'asc' | 'desc'; limit: number; offset: number },
) {
  // Nulls (never surveyed, never contacted) first when ascending, in both databases. The name is never
  // null: its order is enterprise_name's, so a national list reads its first page and stops.
  const col = SORT_COLUMNS[p.sort];
  const ordered =
    p.sort === 'name' ? q : q.orderBy(sql`(case when ${sql.ref(col)} is null then 0 else 1 end)`, p.order);
  return ordered.orderBy(col, p.order).orderBy('e.id', p.order).limit(p.limit).offset(p.offset).execute();
}

/** Where a chunk of the export ended: the last enterprise's name and id. */
export type NameKey = { nameFolded: string; id: number };

/**
 * One chunk of a filtered list in name order, after the previous chunk's last row (keyset: enterprise_name
 * is (name_folded, id), so a chunk walks it from the key and stops; no OFFSET grows with the chunks). The
 * bare `name_folded >=` is the range the index is walked from; the OR only drops the ties already written.
 */
export function byNameChunk(q: EnterpriseQuery, after: NameKey | null, size: number) {
  const from = after
    ? q
        .where('e.name_folded', '>=', after.nameFolded)
        .where((eb) => eb.or([eb('e.name_folded', '>', after.nameFolded), eb('e.id', '>', after.id)]))
    : q;
  return from.select('e.name_folded').orderBy('e.name_folded').orderBy('e.id').limit(size).execute();
}

export function findInScope(db: Db, scope: Scope, t: Thresholds, period: Period, id: number) {
  return baseQuery(db, scope, t, period).where('e.id', '=', id).executeTakeFirst();
}

/** When the enterprise was put on the list (the timeline's first entry); the caller found it in scope. */
export async function createdAt(db: Db, id: number): Promise<string> {
  const r = await db.selectFrom('enterprise').select('created_at').where('id', '=', id).executeTakeFirstOrThrow();
  return r.created_at;
}

/** Surveys and outreach of an enterprise the caller already found within their scope. */
export function surveysOf(db: Db, enterpriseId: number) {
  return db
    .selectFrom('enterprise_survey as s')
    .leftJoin('app_user as a', 'a.id', 's.surveyed_by')
    .selectAll('s')
    .select('a.full_name as surveyed_by_name')
    .where('s.enterprise_id', '=', enterpriseId)
    .orderBy('s.survey_date', 'desc')
    .orderBy('s.id', 'desc')
    .execute();
}

export function outreachOf(db: Db, enterpriseId: number) {
  return db
    .selectFrom('outreach_enterprise as oe')
    .innerJoin('outreach_event as ev', 'ev.id', 'oe.event_id')
    .innerJoin('outreach_form as f', 'f.code', 'ev.form_code')
    .select([
      'ev.id',
      'ev.event_date',
      'ev.title',
      'f.name_vi as form_name_vi',
      'f.name_en as form_name_en',
      'ev.workers_reached',
    ])
    .where('oe.enterprise_id', '=', enterpriseId)
    .orderBy('ev.event_date', 'desc')
    .execute();
}

/** Recomputes the denormalised latest-survey and last-contact columns from the records. */
export async function refreshDerived(db: Db, enterpriseId: number): Promise<void> {
  const latest = await db
    .selectFrom('enterprise_survey')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('survey_date', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const lastOutreach = await db
    .selectFrom('outreach_enterprise as oe')
    .innerJoin('outreach_event as ev', 'ev.id', 'oe.event_id')
    .select((eb) => eb.fn.max('ev.event_date').as('d'))
    .where('oe.enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
  const contacts = [latest?.survey_date, lastOutreach?.d as string | null | undefined].filter(
    (d): d is string => typeof d === 'string',
  );
  await db
    .updateTable('enterprise')
    .set({
      worker_count: latest?.worker_count ?? null,
      female_count: latest?.female_count ?? null,
      member_count: latest?.member_count ?? null,
      last_survey_date: latest?.survey_date ?? null,
      last_contact_date: contacts.sort().at(-1) ?? null,
    })
    .where('id', '=', enterpriseId)
    .execute();
  await enterprisesChanged(db, [enterpriseId]);
}

export type OwnershipType = {
  code: string;
  nameVi: string;
  nameEn: string;
  nonState: boolean;
  validFrom: string;
  validTo: string | null;
};

/**
 * The ownership kinds (the one reader of `ownership_type`), in display order; `current` keeps those
 * still in use (no end date), which pickers and imports offer. A record keeps an ended kind it was given.
 */
export async function ownershipTypes(db: Db, opts: { current?: boolean } = {}): Promise<OwnershipType[]> {
  let q = db.selectFrom('ownership_type').selectAll().orderBy('sort_order');
  if (opts.current) q = q.where('valid_to', 'is', null);
  const rows = await q.execute();
  return rows.map((o) => ({
    code: o.code,
    nameVi: o.name_vi,
    nameEn: o.name_en,
    nonState: o.non_state === 1,
    validFrom: o.valid_from,
    validTo: o.valid_to,
  }));
}

/** A unit by id with whether its type is a grassroots union; the caller checks it is in scope. */
export function unitWithGrassroots(db: Db, unitId: number) {
  return db
    .selectFrom('org_unit as u')
    .innerJoin('unit_type as t', 't.code', 'u.type_code')
    .select(['u.id', 't.grassroots'])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
}

/** Users holding a role at a unit of the scope (only these roles, when given). */
function usersWithRoleIn(db: Db, scope: Scope, roles?: Role[]) {
  return db.selectFrom('app_user as a').where((eb) => {
    let held = eb
      .selectFrom('user_role as r')
      .select('r.id')
      .whereRef('r.user_id', '=', 'a.id')
      .where((e) => unitInScope(e, 'r.unit_id', scope));
    if (roles) held = held.where('r.role', 'in', roles);
    return eb.exists(held);
  });
}

export async function isUserInScope(db: Db, scope: Scope, userId: number): Promise<boolean> {
  const u = await usersWithRoleIn(db, scope).select('a.id').where('a.id', '=', userId).executeTakeFirst();
  return u !== undefined;
}

/** Active officers and unit administrators of the scope, who may follow an enterprise. */
export function officersInScope(db: Db, scope: Scope) {
  return usersWithRoleIn(db, scope, ['officer', 'federation_admin'])
    .select(['a.id', 'a.full_name', 'a.username'])
    .where('a.active', '=', 1)
    .limit(500)
    .execute();
}

/** Any enterprise with this MST, in any subtree: the duplicate check spans the whole list. */
export function findByMst(db: Db, mst: string) {
  return db.selectFrom('enterprise').select(['id', 'name', 'unit_id']).where('mst', '=', mst).executeTakeFirst();
}

export async function insertEnterprise(
  db: Db,
  createdBy: number,
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
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.survey) await insertSurvey(db, createdBy, e.id, input.survey, batchId);
  await enterprisesChanged(db, [e.id]);
  return e.id;
}

/** Records a survey and brings the enterprise's latest figures up to date. */
export async function insertSurvey(
  db: Db,
  surveyedBy: number,
  enterpriseId: number,
  s: TSurveyInput,
  batchId: number | null,
): Promise<void> {
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
      surveyed_by: surveyedBy,
      import_batch_id: batchId,
      created_at: new Date().toISOString(),
    })
    .execute();
  await refreshDerived(db, enterpriseId);
}

export type EnterpriseChanges = Partial<Omit<TEnterpriseCreate, 'unitId' | 'survey' | 'duplicateReason'>>;

/** Applies the fields given (undefined = unchanged); the name's folded form follows the name. */
export async function updateEnterprise(db: Db, id: number, input: EnterpriseChanges): Promise<void> {
  await db
    .updateTable('enterprise')
    .set({
      ...(input.mst !== undefined ? { mst: input.mst } : {}),
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
  await enterprisesChanged(db, [id]);
}
