import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type Scope, unitInScope } from '../../platform/scope.js';
import { personsChanged } from '../metrics/metrics.summary.js';

type Db = Kysely<Database>;

/** How many of these enterprises lie in the scope (an employer outside it does not exist for the caller). */
export async function enterprisesInScope(db: Db, scope: Scope, ids: number[]) {
  const found = await db
    .selectFrom('enterprise as e')
    .select('e.id')
    .where('e.id', 'in', ids)
    .where((eb) => unitInScope(eb, 'e.unit_id', scope))
    .execute();
  return found.length;
}

/**
 * The people already known by these identity hashes, each with the membership they hold now (if any)
 * and its unit: a returning member is the same person; one active elsewhere is a possible transfer.
 */
export function knownPeople(db: Db, hashes: string[]) {
  return db
    .selectFrom('person as p')
    .leftJoin('membership as m', (j) => j.onRef('m.person_id', '=', 'p.id').on('m.status', '=', 'active'))
    .leftJoin('org_unit as u', 'u.id', 'm.unit_id')
    .select(['p.id', 'p.cccd_hash', 'm.id as active_id', 'm.unit_id', 'u.name as unit_name'])
    .where('p.cccd_hash', 'in', hashes)
    .execute();
}

export type PersonFields = Omit<
  Updateable<Database['person']>,
  'id' | 'cccd_hash' | 'cccd_enc' | 'cccd_masked' | 'cccd_kind' | 'anonymised_at' | 'created_at'
>;

/** Someone who left earlier comes back as the same person: the application's data is the newest. */
export async function updatePerson(db: Db, id: number, fields: PersonFields) {
  await db.updateTable('person').set(fields).where('id', '=', id).execute();
  await personsChanged(db, [id]);
}

export async function insertPerson(db: Db, values: Insertable<Database['person']>) {
  const row = await db.insertInto('person').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
