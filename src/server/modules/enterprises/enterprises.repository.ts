import { type Kysely, sql } from 'kysely';
import { SIZE_BAND_RANGES, type TEnterpriseQuery } from '../../../shared/enterprises/contract.js';
import type { Database } from '../../db/schema.js';
import { type Scope, unitInScope } from '../../platform/scope.js';
import { likeContains, likePrefix } from '../../platform/sql.js';

type Db = Kysely<Database>;
export type Thresholds = { surveyMin: number; foundingMin: number };
export type Period = { from: string; to: string };

function reachedExpr(period: Period) {
  return sql<number>`(case when exists (
    select 1 from outreach_enterprise oe join outreach_event ev on ev.id = oe.event_id
    where oe.enterprise_id = e.id and ev.event_date >= ${period.from} and ev.event_date <= ${period.to}
  ) then 1 else 0 end)`;
}

/** Enterprises of the scope with their derived flags; every list, export and queue starts here. */
export function baseQuery(db: Db, scope: Scope, t: Thresholds, period: Period) {
  return db
    .selectFrom('enterprise as e')
    .innerJoin('ownership_type as o', 'o.code', 'e.ownership_code')
    .innerJoin('org_unit as u', 'u.id', 'e.unit_id')
    .leftJoin('app_user as a', 'a.id', 'e.officer_user_id')
    .leftJoin('org_unit as g', 'g.id', 'e.grassroots_unit_id')
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
}
export type EnterpriseRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

export function applyFilters(
  q: ReturnType<typeof baseQuery>,
  f: TEnterpriseQuery & { folded: string },
  t: Thresholds,
  period: Period,
) {
  let out = q;
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

export function sorted(q: ReturnType<typeof baseQuery>, sort: keyof typeof SORT_COLUMNS, order: 'asc' | 'desc') {
  // Nulls (never surveyed, never contacted) first when ascending, in both databases.
  const col = SORT_COLUMNS[sort];
  return q
    .orderBy(sql`(case when ${sql.ref(col)} is null then 0 else 1 end)`, order)
    .orderBy(col, order)
    .orderBy('e.id', order);
}

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
    .select(['ev.id', 'ev.event_date', 'ev.title', 'f.name_vi as form_name', 'ev.workers_reached'])
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
}
