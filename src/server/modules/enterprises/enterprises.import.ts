import type { Kysely, Transaction } from 'kysely';
import { fold } from '../../../shared/text/index.js';
import type { Database } from '../../db/schema.js';
import type { FieldSpec } from '../../platform/import/index.js';
import {
  type EnumOption,
  parseCount,
  parseDate,
  parseEnum,
  parseMst,
  parseText,
} from '../../platform/import/values.js';
import { type Actor, isUnitInScope, type Scope } from '../../platform/scope.js';
import type { Existing, ImportSpec } from '../imports/import.engine.js';
import { refreshDerived } from './enterprises.repository.js';

/** The columns an enterprise list may have, with the spellings seen in real BHXH / tax-office exports. */
export const ENTERPRISE_FIELDS = [
  {
    key: 'mst',
    label: 'Mã số thuế',
    synonyms: ['MST', 'Mã số DN', 'Mã số doanh nghiệp', 'Mã DN', 'Mã số thuế DN', 'Mã số thuế doanh nghiệp'],
  },
  {
    key: 'name',
    label: 'Tên doanh nghiệp',
    synonyms: ['Tên DN', 'Tên đơn vị', 'Tên công ty', 'Doanh nghiệp', 'Tên đơn vị sử dụng lao động'],
    required: true,
  },
  { key: 'shortName', label: 'Tên viết tắt', synonyms: ['Tên tắt'] },
  { key: 'address', label: 'Địa chỉ', synonyms: ['Địa chỉ trụ sở', 'Trụ sở', 'Địa chỉ DN'] },
  { key: 'communeCode', label: 'Mã xã', synonyms: ['Mã xã phường', 'Mã ĐVHC', 'Mã địa bàn'] },
  { key: 'communeName', label: 'Xã/phường', synonyms: ['Xã', 'Phường', 'Xã, phường', 'Địa bàn', 'Xã/phường/thị trấn'] },
  {
    key: 'ownership',
    label: 'Loại hình',
    synonyms: ['Loại hình doanh nghiệp', 'Loại hình DN', 'Thành phần kinh tế', 'Loại hình sở hữu'],
    required: true,
  },
  {
    key: 'industry',
    label: 'Ngành nghề',
    synonyms: ['Ngành nghề kinh doanh', 'Ngành', 'Lĩnh vực', 'Ngành nghề chính'],
  },
  {
    key: 'workerCount',
    label: 'Số lao động',
    synonyms: ['Tổng số lao động', 'Tổng số LĐ', 'Số LĐ', 'Lao động', 'Tổng số'],
  },
  { key: 'femaleCount', label: 'Lao động nữ', synonyms: ['Số lao động nữ', 'LĐ nữ', 'Nữ', 'Trong đó nữ'] },
  { key: 'memberCount', label: 'Số đoàn viên', synonyms: ['Đoàn viên', 'Số ĐV', 'Đoàn viên công đoàn'] },
  { key: 'surveyDate', label: 'Ngày khảo sát', synonyms: ['Ngày điều tra', 'Ngày cập nhật', 'Thời điểm khảo sát'] },
  { key: 'contactName', label: 'Người liên hệ', synonyms: ['Người đại diện', 'Liên hệ'] },
  { key: 'contactPhone', label: 'Điện thoại', synonyms: ['SĐT', 'Số điện thoại', 'Điện thoại liên hệ'] },
  { key: 'notes', label: 'Ghi chú', synonyms: ['Ghi chú khác'] },
] as const satisfies readonly FieldSpec[];
export type EnterpriseField = (typeof ENTERPRISE_FIELDS)[number]['key'];

/** The template's example row carries this note; a file still holding it does not import it. */
export const TEMPLATE_EXAMPLE_NOTE = 'Dòng ví dụ — xoá dòng này trước khi nhập';

/** Spellings seen for ownership kinds, beyond the configured names. */
const OWNERSHIP_EXTRA: Record<string, string[]> = {
  STATE: ['Nhà nước', 'DNNN', 'Doanh nghiệp nhà nước', 'Công ty nhà nước'],
  PRIVATE: [
    'Ngoài nhà nước',
    'Tư nhân',
    'TNHH',
    'Cổ phần',
    'Công ty TNHH',
    'Công ty cổ phần',
    'DNTN',
    'Doanh nghiệp tư nhân',
  ],
  FDI: ['FDI', 'Vốn nước ngoài', 'Có vốn nước ngoài', 'Đầu tư nước ngoài', '100% vốn nước ngoài', 'Liên doanh'],
  COOP: ['HTX', 'Hợp tác xã'],
  HOUSEHOLD: ['Hộ kinh doanh', 'Hộ KD', 'Hộ cá thể'],
  OTHER: ['Khác'],
};

