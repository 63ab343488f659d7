import type { Kysely } from 'kysely';
import { idColumn } from './util.js';

/**
 * Sign-in limits that cannot be turned against users (issue 11 §7): instead of counting every attempt in
 * `login_attempt` (one row per sign-in, growing forever, read by username and by IP to lock an account
 * for everyone), one row per (username, source) holds that pair's failures and until when its next
 * attempt must wait; `username = ''` is the row of the source as a whole (the ceiling against spraying
 * many accounts). Rows are deleted on success, by an administrator's unlock, and once stale, so the table
 * stays as small as the attacks in progress. Successful sign-ins stay in `audit_log` ('login').
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text')
    .addColumn('slowed_until', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_throttle_pk', ['username', 'source'])
    .execute();
  await db.schema.createIndex('login_throttle_last_failure').on('login_throttle').column('last_failure_at').execute();
  await db.schema.dropTable('login_attempt').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_attempt')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('success', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempt_user').on('login_attempt').columns(['username', 'at']).execute();
  await db.schema.createIndex('login_attempt_ip').on('login_attempt').columns(['ip', 'at']).execute();
  await db.schema.dropTable('login_throttle').execute();
}
