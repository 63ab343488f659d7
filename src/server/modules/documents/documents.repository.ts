import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';

/** The state of a unit in force on `date` (name, parent), else its first state after, for a unit not yet founded. */
export async function unitAt(db: Db, unitId: number, date: string) {
  const inForce = await db
    .selectFrom('org_unit_version')
    .select(['name', 'parent_id'])
    .where('unit_id', '=', unitId)
    .where('valid_from', '<=', date)
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (inForce) return inForce;
  return db
    .selectFrom('org_unit_version')
    .select(['name', 'parent_id'])
    .where('unit_id', '=', unitId)
    .orderBy('valid_from')
    .limit(1)
    .executeTakeFirst();
}

/** The unit's configured header texts in force on `date`, if any. */
export function headerRowAt(db: Db, unitId: number, date: string) {
  return db
    .selectFrom('document_header')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * A plan's legal bases with what citing them needs: the referenced plan's or decision's number, date and
 * title, and the unit that issued it (a decision is issued by the unit of the plan it assigns).
 */
export function basesForCitation(db: Db, planId: number) {
  return db
    .selectFrom('plan_basis as b')
    .leftJoin('plan as rp', 'rp.id', 'b.ref_plan_id')
    .leftJoin('plan_assignment as ra', 'ra.id', 'b.ref_assignment_id')
    .leftJoin('plan as ap', 'ap.id', 'ra.plan_id')
    .select([
      'b.text',
      'rp.number as plan_number',
      'rp.symbol as plan_symbol',
      'rp.issued_on as plan_issued_on',
      'rp.title as plan_title',
      'rp.unit_id as plan_unit_id',
      'ra.number as assignment_number',
      'ra.decided_on as assignment_decided_on',
      'ra.title as assignment_title',
      'ap.unit_id as assignment_unit_id',
    ])
    .where('b.plan_id', '=', planId)
    .orderBy('b.sort_order')
    .execute();
}

/**
 * A configured header from `validFrom` on: the row open then is closed at that day (it keeps the older
 * documents' texts), a row already starting that day is replaced.
 */
export async function saveHeaderFrom(
  db: Db,
  unitId: number,
  validFrom: string,
  row: Omit<Insertable<Database['document_header']>, 'unit_id' | 'valid_from' | 'valid_to' | 'created_at'>,
) {
  await db.deleteFrom('document_header').where('unit_id', '=', unitId).where('valid_from', '=', validFrom).execute();
  const later = await db
    .selectFrom('document_header')
    .select('valid_from')
    .where('unit_id', '=', unitId)
    .where('valid_from', '>', validFrom)
    .orderBy('valid_from')
    .limit(1)
    .executeTakeFirst();
  await db
    .updateTable('document_header')
    .set({ valid_to: validFrom })
    .where('unit_id', '=', unitId)
    .where('valid_from', '<', validFrom)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', validFrom)]))
    .execute();
  await db
    .insertInto('document_header')
    .values({
      ...row,
      unit_id: unitId,
      valid_from: validFrom,
      valid_to: later?.valid_from ?? null,
      created_at: new Date().toISOString(),
    })
    .execute();
}
