import type { Kysely } from 'kysely';
import { idColumn } from './util.js';

/**
 * A possible transfer: somebody tried to admit (by hand, by import, or by a worker's own application)
 * a person who is an active member of another unit. The attempt itself is refused and writes nothing;
 * this note is what lets the unit that holds the member see it too, until a transfer or a dismissal
 * closes it. One open note per person and requesting unit.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('possible_transfer')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('holding_membership_id', 'integer', (c) => c.notNull().references('membership.id'))
    .addColumn('holding_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('requesting_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    /** 'admission' | 'import' | 'application' */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'integer')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    /** 'transferred' | 'dismissed' */
    .addColumn('resolution', 'text')
    .addColumn('closed_by', 'integer')
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('possible_transfer_holding')
    .on('possible_transfer')
    .columns(['holding_unit_id', 'closed_at'])
    .execute();
  await db.schema
    .createIndex('possible_transfer_requesting')
    .on('possible_transfer')
    .columns(['requesting_unit_id', 'closed_at'])
    .execute();
  await db.schema.createIndex('possible_transfer_person').on('possible_transfer').column('person_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('possible_transfer').execute();
}
