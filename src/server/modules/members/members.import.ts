import { type Message, say } from '../../../shared/i18n/messages.js';
import { checkCccd, maskCccd } from '../../../shared/ids/index.js';
import { importsMessages as M, verbatim } from '../../../shared/imports/messages.js';
import { officeMessages as O } from '../../../shared/imports/office.messages.js';
import { memberImportMessages as I } from '../../../shared/members/import.messages.js';
import { fold, formatViDate } from '../../../shared/text/index.js';
import { type AliasListName, aliasesOn, type CodeListName, codesOn } from '../../platform/code-lists.js';
import { today } from '../../platform/dates.js';
import {
  type Existing,
  type FieldIssue,
  type FieldSpec,
  type ImportKind,
  parseCount,
  parseDate,
  parseEnum,
  parseText,
  templateAnswer,
  templateFields,
  type ValueChoice,
} from '../../platform/import/index.js';
import { isUnitInScope } from '../../platform/scope.js';
import { checkedDataKeys, lookupHash } from '../../platform/secrets.js';
import { invalid } from '../../platform/validation.js';
import { grassrootsUnitIssue } from './members.admission.js';
import {
  cccdWarning,
  GENDERS,
  GONE_NOTES,
  INFORMAL_NOTES,
  parseBirthDate,
  parseGenderColumn,
  parseIdentity,
  parsePhone,
  parseYearOnly,
} from './members.import.cells.js';
import {
  activeByHash,
  dependentsOfBatch,
  importUnit,
  insertMembers,
  type MemberImportRow,
  undoMemberChanges,
  updateMember,
} from './members.import.repository.js';
import { type Conflict, notePossibleTransfers } from './members.notices.js';

/**
 * Member lists into ONE grassroots union, with the column spellings Vietnamese member lists use.
 * The key is the HMAC of the CCCD (never the number itself, which is shown masked). A person active in
 * another unit is a possible transfer and is rejected (and both units are told, once the run is not a
 * preview); one active here is updated or skipped; one with no active membership is re-admitted on the
 * same person row.
 */
/** A part of the date of birth under its group header, as the two header rows are read together. */
function birthPart(part: string): string[] {
  return ['Ngày tháng năm sinh', 'Năm sinh', 'Sinh ngày'].map((g) => `${g} ${part}`);
}

const PARTS = ['birthDayPart', 'birthMonthPart', 'birthYearPart'];

