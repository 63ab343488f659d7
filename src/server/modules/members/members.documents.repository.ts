import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type Scope, unitInScope } from '../../platform/scope.js';

type Db = Kysely<Database>;

/** Scans of the scope's units, with who uploaded them. */
function documentsOf(db: Db, scope: Scope) {
  return db
    .selectFrom('admission_document as d')
    .leftJoin('app_user as u', 'u.id', 'd.uploaded_by')
    .where((eb) => unitInScope(eb, 'd.unit_id', scope))
    .select([
      'd.id',
      'd.unit_id',
      'd.decision_no',
      'd.kind',
      'd.file_name',
      'd.mime',
      'd.size',
      'd.sha256',
      'd.uploaded_at',
      'd.storage_path',
      'u.full_name as uploaded_by_name',
    ]);
}
export type DocumentRow = Awaited<ReturnType<ReturnType<typeof documentsOf>['execute']>>[number];

export function documentById(db: Db, scope: Scope, id: number) {
  return documentsOf(db, scope).where('d.id', '=', id).executeTakeFirst();
}

/** The scans of one admission decision of a unit, in upload order. */
export function documentsOfDecision(db: Db, scope: Scope, unitId: number, decisionNo: string) {
  return documentsOf(db, scope)
    .where('d.unit_id', '=', unitId)
    .where('d.decision_no', '=', decisionNo)
    .orderBy('d.uploaded_at')
    .orderBy('d.id')
    .execute();
}

/** Whether the unit admitted anyone by this decision (a transfer keeps the decision, but did not make it). */
export async function decisionExists(db: Db, unitId: number, decisionNo: string) {
  const row = await db
    .selectFrom('membership')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('decision_no', '=', decisionNo)
    .where('transferred_from_id', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The membership that admitted this one: after transfers, the first link of the chain (a few links at
 * most), whose unit made the decision.
 */
export async function admittingMembership(db: Db, membershipId: number) {
  const link = (id: number) =>
    db
      .selectFrom('membership')
      .select(['id', 'unit_id', 'decision_no', 'transferred_from_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  let origin = await link(membershipId);
  for (let hops = 0; origin.transferred_from_id !== null && hops < 50; hops += 1) {
    origin = await link(origin.transferred_from_id);
  }
  return origin;
}

export async function insertDocument(db: Db, values: Insertable<Database['admission_document']>) {
  const row = await db.insertInto('admission_document').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
