import type { Kysely } from 'kysely';
import type { PartyStatus } from '../../../shared/members/enums.js';
import type { Database } from '../../db/schema.js';
import { type Scope, unitInScope } from '../../platform/scope.js';
import { metricsChanged } from '../metrics/metrics.summary.js';
import { countOf } from './members.repository.js';

type Db = Kysely<Database>;

/**
 * Party introductions. What leaves the server is read through the sensitive gate (members.sensitive.ts),
 * which hands the caller's sensitive.read scope in; members.party.ts writes them.
 */
/** Party introductions of the scope (by the introducing unit). */
export function partyBase(db: Db, scope: Scope) {
  return db
    .selectFrom('party_introduction as pi')
    .innerJoin('person as p', 'p.id', 'pi.person_id')
    .innerJoin('org_unit as u', 'u.id', 'pi.unit_id')
    .where((eb) => unitInScope(eb, 'pi.unit_id', scope))
    .select([
      'pi.id',
      'pi.membership_id',
      'pi.person_id',
      'p.full_name',
      'pi.unit_id',
      'u.name as unit_name',
      'pi.introduced_on',
      'pi.party_organisation',
      'pi.status',
      'pi.status_date',
      'pi.note',
    ]);
}
export type PartyRow = Awaited<ReturnType<ReturnType<typeof partyBase>['execute']>>[number];

export function partyById(db: Db, scope: Scope, id: number) {
  return partyBase(db, scope).where('pi.id', '=', id).executeTakeFirst();
}

/** A person's introductions made by units of the scope, oldest first. */
export function partiesOf(db: Db, scope: Scope, personId: number) {
  return partyBase(db, scope)
    .where('pi.person_id', '=', personId)
    .orderBy('pi.introduced_on')
    .orderBy('pi.id')
    .execute();
}

/** One page of the scope's introductions in a period, newest first, with the total. */
export async function partyPage(
  db: Db,
  scope: Scope,
  q: { from?: string; to?: string; limit: number; offset: number },
) {
  let query = partyBase(db, scope);
  if (q.from) query = query.where('pi.introduced_on', '>=', q.from);
  if (q.to) query = query.where('pi.introduced_on', '<=', q.to);
  const total = await countOf(query);
  const rows = await query
    .orderBy('pi.introduced_on', 'desc')
    .orderBy('pi.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { total, rows };
}

/** The person's introduction still open or already successful, if any (a second one would count them twice). */
export function openOrAdmittedParty(db: Db, personId: number) {
  return db
    .selectFrom('party_introduction')
    .select(['id', 'introduced_on', 'status', 'status_date'])
    .where('person_id', '=', personId)
    .where('status', 'in', ['introduced', 'in_training', 'admitted'])
    .orderBy('introduced_on', 'desc')
    .executeTakeFirst();
}

export async function insertParty(
  db: Db,
  p: {
    personId: number;
    membershipId: number;
    unitId: number;
    introducedOn: string;
    partyOrganisation: string;
    note: string | null;
    by: number;
  },
) {
  const now = new Date().toISOString();
  const r = await db
    .insertInto('party_introduction')
    .values({
      person_id: p.personId,
      membership_id: p.membershipId,
      unit_id: p.unitId,
      introduced_on: p.introducedOn,
      party_organisation: p.partyOrganisation,
      status: 'introduced',
      status_date: p.introducedOn,
      note: p.note,
      created_by: p.by,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await metricsChanged(db, 'party', [r.id]);
  return r.id;
}

/** A new status of an introduction; a note left out keeps the one there is. */
export async function updatePartyStatus(
  db: Db,
  id: number,
  u: { status: PartyStatus; statusDate: string; note: string | null },
) {
  await db
    .updateTable('party_introduction')
    .set({
      status: u.status,
      status_date: u.statusDate,
      ...(u.note !== null ? { note: u.note } : {}),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .execute();
  await metricsChanged(db, 'party', [id]);
}
