import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type Scope, unitInScope } from '../../platform/scope.js';

type Db = Kysely<Database>;

/**
 * Entries about units inside the scope, newest first. An entry without a unit (a sign-in, a password
 * change) belongs to no subtree, so it is not listed to anyone.
 */
export async function listEntries(
  db: Db,
  scope: Scope,
  p: { unitId?: number; action?: string; limit: number; offset: number },
) {
  let base = db
    .selectFrom('audit_log as a')
    .where('a.unit_id', 'is not', null)
    .where((eb) => unitInScope(eb, 'a.unit_id', scope));
  if (p.unitId !== undefined) base = base.where('a.unit_id', '=', p.unitId);
  if (p.action) base = base.where('a.action', '=', p.action);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('app_user as u', 'u.id', 'a.user_id')
    .leftJoin('org_unit as o', 'o.id', 'a.unit_id')
    .select([
      'a.id',
      'a.at',
      'u.username',
      'a.action',
      'a.entity',
      'a.entity_id',
      'a.unit_id',
      'o.name as unit_name',
      'a.before_json',
      'a.after_json',
    ])
    .orderBy('a.id', 'desc')
    .limit(p.limit)
    .offset(p.offset)
    .execute();
  return { total: Number(total.n), rows };
}

export type EntryRow = Awaited<ReturnType<typeof listEntries>>['rows'][number];
