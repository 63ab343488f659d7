import type { Kysely } from 'kysely';
import { idColumn } from './util.js';

/**
 * The texts a unit's official documents print in their header and signature (issue 12 §4), dated like the
 * tree, since a rename or the 2025 reorganisation changes them from a day on while older documents keep
 * theirs. A document takes the row in force on its own date, half-open [valid_from, valid_to); with none
 * it derives the header from the tree (documents.repository.ts). Null columns fall back the same way.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document_header')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    /** "LĐLĐ TỈNH BÌNH PHƯỚC"; null: the parent's name of the day; '' : no superior line. */
    .addColumn('superior_text', 'text')
    /** "LĐLĐ HUYỆN PHÚ RIỀNG"; null: the unit's name of the day in capitals. */
    .addColumn('issuer_text', 'text')
    /** Right column; null: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "Độc lập - Tự do - Hạnh phúc". */
    .addColumn('national_text', 'text')
    .addColumn('motto_text', 'text')
    /** The signer forms used when a document leaves them empty: "TM. BAN THƯỜNG VỤ", "CHỦ TỊCH". */
    .addColumn('signer_authority', 'text')
    .addColumn('signer_position', 'text')
    /** JSON array of recipients used when a document lists none. */
    .addColumn('recipients', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('document_header_unit')
    .on('document_header')
    .columns(['unit_id', 'valid_from'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_header').execute();
}
