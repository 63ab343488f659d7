import type { Kysely } from 'kysely';
import { maskCccd, validateCccd, validatePhone } from '../../../shared/ids/index.js';
import { fold, formatViDate, personSortKey } from '../../../shared/text/index.js';
import type { Database } from '../../db/schema.js';
import { type CodeListName, codesOn } from '../../platform/code-lists.js';
import type { AppContext } from '../../platform/context.js';
import type { CellValue, FieldSpec } from '../../platform/import/index.js';
import { type EnumOption, parseDate, parseEnum, parseText, type ValueParser } from '../../platform/import/values.js';
import { type Actor, isUnitInScope, type Scope } from '../../platform/scope.js';
import { checkedDataKeys, encrypt, lookupHash } from '../../platform/secrets.js';
import type { Change, Existing, ImportSpec } from '../imports/import.engine.js';
import type { Conflict } from './members.notices.js';

/**
 * Member lists into ONE grassroots union, with the column spellings Vietnamese member lists use.
 * The key is the HMAC of the CCCD (never the number itself, which is shown masked). A person active in
 * another unit is a possible transfer and is rejected; one active here is updated or skipped; one with
 * no active membership is re-admitted on the same person row.
 */
export const MEMBER_FIELDS = [
  { key: 'fullName', label: 'Họ và tên', synonyms: ['Họ tên', 'Họ và tên đoàn viên', 'Tên đoàn viên'], required: true },
  { key: 'birthDate', label: 'Ngày sinh', synonyms: ['Ngày tháng năm sinh', 'Ngày, tháng, năm sinh', 'Sinh ngày'] },
  { key: 'birthYear', label: 'Năm sinh', synonyms: [] },
  // The classic layout: "Ngày sinh" merged over two columns "Nam" | "Nữ", the date (or an x) written in one.
  { key: 'birthMale', label: 'Nam', synonyms: ['Ngày sinh Nam', 'Năm sinh Nam', 'Ngày tháng năm sinh Nam'] },
  { key: 'birthFemale', label: 'Nữ', synonyms: ['Ngày sinh Nữ', 'Năm sinh Nữ', 'Ngày tháng năm sinh Nữ'] },
  { key: 'gender', label: 'Giới tính', synonyms: ['Giới', 'Phái', 'Nam/Nữ', 'Nam nữ'] },
  {
    key: 'cccd',
    label: 'Số CCCD',
    synonyms: [
      'CCCD',
      'Số căn cước',
      'Số căn cước công dân',
      'Số định danh',
      'Số định danh cá nhân',
      'CMND',
      'Số CMND',
      'CMND/CCCD',
      'Số CMND/CCCD',
      'CCCD/CMND',
    ],
    required: true,
  },
  { key: 'ethnicity', label: 'Dân tộc', synonyms: [] },
  { key: 'religion', label: 'Tôn giáo', synonyms: [] },
  { key: 'phone', label: 'Số điện thoại', synonyms: ['Điện thoại', 'SĐT', 'ĐT', 'Di động'] },
  {
    key: 'address',
    label: 'Địa chỉ',
    synonyms: ['Quê quán', 'Nơi ở', 'Nơi ở hiện nay', 'Chỗ ở hiện nay', 'Hộ khẩu thường trú', 'Nơi thường trú'],
  },
  { key: 'occupation', label: 'Nghề nghiệp', synonyms: ['Công việc', 'Công việc đang làm', 'Nghề nghiệp, công việc'] },
  {
    key: 'admittedOn',
    label: 'Ngày vào công đoàn',
    synonyms: [
      'Ngày kết nạp',
      'Ngày vào CĐ',
      'Ngày kết nạp đoàn viên',
      'Ngày kết nạp vào công đoàn',
      'Ngày vào Công đoàn',
    ],
    required: true,
  },
  { key: 'decisionNo', label: 'Số quyết định', synonyms: ['Số QĐ', 'Số QĐ kết nạp', 'Quyết định kết nạp'] },
  { key: 'cardNo', label: 'Số thẻ đoàn viên', synonyms: ['Số thẻ', 'Số thẻ ĐV', 'Thẻ đoàn viên'] },
  { key: 'notes', label: 'Ghi chú', synonyms: [] },
] as const satisfies readonly FieldSpec[];
export type MemberField = (typeof MEMBER_FIELDS)[number]['key'];

export const MEMBER_TEMPLATE_EXAMPLE_NOTE = 'Dòng ví dụ — xoá dòng này trước khi nhập';

