import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type Scope, unitInScope } from '../../platform/scope.js';
import { countOf } from './members.repository.js';

type Db = Kysely<Database>;

/** Of these people, those with an open request from this unit already. */
export async function openRequestsFrom(db: Db, requestingUnitId: number, personIds: number[]) {
  const open = await db
    .selectFrom('possible_transfer')
    .select('person_id')
    .where('requesting_unit_id', '=', requestingUnitId)
    .where('closed_at', 'is', null)
    .where('person_id', 'in', personIds)
    .execute();
  return new Set(open.map((o) => o.person_id));
}

export async function insertPossibleTransfers(db: Db, rows: Insertable<Database['possible_transfer']>[]) {
  if (rows.length > 0) await db.insertInto('possible_transfer').values(rows).execute();
}

/** Settles every open request about a person, as transferred or dismissed. */
export async function closeRequests(
  db: Db,
  where: { personId: number } | { id: number },
  close: { resolution: 'transferred' | 'dismissed'; by: number; note?: string },
) {
  let q = db
    .updateTable('possible_transfer')
    .set({
      closed_at: new Date().toISOString(),
      resolution: close.resolution,
      closed_by: close.by,
      ...(close.note !== undefined ? { note: close.note } : {}),
    })
    .where('closed_at', 'is', null);
  q = 'id' in where ? q.where('id', '=', where.id) : q.where('person_id', '=', where.personId);
  await q.execute();
}

/** Requests either side of which lies in the scope. */
function requestsOf(db: Db, scope: Scope) {
  return db
    .selectFrom('possible_transfer as pt')
    .innerJoin('person as p', 'p.id', 'pt.person_id')
    .innerJoin('org_unit as hu', 'hu.id', 'pt.holding_unit_id')
    .innerJoin('org_unit as ru', 'ru.id', 'pt.requesting_unit_id')
    .where((eb) =>
      eb.or([unitInScope(eb, 'pt.holding_unit_id', scope), unitInScope(eb, 'pt.requesting_unit_id', scope)]),
    )
    .select([
      'pt.id',
      'pt.person_id',
      'p.full_name',
      'p.cccd_masked',
      'pt.holding_membership_id',
      'pt.holding_unit_id',
      'hu.name as holding_unit_name',
      'pt.requesting_unit_id',
      'ru.name as requesting_unit_name',
      'pt.source',
      'pt.requested_at',
      'pt.closed_at',
      'pt.resolution',
      'pt.note',
    ]);
}
export type PossibleTransferRow = Awaited<ReturnType<ReturnType<typeof requestsOf>['execute']>>[number];

export function requestById(db: Db, scope: Scope, id: number) {
  return requestsOf(db, scope).where('pt.id', '=', id).executeTakeFirst();
}

/** One page of the scope's open (or closed) requests, newest first, with the total. */
export async function requestPage(db: Db, scope: Scope, q: { open: boolean; limit: number; offset: number }) {
  const query = requestsOf(db, scope).where('pt.closed_at', q.open ? 'is' : 'is not', null);
  const total = await countOf(query);
  const rows = await query
    .orderBy('pt.requested_at', 'desc')
    .orderBy('pt.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { total, rows };
}
