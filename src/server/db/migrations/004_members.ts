import { type Kysely, sql } from 'kysely';
import { binaryText, idColumn } from './util.js';

/**
 * People (one row per identity number), their memberships of grassroots unions with dated events,
 * and introductions of outstanding members to the Party. Ethnicities, religions, informal trades and
 * education levels are dated code lists, not enums: they change by decision, not by release.
 */
const SINCE = '1900-01-01';

// The 54 ethnic groups in the statistics office's numbering (01 Kinh … 54 Rơ Măm), so exports line up
// with the official statistics forms.
const ETHNICITIES: [string, string][] = [
  ['Kinh', 'Kinh (Viet)'],
  ['Tày', 'Tay'],
  ['Thái', 'Thai'],
  ['Hoa', 'Hoa (Chinese)'],
  ['Khmer', 'Khmer'],
  ['Mường', 'Muong'],
  ['Nùng', 'Nung'],
  ['Mông', 'Hmong'],
  ['Dao', 'Dao'],
  ['Gia Rai', 'Jarai'],
  ['Ngái', 'Ngai'],
  ['Ê Đê', 'Ede'],
  ['Ba Na', 'Bahnar'],
  ['Xơ Đăng', 'Xo Dang'],
  ['Sán Chay', 'San Chay'],
  ['Cơ Ho', 'Koho'],
  ['Chăm', 'Cham'],
  ['Sán Dìu', 'San Diu'],
  ['Hrê', 'Hre'],
  ['Mnông', 'Mnong'],
  ['Ra Glai', 'Raglai'],
  ['Xtiêng', 'Stieng'],
  ['Bru - Vân Kiều', 'Bru - Van Kieu'],
  ['Thổ', 'Tho'],
  ['Giáy', 'Giay'],
  ['Cơ Tu', 'Co Tu'],
  ['Giẻ Triêng', 'Gie Trieng'],
  ['Mạ', 'Ma'],
  ['Khơ Mú', 'Khmu'],
  ['Co', 'Co'],
  ['Tà Ôi', 'Ta Oi'],
  ['Chơ Ro', 'Cho Ro'],
  ['Kháng', 'Khang'],
  ['Xinh Mun', 'Xinh Mun'],
  ['Hà Nhì', 'Ha Nhi'],
  ['Chu Ru', 'Chu Ru'],
  ['Lào', 'Lao'],
  ['La Chí', 'La Chi'],
  ['La Ha', 'La Ha'],
  ['Phù Lá', 'Phu La'],
  ['La Hủ', 'La Hu'],
  ['Lự', 'Lu'],
  ['Lô Lô', 'Lo Lo'],
  ['Chứt', 'Chut'],
  ['Mảng', 'Mang'],
  ['Pà Thẻn', 'Pa Then'],
  ['Cờ Lao', 'Co Lao'],
  ['Cống', 'Cong'],
  ['Bố Y', 'Bo Y'],
  ['Si La', 'Si La'],
  ['Pu Péo', 'Pu Peo'],
  ['Brâu', 'Brau'],
  ['Ơ Đu', 'O Du'],
  ['Rơ Măm', 'Ro Mam'],
];

