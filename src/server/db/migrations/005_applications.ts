import { type Kysely, sql } from 'kysely';
import { binaryText, idColumn } from './util.js';

/**
 * Self-application (admission path 2): a unit's public apply link (the QR poster), the consent text
 * a worker agrees to (dated configuration, as the wording changes by law, not by release), the
 * applications waiting for an officer, and the submission attempts the rate limit counts.
 */

// Law 91/2025/QH15 on personal data protection, in force 01/01/2026. {unit} is the union unit named
// on the link, filled in when the text is shown and when its hash is stored with the application.
const CONSENT_2026_01 = {
  version: '2026-01',
  valid_from: '2026-01-01',
  valid_to: null,
  purpose_vi:
    'Xem xét đơn xin gia nhập Công đoàn Việt Nam của bạn; nếu được kết nạp, quản lý đoàn viên và liên hệ với bạn về hoạt động công đoàn.',
  data_vi:
    'Họ và tên, ngày sinh, giới tính, số căn cước công dân (CCCD), số điện thoại, nơi làm việc hoặc nghề lao động tự do mà bạn điền trong đơn này. Số CCCD được mã hoá khi lưu và chỉ hiển thị che bớt.',
  controller_vi:
    '{unit} (đơn vị nhận đơn) và các cấp công đoàn cấp trên trực tiếp quản lý đơn vị này. Dữ liệu không được chuyển cho bên ngoài tổ chức công đoàn.',
  rights_vi:
    'Bạn có quyền được biết, xem và yêu cầu sửa dữ liệu của mình; rút lại sự đồng ý bất cứ lúc nào; yêu cầu xoá dữ liệu khi đơn không được chấp nhận hoặc khi bạn rút đơn; khiếu nại theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15. Để thực hiện các quyền này, hãy liên hệ trực tiếp {unit} hoặc cán bộ công đoàn đã giới thiệu đường link này.',
  purpose_en:
    'To consider your application to join the Vietnam Trade Union; if you are admitted, to manage your membership and contact you about union activities.',
  data_en:
    'Full name, date of birth, gender, citizen identity number (CCCD), phone number, workplace or informal trade as entered in this form. The CCCD is stored encrypted and shown only masked.',
  controller_en:
    '{unit} (the unit receiving the application) and the union units directly above it. The data is not passed outside the trade union.',
  rights_en:
    'You may be informed of, see and ask to correct your data; withdraw your consent at any time; ask for erasure when the application is not accepted or when you withdraw it; and complain under the Personal Data Protection Law 91/2025/QH15. To exercise these rights, contact {unit} or the union officer who gave you this link.',
};

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('apply_link')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    // 128 random bits, base64url: the link is the only thing a bot could guess, so it must not be guessable.
    .addColumn('token', binaryText(db), (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'integer')
    .execute();
  await db.schema.createIndex('apply_link_token').on('apply_link').column('token').unique().execute();
  // One link in force per unit: rotating revokes the old one in the same transaction.
  await db.schema
    .createIndex('apply_link_one_active')
    .on('apply_link')
    .column('unit_id')
    .unique()
    .where(sql.ref('revoked_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('consent_text')
    .addColumn('version', 'text', (c) => c.primaryKey())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('purpose_vi', 'text', (c) => c.notNull())
    .addColumn('data_vi', 'text', (c) => c.notNull())
    .addColumn('controller_vi', 'text', (c) => c.notNull())
    .addColumn('rights_vi', 'text', (c) => c.notNull())
    .addColumn('purpose_en', 'text', (c) => c.notNull())
    .addColumn('data_en', 'text', (c) => c.notNull())
    .addColumn('controller_en', 'text', (c) => c.notNull())
    .addColumn('rights_en', 'text', (c) => c.notNull())
    .execute();
  // Before the law took effect (01/01/2026) Decree 13/2023/NĐ-CP governed: the same request for explicit
  // consent, citing the rule then in force.
  const CONSENT_2025_07 = {
    ...CONSENT_2026_01,
    version: '2025-07',
    valid_from: '2000-01-01',
    valid_to: '2026-01-01',
    rights_vi: CONSENT_2026_01.rights_vi.replace(
      'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15',
      'Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân',
    ),
    rights_en: CONSENT_2026_01.rights_en.replace(
      'the Personal Data Protection Law 91/2025/QH15',
      'Decree 13/2023/ND-CP on personal data protection',
    ),
  };
  await db.insertInto('consent_text').values([CONSENT_2025_07, CONSENT_2026_01]).execute();

  await db.schema
    .createTable('application')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('link_id', 'integer', (c) => c.notNull().references('apply_link.id'))
    // The link's unit: whose queue it lands in (a CĐCS, or a federation unit for workers without one).
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('full_name_folded', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    // As person: HMAC for "same person", AES-GCM for the number itself, and the masked form for screens.
    .addColumn('cccd_hash', 'text')
    .addColumn('cccd_enc', 'text')
    .addColumn('cccd_masked', 'text', (c) => c.notNull())
    .addColumn('cccd_kind', 'text', (c) => c.notNull())
    /** JSON array of messages where the number disagrees with birth date or gender: for the reviewer. */
    .addColumn('cccd_warnings', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('workplace', 'text')
    .addColumn('informal_trade_code', 'text')
    .addColumn('consent_version', 'text', (c) => c.notNull().references('consent_text.version'))
    .addColumn('consent_at', 'text', (c) => c.notNull())
    /** SHA-256 of the exact text shown (unit name filled in): proves what was agreed to. */
    .addColumn('consent_hash', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    /** The calendar day of submission in the app's time zone: the admission's application date. */
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'integer')
    .addColumn('reject_reason', 'text')
    .addColumn('membership_id', 'integer', (c) => c.references('membership.id'))
    .execute();
  await db.schema
    .createIndex('application_unit_status')
    .on('application')
    .columns(['unit_id', 'status', 'submitted_at'])
    .execute();
  await db.schema.createIndex('application_cccd').on('application').column('cccd_hash').execute();
  // The same person cannot have two pending applications at one unit (a double tap, a second try).
  await db.schema
    .createIndex('application_one_pending')
    .on('application')
    .columns(['unit_id', 'cccd_hash'])
    .unique()
    .where(sql.ref('status'), '=', sql.lit('pending'))
    .execute();

  // Submissions counted for the rate limit, by a hash of the address (no need to keep the address itself).
  await db.schema
    .createTable('apply_attempt')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('ip_hash', 'text', (c) => c.notNull())
    .addColumn('link_id', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    // 1 = a form that passed the checks (or a bot caught by the honeypot), 0 = a form sent back with errors.
    .addColumn('ok', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('apply_attempt_ip').on('apply_attempt').columns(['ip_hash', 'at']).execute();
  await db.schema.createIndex('apply_attempt_link').on('apply_attempt').columns(['link_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['apply_attempt', 'application', 'consent_text', 'apply_link']) {
    await db.schema.dropTable(t).execute();
  }
}
