import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';

/**
 * better-sqlite3 under Kysely prepares every statement again on each call, and preparing costs more than
 * running the small lookups most requests make (a session, a user, a scope: issue 11 measured 55% of the
 * CPU of a list request in prepare). Kysely only needs `prepare` and `close`, so the database it is given
 * hands out a prepared statement kept by its SQL text, the least recently used dropped past `size`.
 * Statements are run synchronously and to completion by Kysely's driver (all/run; nothing here streams),
 * so one statement is never in use twice at once; a busy one (an iterate left open) is not reused.
 * SQLite re-prepares a kept statement by itself after a schema change.
 */
export function cachingDatabase(sqlite: SqliteDatabase, size = 500) {
  const kept = new Map<string, Statement>();
  return {
    close: () => {
      kept.clear();
      sqlite.close();
    },
    prepare(sql: string): Statement {
      const hit = kept.get(sql);
      if (hit && !hit.busy) {
        // Map order is insertion order: moved to the end, it is the most recently used.
        kept.delete(sql);
        kept.set(sql, hit);
        return hit;
      }
      const stmt = sqlite.prepare(sql);
      if (!hit) {
        kept.set(sql, stmt);
        if (kept.size > size) kept.delete(kept.keys().next().value as string);
      }
      return stmt;
    },
  };
}
