import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import { PRIVATE_FILE_MODE, privateDir } from '../platform/files.js';
import { isPostgres } from './dialect.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';
import { cachingDatabase } from './statement-cache.js';

export type DbKind = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type DbHandle = { db: Db; kind: DbKind; close: () => Promise<void> };

// pg returns bigint (count(*), sums) as text; numbers here stay far below 2^53, so read them as numbers.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

function chmodIfThere(file: string) {
  try {
    fs.chmodSync(file, PRIVATE_FILE_MODE);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

export async function openDatabase(config: Config['db']): Promise<DbHandle> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 10,
      ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
    });
    if (config.schema) {
      // The schema must exist before the first pooled connection uses it as search_path.
      const c = new pg.Client({ connectionString: config.url });
      await c.connect();
      try {
        await c.query(`create schema if not exists "${config.schema}"`);
      } finally {
        await c.end();
      }
    }
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const onDisk = config.file !== ':memory:';
  if (onDisk) {
    privateDir(path.dirname(config.file));
    // SQLite creates -wal and -shm with the database file's mode, so the file is made 0600 before it opens it.
    fs.closeSync(fs.openSync(config.file, 'a', PRIVATE_FILE_MODE));
  }
  const sqlite = new SqliteDatabase(config.file);
  // WAL lets readers run while one writer commits; NORMAL is durable across app crashes in WAL mode
  // (only an OS crash can lose the last transactions), the usual trade for an embedded server.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // How long a write waits for another connection's lock, blocking its thread (better-sqlite3 is
  // synchronous): short on the request thread (config), long for the import worker and the command line.
  sqlite.pragma(`busy_timeout = ${config.busyTimeoutMs ?? 5000}`);
  // An install from before files were private: narrowed here (the -wal and -shm exist once WAL is on).
  if (onDisk) for (const f of [config.file, `${config.file}-wal`, `${config.file}-shm`]) chmodIfThere(f);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingDatabase(sqlite) }) });
  return { db, kind: 'sqlite', close: () => db.destroy() };
}

/** The migrator over this project's migrations, with its bookkeeping tables in the current schema. */
export async function migratorFor(db: Kysely<Database>): Promise<Migrator> {
  // Kysely looks for its own tables in every schema unless told which: with several schemas in one
  // database (tests, benches, tenants) it would find another schema's lock table and skip its own.
  const schema = isPostgres(db)
    ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
    : undefined;
  return new Migrator({
    db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const { error, results } = await (await migratorFor(db)).migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
