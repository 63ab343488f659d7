import type { Kysely } from 'kysely';
import { binaryText, idColumn } from './util.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('unit_type')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('short_vi', 'text', (c) => c.notNull())
    .addColumn('short_en', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('grassroots', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('allowed_parents', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('org_unit')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('type_code', 'text', (c) => c.notNull().references('unit_type.code'))
    .addColumn('address', 'text')
    .addColumn('founding_decision_no', 'text')
    .addColumn('founding_decision_date', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('merged_into_id', 'integer', (c) => c.references('org_unit.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('org_unit_merged_into').on('org_unit').column('merged_into_id').execute();

  await db.schema
    .createTable('org_unit_version')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('org_unit.id'))
    .addColumn('path', binaryText(db), (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('type_code', 'text', (c) => c.notNull().references('unit_type.code'))
    .addColumn('admin_area_code', 'text')
    .addColumn('admin_area_name', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .execute();
  // Subtree-as-of-date: range on path, then the date filter on the same index entries.
  await db.schema
    .createIndex('org_unit_version_path')
    .on('org_unit_version')
    .columns(['path', 'valid_from', 'valid_to'])
    .execute();
  await db.schema
    .createIndex('org_unit_version_unit')
    .on('org_unit_version')
    .columns(['unit_id', 'valid_from'])
    .execute();
  await db.schema
    .createIndex('org_unit_version_parent')
    .on('org_unit_version')
    .columns(['parent_id', 'valid_from'])
    .execute();

  await db.schema
    .createTable('org_event')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('related_unit_id', 'integer', (c) => c.references('org_unit.id'))
    .addColumn('decision_no', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('org_event_unit').on('org_event').columns(['unit_id', 'effective_date']).execute();

  await db.schema
    .createTable('app_user')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('full_name_folded', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('vi'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .execute();

  await db.schema
    .createTable('user_role')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addUniqueConstraint('user_role_unique', ['user_id', 'unit_id', 'role'])
    .execute();
  await db.schema.createIndex('user_role_unit').on('user_role').column('unit_id').execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('session_user').on('session').column('user_id').execute();

  await db.schema
    .createTable('login_attempt')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('success', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempt_user').on('login_attempt').columns(['username', 'at']).execute();
  await db.schema.createIndex('login_attempt_ip').on('login_attempt').columns(['ip', 'at']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('unit_id', 'integer')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('audit_log_unit').on('audit_log').columns(['unit_id', 'at']).execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'audit_log',
    'login_attempt',
    'session',
    'user_role',
    'app_user',
    'org_event',
    'org_unit_version',
    'org_unit',
    'unit_type',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
