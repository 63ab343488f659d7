import type { Kysely } from 'kysely';
import { idColumn } from './util.js';

/**
 * Values as offices write them. `code_alias` holds the spellings that mean an entry of a list (an ownership
 * kind, an ethnic group, a gender, a religion, an informal trade) — dated configuration like the lists:
 * a federation adds a spelling it meets by a new row, not by a release. Imports match a cell against the
 * entry's names and these aliases after folding (marks, case, punctuation and spaces ignored).
 *
 * `import_mapping.value_mapping` remembers, per unit, kind and source, what the person said an unknown
 * spelling means (as the column mapping is remembered). `import_batch.failure` says why a batch failed
 * ('interrupted': the process stopped while it ran).
 */
const SINCE = '1900-01-01';

// list → code → spellings seen in real lists. Codes: ownership_type.code, code_list codes (ethnicity in the
// statistics office's numbering: 01 Kinh, 04 Hoa, 05 Khmer, 22 Xtiêng…), genders 'male' / 'female'.
const ALIASES: Record<string, Record<string, string[]>> = {
  ownership: {
    STATE: ['Nhà nước', 'DNNN', 'Doanh nghiệp nhà nước', 'Công ty nhà nước', 'Quốc doanh'],
    PRIVATE: [
      'DNTN',
      'Doanh nghiệp tư nhân',
      'Tư nhân',
      'TNHH',
      'Cty TNHH',
      'Công ty TNHH',
      'TNHH MTV',
      'TNHH 1TV',
      'TNHH 2TV',
      'CP',
      'Cổ phần',
      'Cty CP',
      'Công ty cổ phần',
      'CTCP',
      'Ngoài nhà nước',
      'Ngoài quốc doanh',
      'NQD',
    ],
    FDI: [
      'FDI',
      'DN FDI',
      'Vốn nước ngoài',
      'Có vốn nước ngoài',
      'Vốn ĐTNN',
      'Có vốn ĐTNN',
      'Đầu tư nước ngoài',
      '100% vốn nước ngoài',
      'Liên doanh',
    ],
    COOP: ['HTX', 'Hợp tác xã', 'Liên hiệp HTX'],
    HOUSEHOLD: ['Hộ kinh doanh', 'Hộ KD', 'HKD', 'Hộ cá thể'],
    OTHER: ['Khác'],
  },
  ethnicity: {
    '01': ['Việt', 'Kinh (Việt)', 'Người Kinh'],
    '02': ['Người Tày'],
    '03': ['Người Thái'],
    '04': ['Người Hoa', 'Hán'],
    '05': ['Khơ-me', 'Khơ me', 'Khơme', 'Khmer Krom', 'Miên'],
    '06': ['Người Mường'],
    '07': ['Người Nùng'],
    '08': ["H'Mông", 'Hmông', 'Mèo'],
    '10': ['Jrai', 'Gia-rai', 'Giarai'],
    '12': ['Ê-đê', 'Êđê', 'Ê Đê', 'Rađê'],
    '13': ['Bana', 'Ba-na', 'Bahnar'],
    '16': ["K'Ho", 'Cơ-ho', 'Kơho'],
    '17': ['Chàm'],
    '20': ["M'nông", 'Mơ Nông', 'M nông', 'Mnông'],
    '21': ['Raglai', 'Ra-glai'],
    '22': ["S'tiêng", 'Stiêng', 'Xa Điêng', 'Xtiêng'],
    '23': ['Bru', 'Vân Kiều', 'Bru Vân Kiều'],
    '28': ['Châu Mạ'],
    '29': ['Khmú', 'Xá Cẩu'],
    '32': ['Châu Ro', 'Chơ-ro'],
  },
  gender: {
    male: ['Nam', 'nam', 'Nam giới', 'M', 'Male', 'Trai', 'Ông'],
    female: ['Nữ', 'nu', 'Nữ giới', 'F', 'Female', 'Gái', 'Bà'],
  },
  religion: {
    NONE: ['Không tôn giáo', 'Không có', 'KTG', '-', 'Không'],
    BUDDHISM: ['Phật', 'Đạo Phật'],
    CATHOLIC: ['Thiên Chúa', 'Thiên Chúa giáo', 'Đạo Thiên Chúa', 'Công giáo La Mã'],
    PROTESTANT: ['Tin lành', 'Đạo Tin Lành'],
    CAODAI: ['Đạo Cao Đài'],
    HOAHAO: ['Hòa Hảo', 'Hoà Hảo'],
  },
  informal_trade: {
    RIDER: ['Xe ôm', 'Xe công nghệ', 'Tài xế công nghệ', 'Grab'],
    SMALL_TRADER: ['Buôn bán nhỏ', 'Kinh doanh nhỏ', 'Tiểu thương chợ'],
    RUBBER_TAPPER: ['Cạo mủ', 'Công nhân cạo mủ', 'Cạo mủ cao su'],
    DOMESTIC: ['Giúp việc', 'Osin'],
    BUILDER: ['Thợ hồ', 'Phụ hồ', 'Thợ xây'],
    PORTER: ['Bốc vác', 'Khuân vác'],
    STREET_VENDOR: ['Bán rong', 'Hàng rong'],
    SEASONAL_FARM: ['Làm nông', 'Làm rẫy', 'Làm thuê thời vụ'],
  },
};

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('code_alias')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('list', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .execute();
  await db.schema.createIndex('code_alias_list').on('code_alias').columns(['list', 'code']).execute();
  await db
    .insertInto('code_alias')
    .values(
      Object.entries(ALIASES).flatMap(([list, codes]) =>
        Object.entries(codes).flatMap(([code, aliases]) =>
          aliases.map((alias) => ({ list, code, alias, valid_from: SINCE, valid_to: null })),
        ),
      ),
    )
    .execute();
  await db.schema
    .alterTable('import_mapping')
    .addColumn('value_mapping', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.alterTable('import_batch').addColumn('failure', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_batch').dropColumn('failure').execute();
  await db.schema.alterTable('import_mapping').dropColumn('value_mapping').execute();
  await db.schema.dropTable('code_alias').execute();
}
