import type { Kysely } from 'kysely';

/**
 * The enterprise list in name order (its default) at national scale (issue 11 §3): with this index the
 * first page of the whole country reads ~50 rows in order and stops, instead of sorting 1 M; the count
 * stops at the list's cap. (A province or narrower starts from its units and enterprise_unit.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('enterprise_name').on('enterprise').columns(['name_folded', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('enterprise_name').execute();
}