export type MemberImportRow = {
  fullName: string;
  birthDate: string;
  gender: 'male' | 'female';
  cccd: string;
  kind: 'cccd' | 'cmnd';
  hash: string;
  masked: string;
  ethnicityCode: string | null;
  religionCode: string | null;
  phone: string | null;
  address: string | null;
  occupation: string | null;
  admittedOn: string;
  decisionNo: string | null;
  cardNo: string | null;
  informal: boolean;
  notes: string | null;
};

const blank = (raw: CellValue | undefined) => raw === null || raw === undefined || String(raw).trim() === '';
const quoted = (raw: CellValue | undefined) =>
  raw instanceof Date ? formatViDate(raw.toISOString().slice(0, 10)) : String(raw ?? '').trim();
const YEAR_ONLY =
  'Chỉ có năm sinh; cần ngày sinh đầy đủ (dd/mm/yyyy) — bổ sung ngày sinh theo CCCD rồi nhập lại dòng này';

/** A year where a date belongs (1985, or "1985"): Excel would read it as a serial in 1905, so refuse it. */
function isYear(raw: CellValue | undefined): boolean {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 1900 && raw <= 2100;
  return typeof raw === 'string' && /^\s*(19|20)\d{2}\s*$/.test(raw);
}

const parseBirthDate: ValueParser<string> = (raw) => (isYear(raw) ? { error: YEAR_ONLY } : parseDate(raw));

/** A "Nam" / "Nữ" column: an x (gender only) or the date of birth written in the person's gender column. */
const parseGenderColumn: ValueParser<string> = (raw) => {
  if (blank(raw)) return { value: null };
  if (typeof raw === 'string' && /^\s*[xX✓✔vV]\s*$/.test(raw)) return { value: 'x' };
  return parseBirthDate(raw);
};

/** "Năm sinh": a year (kept, to be refused in build unless a full date is elsewhere) or a full date. */
const parseYearOnly: ValueParser<string> = (raw) => {
  if (blank(raw)) return { value: null };
  if (isYear(raw)) return { value: String(raw).trim() };
  return parseDate(raw);
};

const parseIdentity: ValueParser<string> = (raw) => {
  if (blank(raw)) return { value: null };
  if (typeof raw !== 'string' && typeof raw !== 'number') return { error: `Số CCCD «${quoted(raw)}» không hợp lệ` };
  const r = validateCccd(raw);
  if (!r.ok) return { error: `${r.message} («${quoted(raw)}»)` };
  return r.warnings.length
    ? { value: r.value, warning: r.warnings.map((w) => w.message).join('; ') }
    : { value: r.value };
};

const parsePhone: ValueParser<string> = (raw) => {
  if (blank(raw)) return { value: null };
  if (typeof raw !== 'string' && typeof raw !== 'number') return { error: 'Số điện thoại không hợp lệ' };
  const r = validatePhone(raw);
  return r.ok ? { value: r.value } : { error: `${r.message} («${quoted(raw)}»)` };
};

const GENDERS: EnumOption<'male' | 'female'>[] = [
  { code: 'male', labels: ['Nam', 'Nam giới', 'M', 'Male', 'Trai'] },
  { code: 'female', labels: ['Nữ', 'Nữ giới', 'F', 'Female', 'Gái'] },
];

/** Notes that mean the member works outside any enterprise (informal sector). */
const INFORMAL_NOTES = ['ld tu do', 'lao dong tu do', 'phi chinh thuc', 'khu vuc phi chinh thuc', 'ldtd'];
/** Notes that say the person is no longer here: imported as active all the same, with a warning. */
const GONE_NOTES = ['da chuyen', 'chuyen di', 'nghi viec', 'da nghi', 'thoi viec', 'chuyen cong tac', 'da mat'];

export type MemberImportContext = {
  actor: Actor;
  /** The caller's read scope: another unit is named only inside it. */
  readScope: Scope;
  unitId: number;
  today: string;
  onDuplicate: 'update' | 'skip' | 'create';
  /** Collects the people found active in another unit, for the possible-transfer notes after a commit. */
  elsewhere?: Conflict[];
};

