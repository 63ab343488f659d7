import { PostgresAdapter } from 'kysely';

/**
 * The one way to ask "is this PostgreSQL?": the same queries run on both databases, and the few
 * places that differ (identity columns, collation, search indexes, locks) ask here.
 */
export function isPostgres(db: { getExecutor(): { readonly adapter: unknown } }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