export const MEMBER_FIELDS = [
  // Required in effect: either this column, or the two below (checked in fileIssues).
  {
    key: 'fullName',
    label: 'Họ và tên',
    labelEn: 'Full name',
    synonyms: ['Họ tên', 'Họ và tên đoàn viên', 'Tên đoàn viên'],
  },
  // The name split over two columns, as many lists keep it (to sort by the given name).
  {
    key: 'familyName',
    label: 'Họ và tên đệm',
    labelEn: 'Family and middle names',
    synonyms: ['Họ và tên lót', 'Họ đệm', 'Họ và đệm', 'Họ, tên đệm', 'Họ tên đệm', 'Họ và tên Họ và tên đệm'],
  },
  { key: 'givenName', label: 'Tên', labelEn: 'Given name', synonyms: ['Họ và tên Tên', 'Tên gọi'] },
  {
    key: 'birthDate',
    label: 'Ngày sinh',
    labelEn: 'Date of birth',
    synonyms: ['Ngày tháng năm sinh', 'Ngày, tháng, năm sinh', 'Sinh ngày'],
  },
  { key: 'birthYear', label: 'Năm sinh', labelEn: 'Year of birth', synonyms: [] },
  // The date of birth in three columns under a merged "Ngày, tháng, năm sinh" (before Nam / Nữ: "Năm" and
  // "Nam" fold alike, and a year column is one only beside a month column).
  { key: 'birthDayPart', label: 'Ngày sinh Ngày', labelEn: 'Birth day', synonyms: birthPart('Ngày'), requires: PARTS },
  {
    key: 'birthMonthPart',
    label: 'Ngày sinh Tháng',
    labelEn: 'Birth month',
    synonyms: birthPart('Tháng'),
    requires: PARTS,
  },
  { key: 'birthYearPart', label: 'Ngày sinh Năm', labelEn: 'Birth year', synonyms: birthPart('Năm'), requires: PARTS },
  // The classic layout: "Ngày sinh" merged over two columns "Nam" | "Nữ", the date (or an x) written in one.
  {
    key: 'birthMale',
    label: 'Nam',
    labelEn: 'Male',
    synonyms: ['Ngày sinh Nam', 'Năm sinh Nam', 'Ngày tháng năm sinh Nam'],
  },
  {
    key: 'birthFemale',
    label: 'Nữ',
    labelEn: 'Female',
    synonyms: ['Ngày sinh Nữ', 'Năm sinh Nữ', 'Ngày tháng năm sinh Nữ'],
  },
  { key: 'gender', label: 'Giới tính', labelEn: 'Gender', synonyms: ['Giới', 'Phái', 'Nam/Nữ', 'Nam nữ'] },
  {
    key: 'cccd',
    label: 'Số CCCD',
    labelEn: 'ID number (CCCD)',
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
  { key: 'ethnicity', label: 'Dân tộc', labelEn: 'Ethnicity', synonyms: [] },
  { key: 'religion', label: 'Tôn giáo', labelEn: 'Religion', synonyms: [] },
  { key: 'phone', label: 'Số điện thoại', labelEn: 'Phone', synonyms: ['Điện thoại', 'SĐT', 'ĐT', 'Di động'] },
  {
    key: 'address',
    label: 'Địa chỉ',
    labelEn: 'Address',
    synonyms: ['Quê quán', 'Nơi ở', 'Nơi ở hiện nay', 'Chỗ ở hiện nay', 'Hộ khẩu thường trú', 'Nơi thường trú'],
  },
  {
    key: 'occupation',
    label: 'Nghề nghiệp',
    labelEn: 'Occupation',
    synonyms: ['Công việc', 'Công việc đang làm', 'Nghề nghiệp, công việc'],
  },
  {
    key: 'admittedOn',
    label: 'Ngày vào công đoàn',
    labelEn: 'Joined the union on',
    synonyms: [
      'Ngày kết nạp',
      'Ngày vào CĐ',
      'Ngày kết nạp đoàn viên',
      'Ngày kết nạp vào công đoàn',
      'Ngày vào Công đoàn',
    ],
  },
  {
    key: 'decisionNo',
    label: 'Số quyết định',
    labelEn: 'Decision number',
    synonyms: ['Số QĐ', 'Số QĐ kết nạp', 'Quyết định kết nạp'],
  },
  {
    key: 'cardNo',
    label: 'Số thẻ đoàn viên',
    labelEn: 'Member card number',
    synonyms: ['Số thẻ', 'Số thẻ ĐV', 'Thẻ đoàn viên'],
  },
  { key: 'notes', label: 'Ghi chú', labelEn: 'Notes', synonyms: [] },
] as const satisfies readonly FieldSpec[];
export type MemberField = (typeof MEMBER_FIELDS)[number]['key'];

export const memberImport: ImportKind<MemberField, MemberImportRow> = {
  name: 'members',
  fields: MEMBER_FIELDS,
  unitRequired: I.unitRequired,

  /** Members go into one grassroots union that exists today. */
  async checkUnit(ctx, unitId) {
    const problem = await grassrootsUnitIssue(ctx.db, unitId, today(ctx), 'unitId');
    if (problem) invalid([problem]);
  },

  async spec(ctx, run) {
    const db = ctx.db;
    const keys = await checkedDataKeys(db, ctx.config);
    const unit = await importUnit(db, run.unitId);
    // Each entry with its names and the spellings configured for it (code_alias): "Khơ-me", "S'tiêng", "Nu".
    const withAliases = async (list: AliasListName, entries: { code: string; labels: readonly string[] }[]) => {
      const aliases = await aliasesOn(db, list, run.today);
      return entries.map((e) => ({ code: e.code, labels: [...e.labels, ...(aliases.get(e.code) ?? [])] }));
    };
    const codes = async (list: CodeListName) =>
      withAliases(
        list,
        (await codesOn(db, list, run.today)).map((r) => ({ code: r.code, labels: [r.nameVi, r.nameEn] })),
      );
    const ethnicities = await codes('ethnicity');
    const religions = await codes('religion');
    const genders = await withAliases('gender', GENDERS);
    const choice = (list: { code: string; labels: readonly string[] }[]): ValueChoice[] =>
      list.map((e) => ({ code: e.code, name: e.labels[0] ?? e.code }));
    const wide = run.listWide;
    const unitIsInformal = unit.type_code === 'NDCS';
    const text = (n: number) => parseText(n);
    // The people found active in another unit, for the possible-transfer notes after the run.
    const elsewhere: Conflict[] = [];

    return {
      fields: MEMBER_FIELDS,
      keyField: 'cccd',
      // A row rejected for another reason still holds its CCCD, so that a later row with it is a duplicate.
      keyOfCells: (v) => (typeof v.cccd === 'string' ? lookupHash(keys, v.cccd) : null),
      choices: { gender: choice(GENDERS), ethnicity: choice(ethnicities), religion: choice(religions) },
      fileIssues(mapped) {
        const out: Message[] = [];
        const name = mapped('fullName') || (mapped('familyName') && mapped('givenName'));
        if (!name) out.push(say(M.missingColumns, { fields: I.fullNameColumns }));
        if (!mapped('admittedOn') && !wide.decisionDate) out.push(say(O.decisionDateRequired));
        if (wide.decisionDate && wide.decisionDate > run.today) out.push(say(I.admittedInFuture));
        if (wide.ceremonyDate && wide.decisionDate && wide.ceremonyDate < wide.decisionDate) {
          out.push(say(O.ceremonyBeforeDecision));
        }
        return out;
      },
      parsers: {
        fullName: text(120),
        familyName: text(100),
        givenName: text(40),
        birthDayPart: parseCount,
        birthMonthPart: parseCount,
        birthYearPart: parseCount,
        birthDate: parseBirthDate,
        birthYear: parseYearOnly,
        birthMale: parseGenderColumn,
        birthFemale: parseGenderColumn,
        gender: parseEnum(genders),
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
        const issues: FieldIssue<MemberField>[] = [];
        const warnings: FieldIssue<MemberField>[] = [];
        const fault = (field: MemberField, message: Message, params = {}) =>
          issues.push({ field, message: say(message, params) });
        const s = (k: MemberField) => (v[k] as string | null | undefined) ?? null;
        const notes = s('notes');
        if (notes === M.exampleNote.vi) return { value: null, issues, skip: say(M.exampleRow) };
        const split = [s('familyName'), s('givenName')].filter(Boolean).join(' ');
        const fullName = s('fullName') ?? (split || null);
        if (!fullName) fault('fullName', I.fullNameMissing);

        // Gender and birth date: a Giới tính column, or the Nam / Nữ columns (an x, or the date itself).
        const male = s('birthMale');
        const female = s('birthFemale');
        let gender = s('gender') as 'male' | 'female' | null;
        let birthDate = s('birthDate');
        const parts = [v.birthDayPart, v.birthMonthPart, v.birthYearPart] as (number | null | undefined)[];
        if (parts.some((p) => p !== null && p !== undefined)) {
          const [d, m, y] = parts.map((p) => p ?? 0) as [number, number, number];
          const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const real = new Date(`${iso}T00:00:00Z`);
          const ok = y >= 1900 && !Number.isNaN(real.getTime()) && real.toISOString().slice(0, 10) === iso;
          if (!ok) fault('birthDayPart', O.birthPartsInvalid, { raw: `${d}/${m}/${y}` });
          else if (birthDate && birthDate !== iso) fault('birthDate', I.birthDisagrees);
          else birthDate ??= iso;
        }
        if (male && female) {
          fault('birthMale', I.bothGenderColumns);
        } else if (male || female) {
          const fromColumns = male ? 'male' : 'female';
          if (gender && gender !== fromColumns) fault('gender', I.genderDisagrees);
          gender = fromColumns;
          const inColumn = male ?? female;
          if (inColumn && inColumn !== 'x') {
            if (birthDate && birthDate !== inColumn) fault('birthDate', I.birthDisagrees);
            birthDate ??= inColumn;
          }
        }
        if (!gender) fault('gender', I.genderMissing);
        const year = s('birthYear');
        if (!birthDate && year && year.length > 4) birthDate = year;
        if (!birthDate) {
          if (year) fault('birthYear', I.yearOnly);
          else fault('birthDate', I.birthMissing);
        } else if (birthDate > run.today) {
          fault('birthDate', I.birthInFuture);
        }

        const cccd = s('cccd');
        if (!cccd) fault('cccd', I.cccdMissing);

        // A row with its own admission date keeps it; the others take the decision given for the whole list.
        const own = s('admittedOn');
        const admittedOn = own ?? wide.decisionDate;
        const decisionNo = s('decisionNo') ?? (own ? null : wide.decisionNo);
        if (!admittedOn) fault('admittedOn', I.admittedMissing);
        else {
          if (admittedOn > run.today) fault('admittedOn', I.admittedInFuture);
          if (admittedOn < unit.valid_from || (unit.valid_to !== null && admittedOn >= unit.valid_to)) {
            fault('admittedOn', I.unitInactive, { unit: unit.name, date: formatViDate(admittedOn) });
          }
          if (birthDate) {
            const adult = `${String(Number(birthDate.slice(0, 4)) + 15).padStart(4, '0')}${birthDate.slice(4)}`;
            if (adult > admittedOn) fault('admittedOn', I.underAge);
          }
        }

        let informal = unitIsInformal;
        if (notes) {
          const f = fold(notes);
          if (INFORMAL_NOTES.some((n) => f.includes(n))) informal = true;
          if (GONE_NOTES.some((n) => f.includes(n))) {
            warnings.push({ field: 'notes', message: say(I.goneNote, { notes }) });
          }
        }
        if (issues.length || !fullName || !gender || !birthDate || !cccd || !admittedOn) return { value: null, issues };

        // The number against the record: a mismatch is a warning. An import cannot confirm it as the
        // admission form does, so the row goes in and the warning stands in the report for the officer.
        const id = checkCccd(cccd, { birthDate, gender });
        if (!id.ok) return { value: null, issues: [{ field: 'cccd', message: id.message }] };
        for (const w of id.warnings) {
          if (w.code === 'BIRTH_YEAR_MISMATCH' || w.code === 'GENDER_MISMATCH') {
            warnings.push({ field: 'cccd', message: cccdWarning(w) });
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
            decisionNo,
            decisionDate: own ? null : wide.decisionDate,
            ceremonyDate: own ? null : wide.ceremonyDate,
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
      async findExisting(q, hashes) {
        const out = new Map<string, Existing>();
        if (hashes.length === 0) return out;
        for (const r of await activeByHash(q, hashes)) {
          if (!r.cccd_hash) continue;
          if (r.unit_id !== run.unitId) {
            elsewhere.push({ personId: r.person_id, membershipId: r.id, unitId: r.unit_id });
            // Outside the caller's scope the other unit's name is not theirs to see; the fact is.
            const visible = await isUnitInScope(q, r.unit_id, run.readScope);
            const where = visible ? verbatim(`"${r.unit_name}"`) : I.outOfScope;
            out.set(r.cccd_hash, {
              id: r.id,
              visible: false,
              label: '',
              conflict: say(I.activeElsewhere, { where }),
            });
          } else {
            out.set(r.cccd_hash, {
              id: r.id,
              visible: true,
              label: r.full_name,
              ...(run.onDuplicate === 'create' ? { conflict: say(I.activeHere) } : {}),
            });
          }
        }
        return out;
      },
      insertMany: (trx, values, batchId) =>
        insertMembers(trx, values, { actor: run.actor, unitId: run.unitId, keys, batchId }),
      update: (trx, membershipId, v) => updateMember(trx, membershipId, v),
      afterRun: () => notePossibleTransfers(db, elsewhere, run.unitId, 'import', run.actor.userId),
    };
  },

  async undoBlockers(db, batch, changes) {
    const d = await dependentsOfBatch(db, batch.committedAt, changes);
    const n = (count: number, what: Message) => ({
      count,
      what: say(what, { n: String(count) }),
    });
    return [
      n(d.changed, I.changedLater),
      n(d.events, I.laterEvents),
      n(d.transfers, I.transfers),
      n(d.party, I.party),
      n(d.people, I.peopleEdited),
      n(d.memberships, I.laterMemberships),
    ];
  },

  undo: undoMemberChanges,

  async template(ctx) {
    const day = today(ctx);
    const list = (name: CodeListName) => codesOn(ctx.db, name, day).then((rows) => rows.map((r) => r.nameVi));
    const [ethnicities, religions] = [await list('ethnicity'), await list('religion')];
    return templateAnswer('mau-nhap-doan-vien.xlsx', {
      title: I.templateTitle.vi,
      fields: templateFields(MEMBER_FIELDS, {
        examples: {
          fullName: 'Nguyễn Thị Lan',
          birthDate: new Date(Date.UTC(1994, 6, 15)),
          gender: 'Nữ',
          cccd: '070194000123',
          ethnicity: ethnicities[0] ?? '',
          religion: religions[0] ?? '',
          phone: '0912345678',
          address: 'Ấp 3, xã Long Hà',
          occupation: 'Công nhân may',
          admittedOn: new Date(Date.UTC(2024, 2, 15)),
          decisionNo: '12/QĐ-CĐCS',
          cardNo: '',
          notes: M.exampleNote.vi,
        },
        options: { gender: ['Nam', 'Nữ'], ethnicity: ethnicities, religion: religions },
        // The template has one date-of-birth and one gender column; the Nam/Nữ and year-only layouts
        // are read from the lists people already have.
        omit: [
          'birthYear',
          'birthMale',
          'birthFemale',
          'familyName',
          'givenName',
          'birthDayPart',
          'birthMonthPart',
          'birthYearPart',
        ],
      }),
    });
  },
};
