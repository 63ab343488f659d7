import type { Kysely } from 'kysely';
import { idColumn } from './util.js';

/**
 * The official list of communes (danh mục đơn vị hành chính), dated: the 3-level list valid until
 * 01/07/2025 and the 2-level list from then, both imported from the statistics office's files (the
 * product ships none); which old commune became which new one; and, on each enterprise, the commune
 * its code, name or address resolved to and how. Codes repeat across the lists (25246 was Xã Long Hưng
 * and is now Xã Bình Tân), so a unit is (code, valid_from) and the enterprise points at its id.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('admin_unit')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // The name without its "Xã/Phường/Thị trấn" prefix, folded, numbers without leading zeros: the lookup key.
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text')
    .addColumn('province_name', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text')
    .addColumn('district_name', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('admin_unit_code_from', ['code', 'valid_from'])
    .execute();
  await db.schema.createIndex('admin_unit_key').on('admin_unit').column('name_key').execute();
  // The cached index checks max(imported_at) before each use: an index makes that a lookup.
  await db.schema.createIndex('admin_unit_imported').on('admin_unit').column('imported_at').execute();

  await db.schema
    .createTable('admin_unit_successor')
    .addColumn('old_id', 'integer', (c) => c.notNull().references('admin_unit.id'))
    .addColumn('new_id', 'integer', (c) => c.notNull().references('admin_unit.id'))
    // 1 when only part of the old commune went to this new one ("Nhập một phần").
    .addColumn('part', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('admin_unit_successor_pk', ['old_id', 'new_id'])
    .execute();
  await db.schema
    .createIndex('admin_unit_successor_imported')
    .on('admin_unit_successor')
    .column('imported_at')
    .execute();

  // Plain integers, not foreign keys: SQLite cannot drop a column that a foreign key uses (down).
  await db.schema.alterTable('enterprise').addColumn('commune_id', 'integer').execute();
  await db.schema.alterTable('enterprise').addColumn('commune_now_id', 'integer').execute();
  await db.schema
    .alterTable('enterprise')
    .addColumn('commune_how', 'text', (c) => c.notNull().defaultTo('unresolved'))
    .execute();
  await db.schema.alterTable('enterprise').addColumn('commune_note', 'text').execute();
  await db.schema.alterTable('enterprise').addColumn('commune_detail', 'text').execute();
  await db.schema.createIndex('enterprise_commune').on('enterprise').column('commune_id').execute();
  await db.schema.createIndex('enterprise_commune_now').on('enterprise').column('commune_now_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('enterprise_commune_now').execute();
  await db.schema.dropIndex('enterprise_commune').execute();
  for (const c of ['commune_detail', 'commune_note', 'commune_how', 'commune_now_id', 'commune_id']) {
    await db.schema.alterTable('enterprise').dropColumn(c).execute();
  }
  await db.schema.dropTable('admin_unit_successor').execute();
  await db.schema.dropTable('admin_unit').execute();
}
