import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { ANONYMISED_MASK, type ZAnonymiseInput } from '../../../shared/members/contract.js';
import {
  GENDER_LABELS,
  ID_KIND_LABELS,
  labelOf,
  MEMBERSHIP_EVENT_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  PARTY_STATUS_LABELS,
} from '../../../shared/members/labels.js';
import { fold, formatViDate, personSortKey } from '../../../shared/text/index.js';
import type { Db } from '../../db/database.js';
import { audit } from '../../platform/audit.js';
import { codeNames } from '../../platform/code-lists.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { contentDisposition } from '../../platform/files.js';
import { type Actor, isUnitInScope, requireScope, type Scope, unitInScope } from '../../platform/scope.js';
import { checkedDataKeys, decrypt } from '../../platform/secrets.js';
import { viDateTime } from './members.export.js';
import { sensitiveAccess } from './members.presenter.js';
import * as repo from './members.repository.js';

/**
 * The data subject's rights (Law 91/2025/QH15): a copy of everything held about them, and erasure by
 * anonymisation — the person's identity goes, the membership facts the reports count stay.
 */

const vi = (iso: string | null | undefined) => (iso ? formatViDate(iso) : '');

/** A membership the caller can read, with its person; anonymised people have nothing left to give. */
async function readableMember(ctx: AppContext, actor: Actor, membershipId: number) {
  const scope = await requireScope(ctx.db, actor, 'record.read');
  const row = await repo.findMember(ctx.db, scope, membershipId);
  if (!row) throw new AppError('NOT_FOUND');
  return { row, scope };
}

function table(ws: ExcelJS.Worksheet, header: string[], rows: (string | number)[][]) {
  const h = ws.addRow(header);
  h.font = { bold: true };
  for (const r of rows) ws.addRow(r);
  if (rows.length === 0) ws.addRow(['(không có)']);
}

/**
 * Everything held about the person, for handing to them on request. It holds the identity number in
 * clear and the sensitive fields, so it needs sensitive.read over the member's unit and is audited.
 * Memberships, events and Party introductions are those in the caller's own scope.
 */
