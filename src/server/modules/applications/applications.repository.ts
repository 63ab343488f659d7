import type { TApplicationQuery } from '../../../shared/applications/contract.js';
import type { Db } from '../../db/database.js';
import { type Scope, unitInScope } from '../../platform/scope.js';
import { likeContains, likePrefix } from '../../platform/sql.js';

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

export function activeLinkOf(db: Db, unitId: number) {
  return db
    .selectFrom('apply_link')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export function linkByToken(db: Db, token: string) {
  return db.selectFrom('apply_link').selectAll().where('token', '=', token).executeTakeFirst();
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

/**
 * Applications of the scope, each with its unit and, through the CCCD's lookup hash, an active
 * membership the person already holds anywhere (a possible transfer). Filtering by scope happens here,
 * so a forgotten check yields nothing.
 */
export function applicationBase(db: Db, scope: Scope) {
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

export function applyFilters(
  q: ReturnType<typeof applicationBase>,
  f: Pick<TApplicationQuery, 'status'> & { folded: string; phonePrefix: string | null },
) {
  let out = q.where('a.status', '=', f.status);
  if (f.phonePrefix) out = out.where('a.phone', 'like', likePrefix(f.phonePrefix));
  else if (f.folded) out = out.where('a.full_name_folded', 'like', likeContains(f.folded));
  return out;
}

export function findApplication(db: Db, scope: Scope, id: number) {
  return applicationBase(db, scope).select(['a.cccd_enc', 'a.cccd_hash']).where('a.id', '=', id).executeTakeFirst();
}
export type PendingRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;