export type EnterpriseImportRow = {
  mst: string | null;
  name: string;
  shortName: string | null;
  address: string | null;
  communeCode: string | null;
  communeName: string | null;
  ownershipCode: string;
  industry: string | null;
  survey: {
    surveyDate: string;
    workerCount: number;
    femaleCount: number | null;
    memberCount: number | null;
    contactName: string | null;
    contactPhone: string | null;
    notes: string | null;
  } | null;
};

export async function enterpriseImportSpec(
  db: Kysely<Database>,
  ctx: { actor: Actor; scope: Scope; unitId: number; today: string; duplicateReason: string | null },
): Promise<ImportSpec<EnterpriseField, EnterpriseImportRow>> {
  const types = await db.selectFrom('ownership_type').selectAll().where('valid_to', 'is', null).execute();
  const options: EnumOption[] = types.map((t) => ({
    code: t.code,
    labels: [t.name_vi, t.name_en, ...(OWNERSHIP_EXTRA[t.code] ?? [])],
  }));
  const text = (n: number) => parseText(n);
  return {
    kind: 'enterprises',
    fields: ENTERPRISE_FIELDS,
    keyField: 'mst',
    parsers: {
      mst: parseMst,
      name: text(255),
      shortName: text(100),
      address: text(500),
      communeCode: text(10),
      communeName: text(255),
      ownership: parseEnum(options),
      industry: text(255),
      workerCount: parseCount,
      femaleCount: parseCount,
      memberCount: parseCount,
      surveyDate: parseDate,
      contactName: text(120),
      contactPhone: text(30),
      notes: text(2000),
    },
    build(v) {
      const issues: { field: EnterpriseField; message: string }[] = [];
      const s = (k: EnterpriseField) => (v[k] as string | null | undefined) ?? null;
      const n = (k: EnterpriseField) => (v[k] as number | null | undefined) ?? null;
      if (s('notes') === TEMPLATE_EXAMPLE_NOTE) return { value: null, issues, skip: 'Bỏ qua dòng ví dụ của tệp mẫu' };
      if (!s('name')) issues.push({ field: 'name', message: 'Thiếu tên doanh nghiệp' });
      if (!s('ownership')) issues.push({ field: 'ownership', message: 'Thiếu loại hình doanh nghiệp' });
      const workers = n('workerCount');
      const female = n('femaleCount');
      const members = n('memberCount');
      if (workers === null && (female !== null || members !== null)) {
        issues.push({ field: 'workerCount', message: 'Có số lao động nữ / đoàn viên nhưng thiếu tổng số lao động' });
      }
      if (workers !== null && female !== null && female > workers) {
        issues.push({
          field: 'femaleCount',
          message: `Số lao động nữ (${female}) lớn hơn tổng số lao động (${workers})`,
        });
      }
      if (workers !== null && members !== null && members > workers) {
        issues.push({
          field: 'memberCount',
          message: `Số đoàn viên (${members}) lớn hơn tổng số lao động (${workers})`,
        });
      }
      const date = s('surveyDate') ?? ctx.today;
      if (date > ctx.today) issues.push({ field: 'surveyDate', message: 'Ngày khảo sát ở tương lai' });
      if (issues.length) return { value: null, issues };
      return {
        value: {
          mst: s('mst'),
          name: s('name') as string,
          shortName: s('shortName'),
          address: s('address'),
          communeCode: s('communeCode'),
          communeName: s('communeName'),
          ownershipCode: s('ownership') as string,
          industry: s('industry'),
          survey:
            workers === null
              ? null
              : {
                  surveyDate: date,
                  workerCount: workers,
                  femaleCount: female,
                  memberCount: members,
                  contactName: s('contactName'),
                  contactPhone: s('contactPhone'),
                  notes: s('notes'),
                },
        },
        issues,
      };
    },
    keyOf: (v) => v.mst,
    labelOf: (v) => v.name,
    async findExisting(trx, keys) {
      const out = new Map<string, Existing>();
      if (keys.length === 0) return out;
      const rows = await (trx as Kysely<Database>)
        .selectFrom('enterprise')
        .select(['id', 'mst', 'name', 'unit_id'])
        .where('mst', 'in', keys)
        .orderBy('id')
        .execute();
      for (const r of rows) {
        if (!r.mst || out.has(r.mst)) continue;
        const visible = await isUnitInScope(trx as Kysely<Database>, r.unit_id, ctx.scope);
        out.set(r.mst, { id: r.id, visible, label: visible ? r.name : '' });
      }
      return out;
    },
    async insertMany(trx, values, batchId) {
      const now = new Date().toISOString();
      // A new enterprise's derived columns are its one survey: set them directly instead of recomputing.
      const rows = await trx
        .insertInto('enterprise')
        .values(
          values.map((v) => ({
            unit_id: ctx.unitId,
            mst: v.mst,
            name: v.name,
            name_folded: fold(v.name),
            short_name: v.shortName,
            address: v.address,
            admin_area_code: v.communeCode,
            admin_area_name: v.communeName,
            ownership_code: v.ownershipCode,
            industry: v.industry,
            officer_user_id: null,
            grassroots_unit_id: null,
            worker_count: v.survey?.workerCount ?? null,
            female_count: v.survey?.femaleCount ?? null,
            member_count: v.survey?.memberCount ?? null,
            last_survey_date: v.survey?.surveyDate ?? null,
            last_contact_date: v.survey?.surveyDate ?? null,
            duplicate_reason: ctx.duplicateReason,
            import_batch_id: batchId,
            created_at: now,
            updated_at: now,
            created_by: ctx.actor.userId,
          })),
        )
        .returning(['id', 'name'])
        .execute();
      // Both databases return multi-row INSERT … RETURNING in VALUES order; checked, because the
      // surveys below are matched to their enterprise by position.
      rows.forEach((r, i) => {
        if (r.name !== values[i]?.name) throw new Error('INSERT … RETURNING came back out of order');
      });
      const changes = rows.map((r) => ({ entity: 'enterprise', id: r.id }));
      const surveys = values.flatMap((v, i) => (v.survey ? [{ v, id: rows[i]?.id as number }] : []));
      if (surveys.length > 0) {
        const ins = await trx
          .insertInto('enterprise_survey')
          .values(surveys.map(({ v, id }) => surveyRow(id, v, batchId, ctx.actor)))
          .returning('id')
          .execute();
        for (const r of ins) changes.push({ entity: 'enterprise_survey', id: r.id });
      }
      return changes;
    },
    async update(trx, id, v, batchId) {
      const before = await trx.selectFrom('enterprise').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      // Only what the file says overwrites: an empty cell keeps what was recorded.
      await trx
        .updateTable('enterprise')
        .set({
          name: v.name,
          name_folded: fold(v.name),
          ownership_code: v.ownershipCode,
          ...(v.shortName !== null ? { short_name: v.shortName } : {}),
          ...(v.address !== null ? { address: v.address } : {}),
          ...(v.communeCode !== null ? { admin_area_code: v.communeCode } : {}),
          ...(v.communeName !== null ? { admin_area_name: v.communeName } : {}),
          ...(v.industry !== null ? { industry: v.industry } : {}),
          import_batch_id: batchId,
          updated_at: new Date().toISOString(),
        })
        .where('id', '=', id)
        .execute();
      const changes: { entity: string; id: number; before: unknown; action: 'insert' | 'update' }[] = [
        { entity: 'enterprise', id, before, action: 'update' },
      ];
      if (v.survey) {
        const same = await trx
          .selectFrom('enterprise_survey')
          .select('id')
          .where('enterprise_id', '=', id)
          .where('survey_date', '=', v.survey.surveyDate)
          .where('worker_count', '=', v.survey.workerCount)
          .executeTakeFirst();
        if (!same)
          changes.push({
            entity: 'enterprise_survey',
            id: await addSurvey(trx, id, v, batchId, ctx.actor),
            before: null,
            action: 'insert',
          });
      }
      return changes;
    },
  };
}

/** One survey added to an existing enterprise (update path), then its derived columns recomputed. */
async function addSurvey(
  trx: Transaction<Database>,
  enterpriseId: number,
  v: EnterpriseImportRow,
  batchId: number | null,
  actor: Actor,
) {
  const r = await trx
    .insertInto('enterprise_survey')
    .values(surveyRow(enterpriseId, v, batchId, actor))
    .returning('id')
    .executeTakeFirstOrThrow();
  await refreshDerived(trx, enterpriseId);
  return r.id;
}

function surveyRow(enterpriseId: number, v: EnterpriseImportRow, batchId: number | null, actor: Actor) {
  const s = v.survey;
  if (!s) throw new Error('a survey row needs survey values');
  return {
    enterprise_id: enterpriseId,
    survey_date: s.surveyDate,
    worker_count: s.workerCount,
    female_count: s.femaleCount,
    member_count: s.memberCount,
    employer_attitude: null,
    contact_name: s.contactName,
    contact_phone: s.contactPhone,
    notes: s.notes,
    surveyed_by: actor.userId,
    import_batch_id: batchId,
    created_at: new Date().toISOString(),
  };
}
