import { enterpriseImportMessages as E } from '../../../shared/enterprises/import.messages.js';
import { type Message, say } from '../../../shared/i18n/messages.js';
import { importsMessages as M } from '../../../shared/imports/messages.js';
import { officeMessages as O } from '../../../shared/imports/office.messages.js';
import type { Db } from '../../db/database.js';
import { aliasesOn } from '../../platform/code-lists.js';
import {
  type EnumOption,
  type Existing,
  type FieldIssue,
  type FieldSpec,
  type ImportKind,
  parseCount,
  parseDate,
  parseEnum,
  parseMst,
  parseText,
  templateAnswer,
  templateFields,
  type ValueChoice,
} from '../../platform/import/index.js';
import { isUnitInScope } from '../../platform/scope.js';
import {
  dependentsOfBatch,
  type EnterpriseImportRow,
  enterprisesByMst,
  insertEnterprises,
  undoEnterpriseChanges,
  updateEnterprise,
} from './enterprises.import.repository.js';
import { ownershipTypes } from './enterprises.repository.js';

/** The columns an enterprise list may have, with the spellings seen in real BHXH / tax-office exports. */
export const ENTERPRISE_FIELDS = [
  {
    key: 'mst',
    label: 'Mã số thuế',
    labelEn: 'Tax code',
    synonyms: ['MST', 'Mã số DN', 'Mã số doanh nghiệp', 'Mã DN', 'Mã số thuế DN', 'Mã số thuế doanh nghiệp'],
  },
  {
    key: 'name',
    label: 'Tên doanh nghiệp',
    labelEn: 'Enterprise name',
    synonyms: ['Tên DN', 'Tên đơn vị', 'Tên công ty', 'Doanh nghiệp', 'Tên đơn vị sử dụng lao động'],
    required: true,
  },
  { key: 'shortName', label: 'Tên viết tắt', labelEn: 'Short name', synonyms: ['Tên tắt'] },
  { key: 'address', label: 'Địa chỉ', labelEn: 'Address', synonyms: ['Địa chỉ trụ sở', 'Trụ sở', 'Địa chỉ DN'] },
  { key: 'communeCode', label: 'Mã xã', labelEn: 'Commune code', synonyms: ['Mã xã phường', 'Mã ĐVHC', 'Mã địa bàn'] },
  {
    key: 'communeName',
    label: 'Xã/phường',
    labelEn: 'Commune',
    synonyms: ['Xã', 'Phường', 'Xã, phường', 'Địa bàn', 'Xã/phường/thị trấn'],
  },
  {
    key: 'ownership',
    label: 'Loại hình',
    labelEn: 'Ownership',
    synonyms: ['Loại hình doanh nghiệp', 'Loại hình DN', 'Thành phần kinh tế', 'Loại hình sở hữu'],
    required: true,
  },
  {
    key: 'industry',
    label: 'Ngành nghề',
    labelEn: 'Industry',
    synonyms: ['Ngành nghề kinh doanh', 'Ngành', 'Lĩnh vực', 'Ngành nghề chính'],
  },
  {
    key: 'workerCount',
    label: 'Số lao động',
    labelEn: 'Workers',
    synonyms: ['Tổng số lao động', 'Tổng số LĐ', 'Số LĐ', 'Lao động', 'Tổng số'],
  },
  {
    key: 'femaleCount',
    label: 'Lao động nữ',
    labelEn: 'Female workers',
    synonyms: ['Số lao động nữ', 'LĐ nữ', 'Nữ', 'Trong đó nữ'],
  },
  {
    key: 'memberCount',
    label: 'Số đoàn viên',
    labelEn: 'Union members',
    synonyms: ['Đoàn viên', 'Số ĐV', 'Đoàn viên công đoàn'],
  },
  {
    key: 'surveyDate',
    label: 'Ngày khảo sát',
    labelEn: 'Survey date',
    synonyms: ['Ngày điều tra', 'Ngày cập nhật', 'Thời điểm khảo sát'],
  },
  { key: 'contactName', label: 'Người liên hệ', labelEn: 'Contact person', synonyms: ['Người đại diện', 'Liên hệ'] },
  {
    key: 'contactPhone',
    label: 'Điện thoại',
    labelEn: 'Phone',
    synonyms: ['SĐT', 'Số điện thoại', 'Điện thoại liên hệ'],
  },
  { key: 'notes', label: 'Ghi chú', labelEn: 'Notes', synonyms: ['Ghi chú khác'] },
] as const satisfies readonly FieldSpec[];

export type EnterpriseField = (typeof ENTERPRISE_FIELDS)[number]['key'];

/** Words offices put before the legal form ("Cty TNHH 1TV", "DN tư nhân"): the form alone says the kind. */
const OWNERSHIP_FILLERS = ['Công ty', 'Cty', 'CT', 'Doanh nghiệp', 'DN'];

/** The ownership kinds in force, each with its names and the spellings configured for it ("Cty TNHH", "HTX"). */
async function ownershipOptions(db: Db, date: string): Promise<{ options: EnumOption[]; choices: ValueChoice[] }> {
  const types = await ownershipTypes(db, { current: true });
  const aliases = await aliasesOn(db, 'ownership', date);
  return {
    options: types.map((t) => ({ code: t.code, labels: [t.nameVi, t.nameEn, ...(aliases.get(t.code) ?? [])] })),
    choices: types.map((t) => ({ code: t.code, name: t.nameVi })),
  };
}