export async function memberImportSpec(
  app: AppContext,
  ctx: MemberImportContext,
): Promise<ImportSpec<MemberField, MemberImportRow>> {
  const db = app.db;
  const keys = await checkedDataKeys(db, app.config);
  const unit = await db
    .selectFrom('org_unit')
    .select(['name', 'type_code', 'valid_from', 'valid_to'])
    .where('id', '=', ctx.unitId)
    .executeTakeFirstOrThrow();
  const codes = async (list: CodeListName, extra: Record<string, string[]> = {}) => {
    const rows = await codesOn(db, list, ctx.today);
    return rows.map((r) => ({ code: r.code, labels: [r.nameVi, r.nameEn, ...(extra[r.code] ?? [])] }));
  };
  const ethnicities = await codes('ethnicity');
  const religions = await codes('religion', { NONE: ['Không tôn giáo', 'Không có', 'KTG', '-'] });
  const unitIsInformal = unit.type_code === 'NDCS';
  const text = (n: number) => parseText(n);

  return {
    kind: 'members',
    fields: MEMBER_FIELDS,
    keyField: 'cccd',
    parsers: {
      fullName: text(120),
      birthDate: parseBirthDate,
      birthYear: parseYearOnly,
      birthMale: parseGenderColumn,
      birthFemale: parseGenderColumn,
      gender: parseEnum(GENDERS),
      cccd: parseIdentity,
      ethnicity: parseEnum(ethnicities),
      religion: parseEnum(religions),
      phone: parsePhone,
      address: text(500),
      occupation: text(255),
      admittedOn: parseDate,
      decisionNo: text(100),
      cardNo: text(50),
      notes: text(2000),
    },
    build(v) {
      const issues: { field: MemberField; message: string }[] = [];
      const warnings: { field: MemberField; message: string }[] = [];
      const s = (k: MemberField) => (v[k] as string | null | undefined) ?? null;
      const notes = s('notes');
      if (notes === MEMBER_TEMPLATE_EXAMPLE_NOTE) return { value: null, issues, skip: 'Bỏ qua dòng ví dụ của tệp mẫu' };
      const fullName = s('fullName');
      if (!fullName) issues.push({ field: 'fullName', message: 'Thiếu họ và tên' });

      // Gender and birth date: a Giới tính column, or the Nam / Nữ columns (an x, or the date itself).
      const male = s('birthMale');
      const female = s('birthFemale');
      let gender = s('gender') as 'male' | 'female' | null;
      let birthDate = s('birthDate');
      if (male && female) {
        issues.push({ field: 'birthMale', message: 'Có giá trị ở cả cột Nam và cột Nữ' });
      } else if (male || female) {
        const fromColumns = male ? 'male' : 'female';
        if (gender && gender !== fromColumns) {
          issues.push({ field: 'gender', message: 'Giới tính khác với cột Nam/Nữ đã đánh dấu' });
        }
        gender = fromColumns;
        const inColumn = male ?? female;
        if (inColumn && inColumn !== 'x') {
          if (birthDate && birthDate !== inColumn) {
            issues.push({ field: 'birthDate', message: 'Ngày sinh khác với ngày ghi ở cột Nam/Nữ' });
          }
          birthDate ??= inColumn;
        }
      }
      if (!gender) issues.push({ field: 'gender', message: 'Thiếu giới tính (Nam/Nữ)' });
      const year = s('birthYear');
      if (!birthDate && year && year.length > 4) birthDate = year;
      if (!birthDate) {
        issues.push(
          year ? { field: 'birthYear', message: YEAR_ONLY } : { field: 'birthDate', message: 'Thiếu ngày sinh' },
        );
      } else if (birthDate > ctx.today) {
        issues.push({ field: 'birthDate', message: 'Ngày sinh ở tương lai' });
      }

      const cccd = s('cccd');
      if (!cccd) issues.push({ field: 'cccd', message: 'Thiếu số CCCD' });

      const admittedOn = s('admittedOn');
      if (!admittedOn) issues.push({ field: 'admittedOn', message: 'Thiếu ngày vào công đoàn' });
      else {
        if (admittedOn > ctx.today) issues.push({ field: 'admittedOn', message: 'Ngày vào công đoàn ở tương lai' });
        if (admittedOn < unit.valid_from || (unit.valid_to !== null && admittedOn >= unit.valid_to)) {
          issues.push({
            field: 'admittedOn',
            message: `"${unit.name}" không hoạt động vào ngày ${formatViDate(admittedOn)}`,
          });
        }
        if (birthDate) {
          const adult = `${String(Number(birthDate.slice(0, 4)) + 15).padStart(4, '0')}${birthDate.slice(4)}`;
          if (adult > admittedOn) {
            issues.push({ field: 'admittedOn', message: 'Phải đủ 15 tuổi vào ngày vào công đoàn' });
          }
        }
      }

      let informal = unitIsInformal;
      if (notes) {
        const f = fold(notes);
        if (INFORMAL_NOTES.some((n) => f.includes(n))) informal = true;
        if (GONE_NOTES.some((n) => f.includes(n))) {
          warnings.push({
            field: 'notes',
            message: `Ghi chú «${notes}»: dòng vẫn được nhập là đoàn viên đang sinh hoạt — hãy xem lại và ghi nhận chuyển đi / thôi sinh hoạt nếu đúng`,
          });
        }
      }
      if (issues.length || !fullName || !gender || !birthDate || !cccd || !admittedOn) return { value: null, issues };

      // The number against the record: a mismatch is a warning. An import cannot confirm it as the
      // admission form does, so the row goes in and the warning stands in the report for the officer.
      const id = validateCccd(cccd, { birthDate, gender });
      if (!id.ok) return { value: null, issues: [{ field: 'cccd', message: id.message }] };
      for (const w of id.warnings) {
        if (w.code === 'BIRTH_YEAR_MISMATCH' || w.code === 'GENDER_MISMATCH') {
          warnings.push({ field: 'cccd', message: `${w.message} — đã nhập, cần kiểm tra lại với giấy tờ` });
        }
      }
      return {
        value: {
          fullName,
          birthDate,
          gender,
          cccd: id.value,
          kind: id.kind,
          hash: lookupHash(keys, id.value),
          masked: maskCccd(id.value),
          ethnicityCode: s('ethnicity'),
          religionCode: s('religion'),
          phone: s('phone'),
          address: s('address'),
          occupation: s('occupation'),
          admittedOn,
          decisionNo: s('decisionNo'),
          cardNo: s('cardNo'),
          informal,
          notes,
        },
        issues,
        warnings,
      };
    },
    keyOf: (v) => v.hash,
    showKey: (v) => v.masked,
    labelOf: (v) => v.fullName,
    async findExisting(trx, hashes) {
      const out = new Map<string, Existing>();
      if (hashes.length === 0) return out;
      const q = trx as Kysely<Database>;
      const rows = await q
        .selectFrom('person as p')
        .innerJoin('membership as m', 'm.person_id', 'p.id')
        .innerJoin('org_unit as u', 'u.id', 'm.unit_id')
        .select(['p.id as person_id', 'p.cccd_hash', 'p.full_name', 'm.id', 'm.unit_id', 'u.name as unit_name'])
        .where('p.cccd_hash', 'in', hashes)
        .where('m.status', '=', 'active')
        .execute();
      for (const r of rows) {
        if (!r.cccd_hash) continue;
        if (r.unit_id !== ctx.unitId) {
          ctx.elsewhere?.push({ personId: r.person_id, membershipId: r.id, unitId: r.unit_id });
          // Outside the caller's scope the other unit's name is not theirs to see; the fact is.
          const visible = await isUnitInScope(q, r.unit_id, ctx.readScope);
          const where = visible ? `"${r.unit_name}"` : 'một đơn vị ngoài phạm vi quản lý của bạn';
          out.set(r.cccd_hash, {
            id: r.id,
            visible: false,
            label: '',
            conflict: `Đang là đoàn viên sinh hoạt tại ${where} — có thể là chuyển sinh hoạt: hãy làm thủ tục chuyển sinh hoạt thay vì nhập`,
          });
        } else {
          out.set(r.cccd_hash, {
            id: r.id,
            visible: true,
            label: r.full_name,
            ...(ctx.onDuplicate === 'create'
              ? { conflict: 'Đã là đoàn viên đang sinh hoạt tại đơn vị này; không thể tạo thêm lần thứ hai' }
              : {}),
          });
        }
      }
      return out;
    },
    async insertMany(trx, values, batchId) {
      const now = new Date().toISOString();
      // People without an active membership who were members before: re-admitted on the same person row.
      const known = await trx
        .selectFrom('person')
        .selectAll()
        .where(
          'cccd_hash',
          'in',
          values.map((v) => v.hash),
        )
        .execute();
      const byHash = new Map(known.map((k) => [k.cccd_hash, k]));
      const changes: Change[] = [];
      const personIds: number[] = [];
      const fresh = values.filter((v) => !byHash.has(v.hash));
      if (fresh.length > 0) {
        const rows = await trx
          .insertInto('person')
          .values(
            fresh.map((v) => ({
              ...personFields(v, now),
              cccd_hash: v.hash,
              cccd_enc: encrypt(keys, v.cccd),
              cccd_masked: v.masked,
              cccd_kind: v.kind,
              anonymised_at: null,
              created_at: now,
            })),
          )
          .returning(['id', 'cccd_hash'])
          .execute();
        for (const r of rows) {
          changes.push({ entity: 'person', id: r.id });
          if (r.cccd_hash) byHash.set(r.cccd_hash, { id: r.id } as never);
        }
      }
      for (const v of values) {
        const p = byHash.get(v.hash);
        if (!p) throw new Error('person missing after insert');
        personIds.push(p.id);
        if (known.some((k) => k.id === p.id)) {
          await trx
            .updateTable('person')
            .set(personFields(v, now, true))
            .where('id', '=', p.id)
            .execute();
          changes.push({ entity: 'person', id: p.id, action: 'update', before: p });
        }
      }
      const ms = await trx
        .insertInto('membership')
        .values(
          values.map((v, i) => ({
            person_id: personIds[i] as number,
            unit_id: ctx.unitId,
            status: 'active',
            informal: v.informal ? 1 : 0,
            foreign: 0,
            application_date: null,
            admitted_on: v.admittedOn,
            decision_no: v.decisionNo,
            ceremony_date: null,
            started_on: v.admittedOn,
            card_no: v.cardNo,
            card_issued_on: null,
            ended_on: null,
            end_reason: null,
            transferred_from_id: null,
            created_at: now,
            updated_at: now,
          })),
        )
        .returning(['id', 'person_id'])
        .execute();
      ms.forEach((m, i) => {
        if (m.person_id !== personIds[i]) throw new Error('INSERT … RETURNING came back out of order');
      });
      await trx
        .insertInto('membership_event')
        .values(
          ms.map((m, i) => {
            const v = values[i] as MemberImportRow;
            return {
              membership_id: m.id,
              kind: 'admitted',
              event_date: v.admittedOn,
              decision_no: v.decisionNo,
              decision_date: v.decisionNo ? v.admittedOn : null,
              related_unit_id: null,
              note: batchId === null ? v.notes : `Nhập từ tệp (lô ${batchId})${v.notes ? `: ${v.notes}` : ''}`,
              created_by: ctx.actor.userId,
              created_at: now,
            };
          }),
        )
        .execute();
      for (const m of ms) changes.push({ entity: 'membership', id: m.id });
      return changes;
    },
    async update(trx, membershipId, v) {
      const now = new Date().toISOString();
      const m = await trx.selectFrom('membership').selectAll().where('id', '=', membershipId).executeTakeFirstOrThrow();
      const p = await trx.selectFrom('person').selectAll().where('id', '=', m.person_id).executeTakeFirstOrThrow();
      await trx
        .updateTable('person')
        .set(personFields(v, now, true))
        .where('id', '=', p.id)
        .execute();
      // The admission itself (date, counted in the figures) is not rewritten by a list; card and decision are.
      await trx
        .updateTable('membership')
        .set({
          ...(v.cardNo !== null ? { card_no: v.cardNo } : {}),
          ...(v.decisionNo !== null ? { decision_no: v.decisionNo } : {}),
          updated_at: now,
        })
        .where('id', '=', membershipId)
        .execute();
      return [
        { entity: 'person', id: p.id, before: p, action: 'update' as const },
        { entity: 'membership', id: membershipId, before: m, action: 'update' as const },
      ];
    },
  };
}

