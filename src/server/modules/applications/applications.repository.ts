import type { Insertable } from 'kysely';
import type { ApplicationStatus } from '../../../shared/applications/contract.js';
import type { Db } from '../../db/database.js';
import type { ApplicationTable } from '../../db/schema.js';
import { type Scope, unitInScope } from '../../platform/scope.js';
import { likeContains, likePrefix } from '../../platform/sql.js';
import { metricsChanged } from '../metrics/metrics.summary.js';

// ---------------------------------------------------------------- units, links, consent text

/** A unit as it stands on a date, with the unit above it (for the form's heading and the poster). */
export async function unitAt(db: Db, unitId: number, date: string) {
  return db
    .selectFrom('org_unit as u')
    .innerJoin('unit_type as t', 't.code', 'u.type_code')
    .leftJoin('org_unit_version as v', (j) =>
      j
        .onRef('v.unit_id', '=', 'u.id')
        .on('v.valid_from', '<=', date)
        .on((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', date)])),
    )
    .leftJoin('org_unit as p', 'p.id', 'v.parent_id')
    .select(['u.id', 'u.name', 'u.valid_from', 'u.valid_to', 't.grassroots', 'p.name as parent_name'])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
}

/** The unit's link in use. The caller has checked the unit is in its scope (or holds its token). */
export function activeLinkOf(db: Db, unitId: number) {
  return db
    .selectFrom('apply_link')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** The public side knows a link only by its token, revoked or not (a revoked one says so). */
export function linkByToken(db: Db, token: string) {
  return db.selectFrom('apply_link').selectAll().where('token', '=', token).executeTakeFirst();
}

export function insertLink(trx: Db, unitId: number, token: string, userId: number, now: string) {
  return trx
    .insertInto('apply_link')
    .values({ unit_id: unitId, token, created_at: now, created_by: userId, revoked_at: null, revoked_by: null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Revokes the unit's link in use; answers the ids revoked (none when there was no link). */
export function revokeLinks(trx: Db, unitId: number, userId: number, now: string) {
  return trx
    .updateTable('apply_link')
    .set({ revoked_at: now, revoked_by: userId })
    .where('unit_id', '=', unitId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
}

export function consentAt(db: Db, date: string) {
  return db
    .selectFrom('consent_text')
    .selectAll()
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
}

// ---------------------------------------------------------------- submission limits

/** Submissions since a moment, by one address or through one link; `okOnly` leaves out forms sent back. */
export async function attemptsSince(
  db: Db,
  by: { ipHash: string } | { linkId: number },
  since: string,
  okOnly: boolean,
): Promise<number> {
  let q = db
    .selectFrom('apply_attempt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('at', '>=', since);
  q = 'ipHash' in by ? q.where('ip_hash', '=', by.ipHash) : q.where('link_id', '=', by.linkId);
  if (okOnly) q = q.where('ok', '=', 1);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Counts one submission; those older than `forgetBefore` serve no window and go. */
export async function recordAttempt(
  db: Db,
  attempt: { ipHash: string; linkId: number; ok: boolean; at: string },
  forgetBefore: string,
) {
  await db
    .insertInto('apply_attempt')
    .values({ ip_hash: attempt.ipHash, link_id: attempt.linkId, at: attempt.at, ok: attempt.ok ? 1 : 0 })
    .execute();
  await db.deleteFrom('apply_attempt').where('link_id', '=', attempt.linkId).where('at', '<', forgetBefore).execute();
}

// ---------------------------------------------------------------- applications

/** The person's application still waiting at the unit, if any (one at a time per unit). */
export function pendingAt(db: Db, unitId: number, cccdHash: string) {
  return db
    .selectFrom('application')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('cccd_hash', '=', cccdHash)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export async function insertApplication(trx: Db, values: Insertable<ApplicationTable>) {
  const row = await trx.insertInto('application').values(values).returning('id').executeTakeFirstOrThrow();
  await metricsChanged(trx, 'application', [row.id]);
  return row;
}

/** The person's active memberships anywhere, found through the CCCD's lookup hash. */
export function activeMembershipsOf(db: Db, cccdHash: string) {
  return db
    .selectFrom('person as p')
    .innerJoin('membership as m', 'm.person_id', 'p.id')
    .select(['p.id as person_id', 'm.id', 'm.unit_id'])
    .where('p.cccd_hash', '=', cccdHash)
    .where('m.status', '=', 'active')
    .execute();
}

/**
 * Applications of the scope, each with its unit and, through the CCCD's lookup hash, an active
 * membership the person already holds anywhere (a possible transfer). Filtering by scope happens here,
 * so a forgotten check yields nothing.
 */
function applicationBase(db: Db, scope: Scope) {
  return db
    .selectFrom('application as a')
    .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
    .innerJoin('unit_type as t', 't.code', 'u.type_code')
    .leftJoin('code_list as c', (j) =>
      j.onRef('c.code', '=', 'a.informal_trade_code').on('c.list', '=', 'informal_trade'),
    )
    .leftJoin('person as p', 'p.cccd_hash', 'a.cccd_hash')
    .leftJoin('membership as m', (j) => j.onRef('m.person_id', '=', 'p.id').on('m.status', '=', 'active'))
    .leftJoin('org_unit as mu', 'mu.id', 'm.unit_id')
    .where((eb) => unitInScope(eb, 'a.unit_id', scope))
    .select([
      'a.id',
      'a.unit_id',
      'u.name as unit_name',
      't.grassroots',
      'a.status',
      'a.full_name',
      'a.birth_date',
      'a.gender',
      'a.cccd_masked',
      'a.cccd_warnings',
      'a.phone',
      'a.workplace',
      'a.informal_trade_code',
      'c.name_vi as informal_trade_name',
      'a.consent_version',
      'a.consent_at',
      'a.submitted_at',
      'a.submitted_on',
      'a.decided_at',
      'a.reject_reason',
      'a.membership_id',
      'm.id as active_membership_id',
      'm.unit_id as active_unit_id',
      'mu.name as active_unit_name',
    ]);
}
export type ApplicationRow = Awaited<ReturnType<ReturnType<typeof applicationBase>['execute']>>[number];

export type ApplicationFilters = {
  status: ApplicationStatus;
  /** A folded name fragment, used when no phone prefix is given. */
  folded: string;
  phonePrefix: string | null;
};

/** One page of the scope's applications and how many match; the oldest waiting come first. */
export async function listPage(
  db: Db,
  scope: Scope,
  f: ApplicationFilters,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: ApplicationRow[] }> {
  let q = applicationBase(db, scope).where('a.status', '=', f.status);
  if (f.phonePrefix) q = q.where('a.phone', 'like', likePrefix(f.phonePrefix));
  else if (f.folded) q = q.where('a.full_name_folded', 'like', likeContains(f.folded));
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('a.submitted_at', f.status === 'pending' ? 'asc' : 'desc')
    .orderBy('a.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: Number(total.n), rows };
}

export function findApplication(db: Db, scope: Scope, id: number) {
  return applicationBase(db, scope).select(['a.cccd_enc', 'a.cccd_hash']).where('a.id', '=', id).executeTakeFirst();
}
export type PendingRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

/**
 * Marks the application decided only if it still is pending: answers false when another officer's
 * decision came first, so the second click changes nothing.
 */
export async function markDecided(
  trx: Db,
  id: number,
  set: {
    status: Exclude<ApplicationStatus, 'pending'>;
    decided_by: number;
    decided_at: string;
    membership_id?: number | null;
    reject_reason?: string;
  },
): Promise<boolean> {
  const r = await trx
    .updateTable('application')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  await metricsChanged(trx, 'application', [id]);
  return Number(r.numUpdatedRows) === 1;
}

/**
 * An application approved with others keeps its own submission day as the membership's application
 * date (the decision was made with the latest one).
 */
export async function setMembershipApplicationDate(trx: Db, membershipId: number, date: string) {
  await trx.updateTable('membership').set({ application_date: date }).where('id', '=', membershipId).execute();
}

/** Deletes an application not admitted; answers false when it was admitted meanwhile. */
export async function deleteUnadmitted(trx: Db, id: number): Promise<boolean> {
  const r = await trx
    .deleteFrom('application')
    .where('id', '=', id)
    .where('status', '!=', 'approved')
    .executeTakeFirst();
  await metricsChanged(trx, 'application', [id]);
  return Number(r.numDeletedRows) === 1;
}
