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

/** Whether the database has any account yet (the first start creates the administrator). */
export async function anyUser(db: Db): Promise<boolean> {
  return (await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function updateUser(
  db: Db,
  id: number,
  c: { fullName?: string; email?: string | null; phone?: string | null; active?: boolean },
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({
      ...(c.fullName ? { full_name: c.fullName, full_name_folded: fold(c.fullName) } : {}),
      ...(c.email !== undefined ? { email: c.email } : {}),
      ...(c.phone !== undefined ? { phone: c.phone } : {}),
      ...(c.active !== undefined ? { active: c.active ? 1 : 0 } : {}),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

export async function setPasswordHash(db: Db, userId: number, hash: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ password_hash: hash, updated_at: new Date().toISOString() })
    .where('id', '=', userId)
    .execute();
}

/** One role of one user (a role id alone is not enough: it must be the user's own). */
export function roleOfUser(db: Db, userId: number, roleId: number) {
  return db
    .selectFrom('user_role')
    .selectAll()
    .where('id', '=', roleId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Grants a role unless the user already holds it there; false when nothing was added. */
export async function addRoleOnce(
  db: Db,
  g: { userId: number; unitId: number; role: Role; createdBy: number },
): Promise<boolean> {
  const exists = await db
    .selectFrom('user_role')
    .select('id')
    .where('user_id', '=', g.userId)
    .where('unit_id', '=', g.unitId)
    .where('role', '=', g.role)
    .executeTakeFirst();
  if (exists) return false;
  await insertRole(db, g.userId, { unitId: g.unitId, role: g.role }, g.createdBy, new Date().toISOString());
  return true;
}

export async function deleteRole(db: Db, roleId: number): Promise<void> {
  await db.deleteFrom('user_role').where('id', '=', roleId).execute();
}

function insertRole(db: Db, userId: number, g: { unitId: number; role: Role }, by: number | null, at: string) {
  return db
    .insertInto('user_role')
    .values({ user_id: userId, unit_id: g.unitId, role: g.role, created_at: at, created_by: by })
    .execute();
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
  for (const g of unique.values()) await insertRole(db, row.id, g, u.createdBy, now);
  return row.id;
}
