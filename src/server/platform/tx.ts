import { type Kysely, sql, type Transaction } from 'kysely';
import { isPostgres } from '../db/dialect.js';
import type { Database } from '../db/schema.js';

const TREE_LOCK = 740_001;

/**
 * Tree-shaping changes (create, move, merge, dissolve) rewrite paths across a subtree, so two of
 * them must never interleave. SQLite already has one writer at a time; on PostgreSQL a transaction
 * advisory lock serialises them (they are rare, so the lock costs nothing in practice).
 */
export function inTreeTransaction<T>(db: Kysely<Database>, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${sql.lit(TREE_LOCK)})`.execute(trx);
    return fn(trx);
  });
}
