import type { Kysely } from 'kysely';
import type { Role } from '../../../shared/auth/roles.js';
import { fold } from '../../../shared/text/index.js';
import type { Database } from '../../db/schema.js';
import { type Scope, unitInScope } from '../../platform/scope.js';
import { likeContains } from '../../platform/sql.js';

type Db = Kysely<Database>;

/** Users visible to a scope: those holding at least one role at a unit inside it. */
function visibleUsers(db: Db, scope: Scope) {
  return db.selectFrom('app_user as u').where((eb) =>
    eb.exists(
      eb
        .selectFrom('user_role as r')
        .select('r.id')
        .whereRef('r.user_id', '=', 'u.id')
        .where((e) => unitInScope(e, 'r.unit_id', scope)),
    ),
  );
}

export async function listUsers(
  db: Db,
  scope: Scope,
  p: { folded?: string; unitId?: number; limit: number; offset: number },
) {
  let q = visibleUsers(db, scope);
  if (p.folded) {
    const like = likeContains(p.folded);
    q = q.where((eb) => eb.or([eb('u.full_name_folded', 'like', like), eb('u.username', 'like', like)]));
  }
  if (p.unitId !== undefined) {
    const unitId = p.unitId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_role as r2')
          .select('r2.id')
          .whereRef('r2.user_id', '=', 'u.id')
          .where('r2.unit_id', '=', unitId),
      ),
    );
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll('u').orderBy('u.username').limit(p.limit).offset(p.offset).execute();
  return { total: Number(total.n), rows };
}

export function findVisibleUser(db: Db, scope: Scope, id: number) {
  return visibleUsers(db, scope).selectAll('u').where('u.id', '=', id).executeTakeFirst();
}

export function rolesOf(db: Db, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('user_role as r')
    .innerJoin('org_unit as o', 'o.id', 'r.unit_id')
    .select(['r.id', 'r.user_id', 'r.unit_id', 'r.role', 'o.name as unit_name', 'o.code as unit_code'])
    .where('r.user_id', 'in', userIds)
    .orderBy('r.id')
    .execute();
}

export function userByUsername(db: Db, username: string) {
  return db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
}

export type NewUser = {
  username: string;
  fullName: string;
  email?: string | null;
  phone?: string | null;
  passwordHash: string;
  roles: { unitId: number; role: Role }[];
  createdBy: number | null;
};

/**
 * The one way a user comes into being (first administrator, demo, user management, tests): the
 * account and its roles, each (unit, role) pair once. Run it inside the caller's transaction.
 */
export async function insertUserWithRoles(db: Db, u: NewUser): Promise<number> {
  const now = new Date().toISOString();
  const row = await db
    .insertInto('app_user')
    .values({
      username: u.username,
      full_name: u.fullName,
      full_name_folded: fold(u.fullName),
      email: u.email ?? null,
      phone: u.phone ?? null,
      password_hash: u.passwordHash,
      locale: 'vi',
      active: 1,
      created_at: now,
      updated_at: now,
      created_by: u.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const unique = new Map(u.roles.map((g) => [`${g.unitId}:${g.role}`, g]));
  for (const g of unique.values()) {
    await db
      .insertInto('user_role')
      .values({ user_id: row.id, unit_id: g.unitId, role: g.role, created_at: now, created_by: u.createdBy })
      .execute();
  }
  return row.id;
}