export async function personalDataExport(ctx: AppContext, actor: Actor, membershipId: number) {
  const { row, scope } = await readableMember(ctx, actor, membershipId);
  if (!(await sensitiveAccess(ctx.db, actor, row.unit_id))) throw new AppError('FORBIDDEN');
  const db = ctx.db;
  const p = await db.selectFrom('person').selectAll().where('id', '=', row.person_id).executeTakeFirstOrThrow();
  if (p.anonymised_at) throw new AppError('MEMBER_ANONYMISED');
  const cccd = p.cccd_enc ? decrypt(await checkedDataKeys(db, ctx.config), p.cccd_enc) : '';
  const names = await codeNames(db);

  const memberships = await repo
    .memberBase(db, scope)
    .select(['m.end_reason', 'm.application_date', 'm.ceremony_date'])
    .where('m.person_id', '=', p.id)
    .orderBy('m.started_on')
    .orderBy('m.id')
    .execute();
  const events: (string | number)[][] = [];
  for (const m of memberships) {
    for (const e of await repo.eventsOf(db, m.id)) {
      // The other end of a transfer may lie outside the caller's scope: then it stays unnamed.
      const related =
        e.related_unit_id !== null && (await isUnitInScope(db, e.related_unit_id, scope))
          ? (e.related_unit_name ?? '')
          : '';
      events.push([
        m.unit_name,
        vi(e.event_date),
        labelOf(MEMBERSHIP_EVENT_LABELS, e.kind),
        e.decision_no ?? '',
        vi(e.decision_date),
        related,
        e.note ?? '',
      ]);
    }
  }
  const party = await repo
    .partyBase(db, await requireScope(db, actor, 'sensitive.read'))
    .where('pi.person_id', '=', p.id)
    .orderBy('pi.introduced_on')
    .orderBy('pi.id')
    .execute();
  const applications = await consentsOf(
    db,
    scope,
    p.cccd_hash,
    memberships.map((m) => m.id),
  );

  const exportedAt = viDateTime(ctx.config.timeZone);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Đoàn Viên';
  const info = wb.addWorksheet('Thông tin cá nhân');
  info.columns = [{ width: 32 }, { width: 60 }];
  const title = info.addRow([`DỮ LIỆU CÁ NHÂN ĐANG LƯU VỀ ${p.full_name.toUpperCase()}`]);
  title.font = { bold: true, size: 13 };
  info.addRow([`Cung cấp theo yêu cầu của chủ thể dữ liệu (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15)`]);
  info.addRow([`Xuất lúc ${exportedAt} bởi ${actor.fullName} (${actor.username})`]);
  info.addRow([]);
  table(
    info,
    ['Thông tin', 'Giá trị'],
    [
      ['Họ và tên', p.full_name],
      ['Ngày sinh', vi(p.birth_date)],
      ['Giới tính', labelOf(GENDER_LABELS, p.gender)],
      ['Loại giấy tờ', labelOf(ID_KIND_LABELS, p.cccd_kind)],
      ['Số giấy tờ', cccd],
      ['Quốc tịch', p.nationality],
      ['Dân tộc', names('ethnicity', p.ethnicity_code)],
      ['Tôn giáo', names('religion', p.religion_code)],
      ['Điện thoại', p.phone ?? ''],
      ['Địa chỉ', p.address ?? ''],
      ['Xã/phường', [p.admin_area_name, p.admin_area_code && `(mã ${p.admin_area_code})`].filter(Boolean).join(' ')],
      ['Trình độ học vấn', names('education', p.education_code)],
      ['Nghề nghiệp', p.occupation ?? ''],
      ['Nơi làm việc', row.employer_name ?? ''],
      ['Nghề lao động tự do', names('informal_trade', p.informal_trade_code)],
      ['Số sổ BHXH', p.social_insurance_no ?? ''],
      ['Hồ sơ tạo lúc (UTC)', p.created_at],
      ['Cập nhật gần nhất (UTC)', p.updated_at],
    ],
  );

  const history = wb.addWorksheet('Quá trình');
  history.columns = [
    { width: 32 },
    { width: 18 },
    { width: 14 },
    { width: 16 },
    { width: 14 },
    { width: 14 },
    { width: 30 },
    { width: 14 },
    { width: 14 },
  ];
  history.addRow(['CÁC LẦN SINH HOẠT CÔNG ĐOÀN']).font = { bold: true };
  table(
    history,
    [
      'Đơn vị',
      'Trạng thái',
      'Ngày kết nạp',
      'Số QĐ',
      'Bắt đầu sinh hoạt',
      'Kết thúc',
      'Lý do kết thúc',
      'Số thẻ',
      'Ngày cấp thẻ',
    ],
    memberships.map((m) => [
      m.unit_name,
      labelOf(MEMBERSHIP_STATUS_LABELS, m.status),
      vi(m.admitted_on),
      m.decision_no ?? '',
      vi(m.started_on),
      vi(m.ended_on),
      m.end_reason ?? '',
      m.card_no ?? '',
      vi(m.card_issued_on),
    ]),
  );
  history.addRow([]);
  history.addRow(['CÁC SỰ KIỆN']).font = { bold: true };
  table(history, ['Đơn vị', 'Ngày', 'Sự kiện', 'Số QĐ', 'Ngày QĐ', 'Đơn vị liên quan', 'Ghi chú'], events);

  const partySheet = wb.addWorksheet('Giới thiệu Đảng');
  partySheet.columns = [{ width: 32 }, { width: 14 }, { width: 32 }, { width: 22 }, { width: 14 }, { width: 40 }];
  table(
    partySheet,
    ['Đơn vị giới thiệu', 'Ngày giới thiệu', 'Tổ chức Đảng', 'Kết quả', 'Ngày kết quả', 'Ghi chú'],
    party.map((x) => [
      x.unit_name,
      vi(x.introduced_on),
      x.party_organisation,
      labelOf(PARTY_STATUS_LABELS, x.status),
      vi(x.status_date),
      x.note ?? '',
    ]),
  );

  const consent = wb.addWorksheet('Đơn và sự đồng ý');
  consent.columns = [{ width: 22 }, { width: 16 }, { width: 14 }, { width: 22 }, { width: 66 }];
  table(
    consent,
    ['Nộp đơn lúc (UTC)', 'Trạng thái đơn', 'Phiên bản nội dung', 'Đồng ý lúc (UTC)', 'Mã băm nội dung đã đồng ý'],
    applications.map((a) => [a.submitted_at, a.status, a.consent_version, a.consent_at, a.consent_hash]),
  );

  await audit(db, actor, {
    action: 'member.personal_data_export',
    entity: 'person',
    entityId: p.id,
    unitId: row.unit_id,
    after: { membershipId, cccdMasked: p.cccd_masked },
  });
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  const day = exportedAt.slice(0, 10).split('/').reverse().join('-');
  return {
    buffer,
    disposition: contentDisposition(
      `Dữ liệu cá nhân ${p.full_name} ${day}.xlsx`,
      'attachment',
      `du-lieu-ca-nhan-${p.id}-${day}.xlsx`,
    ),
  };
}

