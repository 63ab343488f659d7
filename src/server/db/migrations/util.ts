import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

// Migrations run on both dialects; the few differences in column definitions are named here.

export function idColumn(db: Kysely<unknown>) {
  return (col: ColumnDefinitionBuilder) =>
    isPostgres(db) ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
}

/**
 * Text compared byte-wise, so a prefix range (path >= '/1/5/' AND path < '/1/50') uses the index.
 * SQLite's default collation is already binary; PostgreSQL's follows the locale unless told.
 */
export function binaryText(db: Kysely<unknown>) {
  return isPostgres(db) ? sql`text collate "C"` : sql`text`;
}
