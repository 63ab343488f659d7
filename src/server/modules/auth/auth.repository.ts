import type { Kysely } from 'kysely';
import type { Locale } from '../../../shared/errors/codes.js';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

// ---------------------------------------------------------------- sign-in limits (login_throttle)

/** One (username, source) row; username '' is the source as a whole. */
export function throttleRow(db: Db, username: string, source: string) {
  return db
    .selectFrom('login_throttle')
    .selectAll()
    .where('username', '=', username)
    .where('source', '=', source)
    .executeTakeFirst();
}

/**
 * Takes the pair's turn in one statement, so parallel attempts (several processes, a script firing many
 * requests at once) cannot all slip through before the first failure is counted: the row is created or
 * its `slowed_until` moved to the lease's end, only if its wait is over. Nothing back = refused.
 */
export function claimThrottle(db: Db, username: string, source: string, now: string, leaseUntil: string) {
  return db
    .insertInto('login_throttle')
    .values({ username, source, failures: 0, last_failure_at: null, slowed_until: leaseUntil })
    .onConflict((oc) =>
      oc
        .columns(['username', 'source'])
        .doUpdateSet({ slowed_until: leaseUntil })
        .where('login_throttle.slowed_until', '<=', now),
    )
    .returning(['failures', 'last_failure_at'])
    .executeTakeFirst();
}

/** The pair's new count and wait, written by the holder of its turn. */
export async function setThrottle(
  db: Db,
  r: { username: string; source: string; failures: number; lastFailureAt: string; slowedUntil: string },
): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set({ failures: r.failures, last_failure_at: r.lastFailureAt, slowed_until: r.slowedUntil })
    .where('username', '=', r.username)
    .where('source', '=', r.source)
    .execute();
}

/**
 * One more failure from the source as a whole, counted in the statement (no lost updates when a spray
 * runs in parallel); the count starts again when the last failure is older than `forgetBefore`.
 */
export async function countSourceFailure(db: Db, source: string, now: string, forgetBefore: string) {
  const row = await db
    .insertInto('login_throttle')
    .values({ username: '', source, failures: 1, last_failure_at: now, slowed_until: now })
    .onConflict((oc) =>
      oc.columns(['username', 'source']).doUpdateSet((eb) => ({
        failures: eb
          .case()
          .when(
            eb.or([
              eb('login_throttle.last_failure_at', 'is', null),
              eb('login_throttle.last_failure_at', '<', forgetBefore),
            ]),
          )
          .then(1)
          .else(eb('login_throttle.failures', '+', 1))
          .end(),
        last_failure_at: now,
      })),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

/** The source's wait, unless a later failure has already counted past this one. */
export async function slowSource(db: Db, source: string, failures: number, until: string): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set({ slowed_until: until })
    .where('username', '=', '')
    .where('source', '=', source)
    .where('failures', '=', failures)
    .execute();
}

export async function deleteThrottle(db: Db, username: string, source: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('username', '=', username).where('source', '=', source).execute();
}

/**
 * Rows serve nothing once their wait is over and their last failure forgotten, or (a turn never settled:
 * a process died while checking the password) once nothing happened on them since `forgetBefore`.
 */
export async function pruneThrottle(db: Db, now: string, forgetBefore: string): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('last_failure_at', '<', forgetBefore)
    .where('slowed_until', '<', now)
    .execute();
  await db
    .deleteFrom('login_throttle')
    .where('last_failure_at', 'is', null)
    .where('slowed_until', '<', forgetBefore)
    .execute();
}

/** For the user list: until when each of these accounts is slowed from some source (the latest wait). */
export async function slowedAccounts(db: Db, usernames: string[], now: string, minFailures: number) {
  if (usernames.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('login_throttle')
    .select((eb) => ['username', eb.fn.max('slowed_until').as('until')])
    .where('username', 'in', usernames)
    .where('slowed_until', '>', now)
    .where('failures', '>=', minFailures)
    .groupBy('username')
    .execute();
  return new Map(rows.map((r) => [r.username, String(r.until)]));
}

/** An administrator's unlock (or a new password): the account's rows from every source go; how many there were. */
export async function clearAccountThrottle(db: Db, username: string): Promise<number> {
  const r = await db.deleteFrom('login_throttle').where('username', '=', username).executeTakeFirst();
  return Number(r.numDeletedRows);
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