/** The person's self-applications (with the consent they gave) at units of the scope. */
async function consentsOf(db: Db, scope: Scope, cccdHash: string | null, membershipIds: number[]) {
  if (!cccdHash && membershipIds.length === 0) return [];
  return db
    .selectFrom('application as a')
    .select(['a.id', 'a.submitted_at', 'a.status', 'a.consent_version', 'a.consent_at', 'a.consent_hash'])
    .where((eb) => unitInScope(eb, 'a.unit_id', scope))
    .where((eb) =>
      eb.or([
        ...(cccdHash ? [eb('a.cccd_hash', '=', cccdHash)] : []),
        ...(membershipIds.length ? [eb('a.membership_id', 'in', membershipIds)] : []),
      ]),
    )
    .orderBy('a.submitted_at')
    .execute();
}

// ---------------------------------------------------------------- anonymisation

/** Keys of earlier audit entries about the person whose values identify them or are free text. */
const IDENTIFYING_KEYS = new Set([
  'fullName',
  'full_name',
  'phone',
  'cccdMasked',
  'cccd_masked',
  'address',
  'birthDate',
  'birth_date',
  'socialInsuranceNo',
  'social_insurance_no',
  'cardNo',
  'card_no',
  'workplace',
  'occupation',
  'note',
  'reason',
]);
function redact(json: string | null): string | null {
  if (json === null) return null;
  try {
    return JSON.stringify(JSON.parse(json), (k, v) => (IDENTIFYING_KEYS.has(k) && v !== null ? ANONYMISED_MASK : v));
  } catch {
    return null;
  }
}

/** Mid-year of the birth year: keeps age bands right to within six months, without the birthday. */
export const anonymisedBirthDate = (birthDate: string) => `${birthDate.slice(0, 4)}-07-01`;

/**
 * Irreversibly removes what identifies the person (name, identity number and its lookup hash, phone,
 * address, social insurance number, ethnicity, religion, occupation, the day and month of birth, free
 * text notes, card numbers), keeping what the reports count: gender, nationality, birth year, the
 * memberships (unit, dates, status, informal, foreign) and Party introductions. With the hash gone,
 * the same identity number can later be admitted again, as a new person. Needs person.erase over every
 * unit the person was ever a member of: a district cannot erase another district's history.
 */