/** The person's columns from a row; on an update, an empty cell keeps what was recorded. */
function personFields(v: MemberImportRow, now: string, keepBlank = false) {
  const opt = <T>(col: string, value: T | null) => (keepBlank && value === null ? {} : { [col]: value });
  return {
    full_name: v.fullName,
    full_name_folded: fold(v.fullName),
    sort_key: personSortKey(v.fullName),
    birth_date: v.birthDate,
    gender: v.gender,
    nationality: 'VN',
    ...opt('ethnicity_code', v.ethnicityCode),
    ...opt('religion_code', v.religionCode),
    ...opt('phone', v.phone),
    ...opt('address', v.address),
    ...opt('occupation', v.occupation),
    ...(keepBlank
      ? {}
      : {
          admin_area_code: null,
          admin_area_name: null,
          education_code: null,
          employer_enterprise_id: null,
          informal_trade_code: null,
          social_insurance_no: null,
        }),
    updated_at: now,
  } as {
    full_name: string;
    full_name_folded: string;
    sort_key: string;
    birth_date: string;
    gender: string;
    nationality: string;
    ethnicity_code: string | null;
    religion_code: string | null;
    phone: string | null;
    address: string | null;
    occupation: string | null;
    admin_area_code: string | null;
    admin_area_name: string | null;
    education_code: string | null;
    employer_enterprise_id: number | null;
    informal_trade_code: string | null;
    social_insurance_no: string | null;
    updated_at: string;
  };
}
