import type { Kysely } from 'kysely';
import { rebuildAll } from '../../modules/metrics/metrics.summary.js';
import { binaryText } from './util.js';

/**
 * The metric engine's summary rows, kept in the same transaction as the records they count
 * (modules/metrics/metrics.summary.ts):
 * - metric_fact: what one record contributes (source, source_id), per key, at its unit, on a day, with
 *   the path of ancestors it was placed under on that day (a stock is split where its unit moved);
 * - metric_day: the sum of the facts per ancestor unit, key and day, so a figure at the root is a range
 *   sum over at most a few thousand rows, like a leaf's.
 * Also the index on membership.transferred_from_id that "transfers out" lacked (GET /api/members/counts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('metric_fact')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('path', binaryText(db), (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('delta', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('metric_fact_source').on('metric_fact').columns(['source', 'source_id']).execute();
  await db.schema.createIndex('metric_fact_unit_day').on('metric_fact').columns(['unit_id', 'day']).execute();
  await db.schema
    .createTable('metric_day')
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('metric_day_pk', ['unit_id', 'key', 'day'])
    .execute();
  await db.schema.createIndex('membership_transferred_from').on('membership').column('transferred_from_id').execute();
  await db.schema.createIndex('org_unit_founding').on('org_unit').column('founding_decision_date').execute();
  // A database with records already (a demo, a pilot) gets its summaries from them, by the hooks' own derivation.
  await rebuildAll(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('org_unit_founding').execute();
  await db.schema.dropIndex('membership_transferred_from').execute();
  await db.schema.dropTable('metric_day').execute();
  await db.schema.dropTable('metric_fact').execute();
}
