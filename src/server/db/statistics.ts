import { sql } from 'kysely';
import type { Db } from './database.js';
import { isPostgres } from './dialect.js';

/**
 * Table statistics for the query planners (issue 11 §4: plans swung 36× with statistics nothing kept fresh).
 * Run after migrations, after a large import and on a schedule. SQLite: `PRAGMA optimize` with the flag that
 * analyses every table lacking statistics, each sampled (analysis_limit) so a large database stays quick.
 * PostgreSQL: ANALYZE of the current schema's tables (sampled by the server itself).
 */
export async function refreshStatistics(db: Db): Promise<void> {
  if (isPostgres(db)) {
    // This schema's tables only: a bare ANALYZE would walk every schema of the database (tests, tenants).
    const tables = await sql<{
      t: string;
    }>`select tablename as t from pg_tables where schemaname = current_schema()`.execute(db);
    if (tables.rows.length) await sql`analyze ${sql.join(tables.rows.map((r) => sql.table(r.t)))}`.execute(db);
    return;
  }
  await sql`pragma analysis_limit = 1000`.execute(db);
  await sql`pragma optimize = 0x10002`.execute(db);
}

/** How many rows an import must have written before the statistics are refreshed after it. */
export const LARGE_WRITE_ROWS = 10_000;