/**
 * Enterprise lists (BHXH, tax office, the district's own survey) into one managing unit, keyed by the
 * tax code. A row with a worker count adds a dated survey; an MST already listed is updated, skipped or
 * (with a reason) created again; an MST listed by a unit outside the caller's scope is refused.
 */
export const enterpriseImport: ImportKind<EnterpriseField, EnterpriseImportRow> = {
  name: 'enterprises',
  fields: ENTERPRISE_FIELDS,
  unitRequired: M.unitRequired,

  async spec(ctx, run) {
    const text = (n: number) => parseText(n);
    const ownership = await ownershipOptions(ctx.db, run.today);
    const asOf = run.listWide.asOf;
    const written = (batchId: number | null) => ({
      actor: run.actor,
      unitId: run.unitId,
      duplicateReason: run.duplicateReason,
      batchId,
    });
    return {
      fields: ENTERPRISE_FIELDS,
      keyField: 'mst',
      choices: { ownership: ownership.choices },
      // Figures without a date would be dated today: a 2024 list imported now would add a survey "of today".
      fileIssues(mapped) {
        const counts = mapped('workerCount') || mapped('femaleCount') || mapped('memberCount');
        const out: Message[] = [];
        if (counts && !mapped('surveyDate') && !asOf) out.push(say(O.asOfRequired));
        if (asOf && asOf > run.today) out.push(say(O.asOfInFuture));
        return out;
      },
      parsers: {
        mst: parseMst,
        name: text(255),
        shortName: text(100),
        address: text(500),
        communeCode: text(10),
        communeName: text(255),
        ownership: parseEnum(ownership.options, OWNERSHIP_FILLERS),
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
        const issues: FieldIssue<EnterpriseField>[] = [];
        const s = (k: EnterpriseField) => (v[k] as string | null | undefined) ?? null;
        const n = (k: EnterpriseField) => (v[k] as number | null | undefined) ?? null;
        if (s('notes') === M.exampleNote.vi) return { value: null, issues, skip: say(M.exampleRow) };
        if (!s('name')) issues.push({ field: 'name', message: say(E.nameMissing) });
        if (!s('ownership')) issues.push({ field: 'ownership', message: say(E.ownershipMissing) });
        const workers = n('workerCount');
        const female = n('femaleCount');
        const members = n('memberCount');
        const counts = { workers: String(workers), female: String(female), members: String(members) };
        if (workers === null && (female !== null || members !== null)) {
          issues.push({ field: 'workerCount', message: say(E.workersMissing) });
        }
        if (workers !== null && female !== null && female > workers) {
          issues.push({ field: 'femaleCount', message: say(E.femaleOverWorkers, counts) });
        }
        if (workers !== null && members !== null && members > workers) {
          issues.push({ field: 'memberCount', message: say(E.membersOverWorkers, counts) });
        }
        const date = s('surveyDate') ?? asOf;
        if (workers !== null && date === null) issues.push({ field: 'surveyDate', message: say(O.asOfRequired) });
        if (date !== null && date > run.today) issues.push({ field: 'surveyDate', message: say(E.surveyInFuture) });
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
              workers === null || date === null
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
      async findExisting(db, keys) {
        const out = new Map<string, Existing>();
        if (keys.length === 0) return out;
        for (const r of await enterprisesByMst(db, keys)) {
          if (!r.mst || out.has(r.mst)) continue;
          const visible = await isUnitInScope(db, r.unit_id, run.scope);
          out.set(r.mst, { id: r.id, visible, label: visible ? r.name : '' });
        }
        return out;
      },
      insertMany: (trx, values, batchId) => insertEnterprises(trx, values, written(batchId)),
      update: (trx, id, v, batchId) => updateEnterprise(trx, id, v, written(batchId)),
    };
  },

  async undoBlockers(db, batch, changes) {
    const d = await dependentsOfBatch(db, batch.id, batch.committedAt, changes);
    return [
      { count: d.edited, what: say(E.editedLater, { n: String(d.edited) }) },
      { count: d.surveys, what: say(E.laterSurveys, { n: String(d.surveys) }) },
      { count: d.outreach, what: say(E.outreach, { n: String(d.outreach) }) },
    ];
  },

  undo: undoEnterpriseChanges,

  async template(ctx) {
    const types = (await ownershipTypes(ctx.db, { current: true })).map((t) => t.nameVi);
    return templateAnswer('mau-nhap-doanh-nghiep.xlsx', {
      title: E.templateTitle.vi,
      fields: templateFields(ENTERPRISE_FIELDS, {
        examples: {
          mst: '3800601245',
          name: 'Công ty TNHH Chế biến Hạt điều Long Hà',
          address: 'Ấp 3, xã Long Hà',
          communeCode: '25255',
          communeName: 'Xã Long Hà',
          ownership: types[1] ?? '',
          industry: 'Chế biến nông sản',
          workerCount: 120,
          femaleCount: 64,
          memberCount: 0,
          surveyDate: new Date(Date.UTC(2024, 3, 20)),
          contactName: 'Nguyễn Văn Nam',
          contactPhone: '0912345678',
          notes: M.exampleNote.vi,
        },
        options: { ownership: types },
      }),
    });
  },
};