const LISTS: Record<string, [string, string, string][]> = {
  ethnicity: ETHNICITIES.map(([vi, en], i) => [String(i + 1).padStart(2, '0'), vi, en]),
  religion: [
    ['NONE', 'Không', 'None'],
    ['BUDDHISM', 'Phật giáo', 'Buddhism'],
    ['CATHOLIC', 'Công giáo', 'Catholicism'],
    ['PROTESTANT', 'Tin Lành', 'Protestantism'],
    ['CAODAI', 'Cao Đài', 'Cao Dai'],
    ['HOAHAO', 'Phật giáo Hòa Hảo', 'Hoa Hao Buddhism'],
    ['ISLAM', 'Hồi giáo', 'Islam'],
    ['OTHER', 'Khác', 'Other'],
  ],
  informal_trade: [
    ['RIDER', 'Xe ôm, xe công nghệ', 'Motorbike taxi / ride-hailing driver'],
    ['SMALL_TRADER', 'Tiểu thương', 'Market trader'],
    ['RUBBER_TAPPER', 'Cạo mủ cao su', 'Rubber tapper'],
    ['DOMESTIC', 'Giúp việc gia đình', 'Domestic worker'],
    ['BUILDER', 'Thợ xây tự do', 'Freelance builder'],
    ['PORTER', 'Bốc xếp', 'Porter'],
    ['STREET_VENDOR', 'Bán hàng rong', 'Street vendor'],
    ['SEASONAL_FARM', 'Nông nghiệp thời vụ', 'Seasonal farm worker'],
    ['OTHER', 'Khác', 'Other'],
  ],
  education: [
    ['PRIMARY', 'Tiểu học', 'Primary school'],
    ['LOWER_SECONDARY', 'Trung học cơ sở', 'Lower secondary'],
    ['UPPER_SECONDARY', 'Trung học phổ thông', 'Upper secondary'],
    ['VOCATIONAL', 'Trung cấp', 'Vocational secondary'],
    ['COLLEGE', 'Cao đẳng', 'College'],
    ['UNIVERSITY', 'Đại học', 'University'],
    ['POSTGRADUATE', 'Sau đại học', 'Postgraduate'],
  ],
};

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('code_list')
    .addColumn('list', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_vi', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('code_list_pk', ['list', 'code'])
    .execute();
  await db
    .insertInto('code_list')
    .values(
      Object.entries(LISTS).flatMap(([list, rows]) =>
        rows.map(([code, vi, en], i) => ({
          list,
          code,
          name_vi: vi,
          name_en: en,
          valid_from: SINCE,
          valid_to: null,
          sort_order: i + 1,
        })),
      ),
    )
    .execute();

  // Luật Công đoàn 2024 (in force 01/07/2025): foreign workers may join a CĐCS from that day.
  await db
    .insertInto('rule_setting')
    .values({
      key: 'membership.foreign_allowed_from',
      value: '2025-07-01',
      // From the earliest date a legacy admission can carry, so no decision date falls outside the rule.
      valid_from: SINCE,
      valid_to: null,
      note: 'Luật Công đoàn 50/2024/QH15: người lao động nước ngoài được gia nhập CĐCS từ 01/07/2025',
    })
    .execute();

  await db.schema
    .createTable('person')
    .addColumn('id', 'integer', idColumn(db))
    // HMAC of the normalised number under the server's data key: finds "the same person" without
    // storing the number in a form that can be read or brute-forced from a database dump alone.
    // Null once anonymised.
    .addColumn('cccd_hash', 'text')
    .addColumn('cccd_enc', 'text')
    .addColumn('cccd_masked', 'text', (c) => c.notNull())
    .addColumn('cccd_kind', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('full_name_folded', 'text', (c) => c.notNull())
    .addColumn('sort_key', binaryText(db), (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('ethnicity_code', 'text')
    .addColumn('religion_code', 'text')
    .addColumn('nationality', 'text', (c) => c.notNull().defaultTo('VN'))
    // Binary-collated so a prefix search is an index range on both databases.
    .addColumn('phone', binaryText(db))
    .addColumn('address', 'text')
    .addColumn('admin_area_code', 'text')
    .addColumn('admin_area_name', 'text')
    .addColumn('education_code', 'text')
    .addColumn('occupation', 'text')
    .addColumn('employer_enterprise_id', 'integer', (c) => c.references('enterprise.id'))
    .addColumn('informal_trade_code', 'text')
    .addColumn('social_insurance_no', 'text')
    .addColumn('anonymised_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('person_cccd_hash').on('person').column('cccd_hash').unique().execute();
  await db.schema.createIndex('person_sort_key').on('person').columns(['sort_key', 'id']).execute();
  await db.schema.createIndex('person_phone').on('person').column('phone').execute();
  await db.schema.createIndex('person_employer').on('person').column('employer_enterprise_id').execute();

  await db.schema
    .createTable('membership')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('informal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('foreign', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('application_date', 'text')
    // The admission decision's date; a continuing membership after a transfer keeps the original one.
    .addColumn('admitted_on', 'text', (c) => c.notNull())
    .addColumn('decision_no', 'text')
    .addColumn('ceremony_date', 'text')
    // The day this membership began in this unit: the admission, or the transfer that brought it here.
    // "Members on date D" is started_on <= D < ended_on.
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('card_no', 'text')
    .addColumn('card_issued_on', 'text')
    .addColumn('ended_on', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('transferred_from_id', 'integer', (c) => c.references('membership.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('membership_unit_status').on('membership').columns(['unit_id', 'status']).execute();
  await db.schema.createIndex('membership_person').on('membership').column('person_id').execute();
  await db.schema.createIndex('membership_admitted').on('membership').column('admitted_on').execute();
  await db.schema.createIndex('membership_ended').on('membership').column('ended_on').execute();
  // One active membership per person, whatever the application does: two officers admitting the
  // same person at the same moment get a conflict, not a duplicate.
  await db.schema
    .createIndex('membership_one_active')
    .on('membership')
    .column('person_id')
    .unique()
    .where(sql.ref('status'), '=', sql.lit('active'))
    .execute();

  await db.schema
    .createTable('membership_event')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('membership_id', 'integer', (c) => c.notNull().references('membership.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('event_date', 'text', (c) => c.notNull())
    .addColumn('decision_no', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('related_unit_id', 'integer', (c) => c.references('org_unit.id'))
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('membership_event_membership')
    .on('membership_event')
    .columns(['membership_id', 'event_date'])
    .execute();

  await db.schema
    .createTable('party_introduction')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('membership_id', 'integer', (c) => c.notNull().references('membership.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('introduced_on', 'text', (c) => c.notNull())
    .addColumn('party_organisation', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('party_introduction_unit')
    .on('party_introduction')
    .columns(['unit_id', 'introduced_on'])
    .execute();
  await db.schema.createIndex('party_introduction_person').on('party_introduction').column('person_id').execute();

  // The fingerprint of the data key this database was set up with: a server started with another
  // key would otherwise write hashes that never match the existing ones (silent duplicates).
  await db.schema
    .createTable('data_key_check')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['data_key_check', 'party_introduction', 'membership_event', 'membership', 'person', 'code_list']) {
    await db.schema.dropTable(t).execute();
  }
  await db.deleteFrom('rule_setting').where('key', '=', 'membership.foreign_allowed_from').execute();
}
