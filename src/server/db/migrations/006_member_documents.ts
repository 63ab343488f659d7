import type { Kysely } from 'kysely';
import { idColumn } from './util.js';

/**
 * Scans of admission papers (the application, Mẫu 5a/5b, and the unit's decision). A document belongs
 * to a decision of one unit — a decision admits several people at once — not to one person, so it is
 * keyed by (unit, decision number). The file itself lives under DATA_DIR/admission-documents/.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('admission_document')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('decision_no', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    // Relative to DATA_DIR/admission-documents/, so the data folder can move.
    .addColumn('storage_path', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('admission_document_decision')
    .on('admission_document')
    .columns(['unit_id', 'decision_no'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('admission_document').execute();
}
