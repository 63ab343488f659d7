import type { Kysely } from 'kysely';
import { metricsChanged } from '../../modules/metrics/metrics.summary.js';

/**
 * What the national-scale bench (issue 10, "Scale") showed missing:
 * - an index on enterprise.grassroots_unit_id, which a CĐCS's founding facts (metrics.facts.ts, source
 *   'unit'), the from-scratch unions.founded and members.rate and the enterprise hooks look up by: without
 *   it each founding re-derivation scanned every enterprise;
 * - the 'reach' facts (distinct enterprises reached as range counts, metrics.facts.ts), derived here for the
 *   outreach already recorded, by the hooks' own code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('enterprise_grassroots').on('enterprise').column('grassroots_unit_id').execute();
  const events = (await db.selectFrom('outreach_event').select('id').execute()) as { id: number }[];
  await metricsChanged(
    db,
    'outreach',
    events.map((e) => e.id),
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('metric_fact').where('source', '=', 'reach').execute();
  await db
    .deleteFrom('metric_day')
    .where((eb) => eb.or([eb('key', '=', 'rpt'), eb('key', 'like', 'rqm:%'), eb('key', 'like', 'rqd:%')]))
    .execute();
  await db.schema.dropIndex('enterprise_grassroots').execute();
}
