import type { Kysely } from 'kysely';
import { idColumn } from './util.js';

const SINCE = '2020-01-01';
/**
 * Days after a review period's end by which a unit's report is due at the level above (issue 12 §3): dated
 * configuration, so a federation's new rule on reporting changes it from a day on.
 */
const DUE: [kind: string, days: number][] = [
  ['quarter', 5],
  ['half', 5],
  ['nine_months', 5],
  ['year', 10],
  ['cutoff_may', 5],
  ['cutoff_nov', 5],
  ['custom', 10],
];

/**
 * Reviews of a plan (sơ kết, tổng kết; issue 12): one row per version. A draft's figures are live; freezing
 * stores them in `figures` (JSON) and they never change afterwards; a correction goes into a new version
 * (`version` + 1, `supersedes_id` the one it replaces). The text of the report is `sections` (JSON object,
 * one text per section), the meeting is `meeting` (JSON). Sending up the tree sets `submitted_to_unit_id`;
 * the parent acknowledges or returns with a comment.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plan_review')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id'))
    /** The plan's unit: the unit that reports (kept here for scope checks and the parent's inbox). */
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    /** quarter | half | nine_months | year | cutoff_may | cutoff_nov | custom */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    /** "quý II năm 2024": the period as the report's title says it. */
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('supersedes_id', 'integer', (c) => c.references('plan_review.id'))
    /** draft | frozen | submitted | returned | acknowledged */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('number', 'text')
    .addColumn('report_date', 'text')
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('meeting', 'text', (c) => c.notNull())
    .addColumn('figures', 'text')
    .addColumn('frozen_at', 'text')
    .addColumn('frozen_by', 'integer')
    .addColumn('submitted_to_unit_id', 'integer', (c) => c.references('org_unit.id'))
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'integer')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'integer')
    .addColumn('return_comment', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_review_plan')
    .on('plan_review')
    .columns(['plan_id', 'period_to', 'version'])
    .execute();
  await db.schema
    .createIndex('plan_review_inbox')
    .on('plan_review')
    .columns(['submitted_to_unit_id', 'period_to'])
    .execute();
  await db.schema.createIndex('plan_review_unit').on('plan_review').columns(['unit_id', 'kind', 'period_to']).execute();
  await db
    .insertInto('rule_setting')
    .values(
      DUE.map(([kind, days]) => ({
        key: `review.due_days.${kind}`,
        value: String(days),
        valid_from: SINCE,
        valid_to: null,
        note: 'Số ngày sau khi kết thúc kỳ báo cáo phải gửi báo cáo lên cấp trên',
      })),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db
    .deleteFrom('rule_setting')
    .where(
      'key',
      'in',
      DUE.map(([kind]) => `review.due_days.${kind}`),
    )
    .execute();
  await db.schema.dropTable('plan_review').execute();
}
