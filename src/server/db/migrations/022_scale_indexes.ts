import type { Kysely } from 'kysely';

/**
 * Indexes the national-scale bench (issue 10, "Scale") showed missing: enterprise.grassroots_unit_id, which a
 * CĐCS's founding facts (metrics.facts.ts, source 'unit'), the from-scratch unions.founded and members.rate,
 * and the enterprise hooks look up by — without it each founding re-derivation scanned every enterprise.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('enterprise_grassroots').on('enterprise').column('grassroots_unit_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('enterprise_grassroots').execute();
}
