import type { Kysely } from 'kysely';
import { rebuildAll } from '../../modules/metrics/metrics.summary.js';

/**
 * What the national-scale bench (issue 10, "Scale") showed missing:
 * - an index on enterprise.grassroots_unit_id, which a CĐCS's founding facts (metrics.facts.ts, source
 *   'unit'), the from-scratch unions.founded and members.rate and the enterprise hooks look up by: without
 *   it each founding re-derivation scanned every enterprise;
 * - the 'reach' facts (distinct enterprises reached as range counts) and the <ifx> = *** keys (a figure
 *   without person filters reads one key), metrics.facts.ts, and the month and year rollup rows of
 *   metric_day (metrics.summary.ts applyDeltas): the summaries are rebuilt from the records already there
 *   by the hooks' own derivation.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('enterprise_grassroots').on('enterprise').column('grassroots_unit_id').execute();
  await rebuildAll(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const added = (eb: any) =>
    eb.or([eb('key', '=', 'rpt'), eb('key', 'like', 'rqm:%'), eb('key', 'like', 'rqd:%'), eb('key', 'like', '%:***')]);
  await db.deleteFrom('metric_fact').where(added).execute();
  await db.deleteFrom('metric_day').where(added).execute();
  await db
    .deleteFrom('metric_day')
    .where((eb: any) => eb.or([eb('key', 'like', 'M/%'), eb('key', 'like', 'Y/%')]))
    .execute();
  await db.schema.dropIndex('enterprise_grassroots').execute();
}
