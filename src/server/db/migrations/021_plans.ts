import type { Kysely } from 'kysely';
import { idColumn } from './util.js';

/**
 * Plans and their targets (issue 10): a plan of a unit (Kế hoạch 8/KH-LĐLĐ), its legal bases, its targets
 * (a metric of the catalogue with filters, a comparator and a goal; sub-targets point at their target), the
 * assignment decisions (giao chỉ tiêu) and the shares of a target given to child units, and the dated
 * amendments of an issued plan, each keeping the value it replaced. Progress is never stored: it is computed
 * from the records by the metric engine.
 */

/** Status thresholds are dated rules: forecast ÷ goal at or above `at_risk` is at risk, below `behind` is behind. */
const SINCE = '2000-01-01';
const RULES = [
  ['plan.status.on_track_ratio', '1', 'Dự báo cuối kỳ ÷ chỉ tiêu từ mức này trở lên: đúng tiến độ'],
  ['plan.status.at_risk_ratio', '0.85', 'Dự báo cuối kỳ ÷ chỉ tiêu từ mức này đến dưới mức đúng tiến độ: có nguy cơ'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plan')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    /** 'draft' | 'issued' */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('signer_name', 'text')
    .addColumn('signer_position', 'text')
    .addColumn('signer_authority', 'text')
    /** JSON array of strings (nơi nhận). */
    .addColumn('recipients', 'text', (c) => c.notNull())
    /** JSON {preamble, purpose, requirements, tasks, organisation, schedule, closing}: paragraphs of text. */
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text')
    .execute();
  await db.schema.createIndex('plan_unit_period').on('plan').columns(['unit_id', 'period_from']).execute();

  await db.schema
    .createTable('plan_assignment')
    .addColumn('id', 'integer', idColumn(db))
    /** The plan whose targets the decision assigns (the deciding unit is the plan's unit). */
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_assignment_plan').on('plan_assignment').column('plan_id').execute();

  await db.schema
    .createTable('plan_basis')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    /** Another plan in the system, an assignment decision in the system, or free text (neither). */
    .addColumn('ref_plan_id', 'integer', (c) => c.references('plan.id'))
    .addColumn('ref_assignment_id', 'integer', (c) => c.references('plan_assignment.id'))
    .addColumn('text', 'text')
    .execute();
  await db.schema.createIndex('plan_basis_plan').on('plan_basis').column('plan_id').execute();

  await db.schema
    .createTable('plan_target')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id'))
    .addColumn('parent_target_id', 'integer', (c) => c.references('plan_target.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    /** The plan's own numbering ("T1", "1.3"). */
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('metric', 'text', (c) => c.notNull())
    /** JSON MetricFilters, checked against the filters the metric accepts. */
    .addColumn('filters', 'text', (c) => c.notNull())
    /** 'at_least' | 'at_most' */
    .addColumn('comparator', 'text', (c) => c.notNull())
    .addColumn('goal', 'double precision', (c) => c.notNull())
    /** The share of a parent unit's target this target adopts as its goal (a child's own plan). */
    .addColumn('adopted_share_id', 'integer')
    .execute();
  await db.schema.createIndex('plan_target_plan').on('plan_target').column('plan_id').execute();

  await db.schema
    .createTable('plan_share')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('target_id', 'integer', (c) => c.notNull().references('plan_target.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('goal', 'double precision', (c) => c.notNull())
    /** Null: assigned directly in the plan. */
    .addColumn('assignment_id', 'integer', (c) => c.references('plan_assignment.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_share_target_unit')
    .on('plan_share')
    .columns(['target_id', 'unit_id'])
    .unique()
    .execute();
  await db.schema.createIndex('plan_share_unit').on('plan_share').column('unit_id').execute();

  await db.schema
    .createTable('plan_amendment')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plan.id'))
    .addColumn('target_id', 'integer', (c) => c.notNull().references('plan_target.id'))
    .addColumn('amended_on', 'text', (c) => c.notNull())
    /** 'goal' | 'comparator' */
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text', (c) => c.notNull())
    .addColumn('new_value', 'text', (c) => c.notNull())
    .addColumn('decision_no', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_amendment_target')
    .on('plan_amendment')
    .columns(['target_id', 'amended_on'])
    .execute();

  await db
    .insertInto('rule_setting')
    .values(RULES.map(([key, value, note]) => ({ key, value, valid_from: SINCE, valid_to: null, note })))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db
    .deleteFrom('rule_setting')
    .where(
      'key',
      'in',
      RULES.map(([key]) => key),
    )
    .execute();
  for (const t of ['plan_amendment', 'plan_share', 'plan_target', 'plan_basis', 'plan_assignment', 'plan']) {
    await db.schema.dropTable(t).execute();
  }
}
