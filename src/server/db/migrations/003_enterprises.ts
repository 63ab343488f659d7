import type { Kysely } from 'kysely';
import { idColumn } from './util.js';

/**
 * The enterprise survey frame, dated surveys, outreach events, and the import engine's batches.
 * Ownership kinds, outreach forms and topics are dated configuration rows, not enums.
 */
const SINCE = '2000-01-01';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ownership_type')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('non_state', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db
    .insertInto('ownership_type')
    .values(
      [
        ['STATE', 'Doanh nghiệp nhà nước', 'State-owned enterprise', 0],
        ['PRIVATE', 'Doanh nghiệp ngoài nhà nước (trong nước)', 'Domestic non-state enterprise', 1],
        ['FDI', 'Doanh nghiệp có vốn đầu tư nước ngoài', 'Foreign-invested enterprise', 1],
        ['COOP', 'Hợp tác xã', 'Cooperative', 1],
        ['HOUSEHOLD', 'Hộ kinh doanh', 'Household business', 1],
        ['OTHER', 'Loại hình khác', 'Other', 1],
      ].map(([code, vi, en, nonState], i) => ({
        code,
        name_vi: vi,
        name_en: en,
        non_state: nonState,
        valid_from: SINCE,
        valid_to: null,
        sort_order: i + 1,
      })),
    )
    .execute();

  // Thresholds of the plan (survey frame ≥10 workers; a CĐCS target in enterprises ≥25 workers).
  await db.schema
    .createTable('rule_setting')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('rule_setting_pk', ['key', 'valid_from'])
    .execute();
  await db
    .insertInto('rule_setting')
    .values([
      {
        key: 'survey.min_workers',
        value: '10',
        valid_from: SINCE,
        valid_to: null,
        note: 'KH 8/KH-LĐLĐ 2024: khảo sát doanh nghiệp từ 10 lao động',
      },
      {
        key: 'founding.min_workers',
        value: '25',
        valid_from: SINCE,
        valid_to: null,
        note: 'KH 8/KH-LĐLĐ 2024: thành lập CĐCS ở doanh nghiệp từ 25 lao động',
      },
    ])
    .execute();

  await db.schema
    .createTable('enterprise')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('mst', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('address', 'text')
    .addColumn('admin_area_code', 'text')
    .addColumn('admin_area_name', 'text')
    .addColumn('ownership_code', 'text', (c) => c.notNull().references('ownership_type.code'))
    .addColumn('industry', 'text')
    .addColumn('officer_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('grassroots_unit_id', 'integer', (c) => c.references('org_unit.id'))
    // Latest survey, kept in step by the service in the same transaction: list filters need no join.
    .addColumn('worker_count', 'integer')
    .addColumn('female_count', 'integer')
    .addColumn('member_count', 'integer')
    .addColumn('last_survey_date', 'text')
    .addColumn('last_contact_date', 'text')
    // Set when an officer knowingly records a second enterprise under an existing MST, and why.
    .addColumn('duplicate_reason', 'text')
    .addColumn('import_batch_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .execute();
  await db.schema.createIndex('enterprise_mst').on('enterprise').column('mst').execute();
  await db.schema.createIndex('enterprise_unit').on('enterprise').columns(['unit_id', 'name_folded']).execute();
  await db.schema.createIndex('enterprise_area').on('enterprise').columns(['admin_area_code']).execute();
  await db.schema
    .createIndex('enterprise_contact')
    .on('enterprise')
    .columns(['unit_id', 'last_contact_date'])
    .execute();

  await db.schema
    .createTable('enterprise_survey')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id').onDelete('cascade'))
    .addColumn('survey_date', 'text', (c) => c.notNull())
    .addColumn('worker_count', 'integer', (c) => c.notNull())
    .addColumn('female_count', 'integer')
    .addColumn('member_count', 'integer')
    .addColumn('employer_attitude', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('notes', 'text')
    .addColumn('surveyed_by', 'integer')
    .addColumn('import_batch_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('enterprise_survey_ent')
    .on('enterprise_survey')
    .columns(['enterprise_id', 'survey_date'])
    .execute();

  await db.schema
    .createTable('outreach_form')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  const forms = [
    ['WORKPLACE_MEETING', 'Gặp gỡ người lao động tại nơi làm việc', 'Meeting at the workplace', 'form'],
    ['EMPLOYER_DIALOGUE', 'Đối thoại, làm việc với người sử dụng lao động', 'Dialogue with the employer', 'form'],
    ['LEAFLETS', 'Phát tờ rơi, tài liệu', 'Leaflets', 'form'],
    ['LOUDSPEAKER', 'Loa truyền thanh', 'Loudspeaker', 'form'],
    ['SOCIAL_MEDIA', 'Mạng xã hội, nhóm Zalo', 'Social media / Zalo group', 'form'],
    ['CONFERENCE', 'Hội nghị, hội thảo', 'Conference', 'form'],
    ['LEGAL_AID', 'Tư vấn pháp luật', 'Legal-aid session', 'form'],
    ['OTHER', 'Hình thức khác', 'Other', 'form'],
    ['UNION_MEMBERSHIP', 'Vận động gia nhập công đoàn', 'Union membership', 'topic'],
    ['TRADE_UNION_LAW', 'Luật Công đoàn', 'Trade Union Law', 'topic'],
    ['LABOUR_CODE', 'Bộ luật Lao động', 'Labour Code', 'topic'],
    ['SOCIAL_INSURANCE', 'Bảo hiểm xã hội', 'Social insurance', 'topic'],
    ['SAFETY', 'An toàn, vệ sinh lao động', 'Occupational safety', 'topic'],
    ['OTHER_TOPIC', 'Nội dung khác', 'Other topic', 'topic'],
  ];
  await db
    .insertInto('outreach_form')
    .values(
      forms.map(([code, vi, en, kind], i) => ({
        code,
        name_vi: vi,
        name_en: en,
        kind,
        valid_from: SINCE,
        valid_to: null,
        sort_order: i + 1,
      })),
    )
    .execute();

  await db.schema
    .createTable('outreach_event')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('event_date', 'text', (c) => c.notNull())
    .addColumn('form_code', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('title', 'text')
    .addColumn('workers_reached', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('employer_reps_reached', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('officers_present', 'text')
    .addColumn('cost', 'integer')
    .addColumn('notes', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outreach_event_unit').on('outreach_event').columns(['unit_id', 'event_date']).execute();

  await db.schema
    .createTable('outreach_enterprise')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('outreach_event.id').onDelete('cascade'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id'))
    .addPrimaryKeyConstraint('outreach_enterprise_pk', ['event_id', 'enterprise_id'])
    .execute();
  await db.schema.createIndex('outreach_enterprise_ent').on('outreach_enterprise').column('enterprise_id').execute();

  // Photos of attendance sheets and the like, stored as files under DATA_DIR/attachments.
  await db.schema
    .createTable('outreach_attachment')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('outreach_event.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outreach_attachment_event').on('outreach_attachment').column('event_id').execute();

  await db.schema
    .createTable('import_batch')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('user_id', 'integer')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('committed_at', 'text')
    .addColumn('undone_at', 'text')
    .execute();
  await db.schema.createIndex('import_batch_unit').on('import_batch').columns(['unit_id', 'created_at']).execute();

  /** What a committed batch did, row by row, so it can be undone exactly. */
  await db.schema
    .createTable('import_change')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('import_batch.id'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .execute();
  await db.schema.createIndex('import_change_batch').on('import_change').column('batch_id').execute();

  await db.schema
    .createTable('import_mapping')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('import_mapping_unique', ['unit_id', 'kind', 'source'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'import_mapping',
    'import_change',
    'import_batch',
    'outreach_attachment',
    'outreach_enterprise',
    'outreach_event',
    'outreach_form',
    'enterprise_survey',
    'enterprise',
    'ownership_type',
    'rule_setting',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
