import type { Kysely } from 'kysely';
import type { Locale } from '../../../shared/errors/codes.js';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** Failed sign-ins for one account or from one address since a time, and when the first of them was. */
export async function failedLogins(db: Db, column: 'username' | 'ip', value: string, since: string) {
  const row = await db
    .selectFrom('login_attempt')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('first')])
    .where(column, '=', value)
    .where('success', '=', 0)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return { n: Number(row.n), first: row.first as string | null };
}

export async function recordLogin(db: Db, a: { username: string; ip: string; success: boolean }): Promise<void> {
  await db
    .insertInto('login_attempt')
    .values({ username: a.username, ip: a.ip, at: new Date().toISOString(), success: a.success ? 1 : 0 })
    .execute();
}

export function credentialsByUsername(db: Db, username: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'active'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export function passwordHashOf(db: Db, userId: number) {
  return db.selectFrom('app_user').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow();
}

export async function setLocale(db: Db, userId: number, locale: Locale): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ locale, updated_at: new Date().toISOString() })
    .where('id', '=', userId)
    .execute();
}

/** The names of the caller's own role units (the caller holds the roles, so no scope applies). */
export function unitNames(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_unit').select(['id', 'name', 'code', 'valid_to']).where('id', 'in', ids).execute();
}

export function sessionExpiry(db: Db, sessionId: string) {
  return db.selectFrom('session').select('expires_at').where('id', '=', sessionId).executeTakeFirstOrThrow();
}

export async function deleteOtherSessions(db: Db, userId: number, keepSessionId: string): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).where('id', '!=', keepSessionId).execute();
}