export async function anonymise(
  ctx: AppContext,
  actor: Actor,
  membershipId: number,
  input: z.output<typeof ZAnonymiseInput>,
) {
  const { row } = await readableMember(ctx, actor, membershipId);
  const eraseScope = await requireScope(ctx.db, actor, 'person.erase');
  const db = ctx.db;
  const memberships = await db
    .selectFrom('membership')
    .select(['id', 'unit_id'])
    .where('person_id', '=', row.person_id)
    .execute();
  for (const unitId of new Set(memberships.map((m) => m.unit_id))) {
    // Refused without saying where: the other unit is not the caller's to know.
    if (!(await isUnitInScope(db, unitId, eraseScope))) throw new AppError('MEMBER_ERASE_OUT_OF_SCOPE');
  }
  const person = await db
    .selectFrom('person')
    .select(['id', 'anonymised_at', 'birth_date'])
    .where('id', '=', row.person_id)
    .executeTakeFirstOrThrow();
  if (person.anonymised_at) throw new AppError('MEMBER_ALREADY_ANONYMISED');

  const ids = memberships.map((m) => m.id);
  const now = new Date().toISOString();
  const placeholder = `${ANONYMISED_MASK} #${person.id}`;
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('person')
      .set({
        full_name: placeholder,
        full_name_folded: fold(placeholder),
        sort_key: personSortKey(placeholder),
        cccd_hash: null,
        cccd_enc: null,
        cccd_masked: ANONYMISED_MASK,
        birth_date: anonymisedBirthDate(person.birth_date),
        phone: null,
        address: null,
        admin_area_code: null,
        admin_area_name: null,
        social_insurance_no: null,
        ethnicity_code: null,
        religion_code: null,
        occupation: null,
        anonymised_at: now,
        updated_at: now,
      })
      .where('id', '=', person.id)
      // Two requests at once: only one of them anonymises, the other gets the 409.
      .where('anonymised_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('MEMBER_ALREADY_ANONYMISED');

    // A card number identifies its holder as well as a name does; "a card was issued" stays countable.
    await trx
      .updateTable('membership')
      .set({ card_no: ANONYMISED_MASK, updated_at: now })
      .where('person_id', '=', person.id)
      .where('card_no', 'is not', null)
      .execute();
    // Free-text reasons may hold health or discipline details; a transfer's is the system's own words.
    await trx
      .updateTable('membership')
      .set({ end_reason: null, updated_at: now })
      .where('person_id', '=', person.id)
      .where('status', '!=', 'transferred')
      .execute();
    await trx.updateTable('membership_event').set({ note: null }).where('membership_id', 'in', ids).execute();
    const party = await trx
      .updateTable('party_introduction')
      .set({ note: null, updated_at: now })
      .where('person_id', '=', person.id)
      .returning('id')
      .execute();
    await trx.updateTable('possible_transfer').set({ note: null }).where('person_id', '=', person.id).execute();
    const applications = await trx
      .updateTable('application')
      .set({
        full_name: placeholder,
        full_name_folded: fold(placeholder),
        birth_date: anonymisedBirthDate(person.birth_date),
        cccd_hash: null,
        cccd_enc: null,
        cccd_masked: ANONYMISED_MASK,
        cccd_warnings: '[]',
        phone: '',
        workplace: null,
      })
      .where('membership_id', 'in', ids)
      .returning('id')
      .execute();
    // An import's undo snapshots are copies of the erased data (undoing that import is refused anyway:
    // the person changed after it).
    await trx
      .updateTable('import_change')
      .set({ before_json: null })
      .where((eb) =>
        eb.or([
          eb.and([eb('entity', '=', 'person'), eb('entity_id', '=', person.id)]),
          eb.and([eb('entity', '=', 'membership'), eb('entity_id', 'in', ids)]),
        ]),
      )
      .execute();
    await redactAuditTrail(trx, [
      ['person', [person.id]],
      ['membership', ids],
      ['party_introduction', party.map((x) => x.id)],
      ['application', applications.map((x) => x.id)],
    ]);
    await audit(trx, actor, {
      action: 'member.anonymise',
      entity: 'person',
      entityId: person.id,
      unitId: row.unit_id,
      after: { reason: input.reason, membershipIds: ids },
    });
  });
  return { personId: person.id, anonymisedAt: now, membershipsKept: ids.length };
}

/**
 * Earlier audit entries about the person keep who did what and when, but lose the values that
 * identify the person: otherwise the audit screen would still show the erased name.
 */
async function redactAuditTrail(trx: Db, targets: [string, number[]][]) {
  for (const [entity, idList] of targets) {
    if (idList.length === 0) continue;
    const rows = await trx
      .selectFrom('audit_log')
      .select(['id', 'before_json', 'after_json'])
      .where('entity', '=', entity)
      .where('entity_id', 'in', idList.map(String))
      .execute();
    for (const r of rows) {
      await trx
        .updateTable('audit_log')
        .set({ before_json: redact(r.before_json), after_json: redact(r.after_json) })
        .where('id', '=', r.id)
        .execute();
    }
  }
}
