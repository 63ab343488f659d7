import type { Kysely } from 'kysely';

/**
 * The union's unit types as dated configuration (Charter XIII; 2025 reorganisation):
 * district federations (LĐLĐ huyện) end on 01/07/2025 and commune unions (CĐ xã/phường/đặc khu)
 * begin that day. Later changes are new rows or new valid_to dates, not code.
 */
const SINCE = '1929-07-28';
const REFORM = '2025-07-01';
const UPPER_BASE = ['LDLD_HUYEN', 'CD_XA', 'CD_NGANH', 'CD_KCN', 'CD_TCT', 'CD_NGANH_TW', 'LDLD_TINH'];

const TYPES = [
  [
    'TLD',
    'Tổng Liên đoàn Lao động Việt Nam',
    'Viet Nam General Confederation of Labour',
    'TLĐ',
    'VGCL',
    1,
    0,
    [],
    SINCE,
    null,
  ],
  [
    'LDLD_TINH',
    'Liên đoàn Lao động tỉnh, thành phố',
    'Provincial / municipal labour federation',
    'LĐLĐ tỉnh',
    'Province',
    2,
    0,
    ['TLD'],
    SINCE,
    null,
  ],
  [
    'CD_NGANH_TW',
    'Công đoàn ngành trung ương',
    'Central industry union',
    'CĐ ngành TW',
    'Central industry',
    2,
    0,
    ['TLD'],
    SINCE,
    null,
  ],
  [
    'CD_NGANH',
    'Công đoàn ngành địa phương',
    'Local industry union',
    'CĐ ngành',
    'Industry',
    3,
    0,
    ['LDLD_TINH'],
    SINCE,
    null,
  ],
  [
    'CD_KCN',
    'Công đoàn các khu công nghiệp, khu kinh tế',
    'Industrial-zone union',
    'CĐ KCN',
    'Ind. zone',
    3,
    0,
    ['LDLD_TINH'],
    SINCE,
    null,
  ],
  [
    'CD_TCT',
    'Công đoàn tổng công ty',
    'Corporation union',
    'CĐ TCT',
    'Corporation',
    3,
    0,
    ['LDLD_TINH', 'CD_NGANH_TW', 'CD_NGANH'],
    SINCE,
    null,
  ],
  [
    'LDLD_HUYEN',
    'Liên đoàn Lao động quận, huyện, thị xã, thành phố thuộc tỉnh',
    'District labour federation',
    'LĐLĐ huyện',
    'District',
    3,
    0,
    ['LDLD_TINH'],
    SINCE,
    REFORM,
  ],
  [
    'CD_XA',
    'Công đoàn xã, phường, đặc khu',
    'Commune / ward / special-zone union',
    'CĐ xã',
    'Commune',
    3,
    0,
    ['LDLD_TINH'],
    REFORM,
    null,
  ],
  ['CDCS', 'Công đoàn cơ sở', 'Grassroots trade union', 'CĐCS', 'Grassroots', 4, 1, UPPER_BASE, SINCE, null],
  [
    'NDCS',
    'Nghiệp đoàn cơ sở',
    'Grassroots occupational union (informal workers)',
    'NĐCS',
    'Occupational',
    4,
    1,
    UPPER_BASE,
    SINCE,
    null,
  ],
  [
    'CDCS_TV',
    'Công đoàn cơ sở thành viên',
    'Member grassroots union',
    'CĐCS TV',
    'Member union',
    5,
    1,
    ['CDCS'],
    SINCE,
    null,
  ],
  [
    'CD_BO_PHAN',
    'Công đoàn bộ phận',
    'Department union',
    'CĐ bộ phận',
    'Department',
    5,
    0,
    ['CDCS', 'CDCS_TV'],
    SINCE,
    null,
  ],
  [
    'ND_BO_PHAN',
    'Nghiệp đoàn bộ phận',
    'Occupational union section',
    'NĐ bộ phận',
    'Section',
    5,
    0,
    ['NDCS'],
    SINCE,
    null,
  ],
  [
    'TO_CD',
    'Tổ công đoàn',
    'Union group',
    'Tổ CĐ',
    'Group',
    6,
    0,
    ['CDCS', 'CDCS_TV', 'CD_BO_PHAN', 'NDCS', 'ND_BO_PHAN'],
    SINCE,
    null,
  ],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('unit_type')
    .values(
      TYPES.map(([code, nameVi, nameEn, shortVi, shortEn, level, grassroots, parents, from, to], i) => ({
        code,
        name_vi: nameVi,
        name_en: nameEn,
        short_vi: shortVi,
        short_en: shortEn,
        level,
        grassroots,
        allowed_parents: JSON.stringify(parents),
        valid_from: from,
        valid_to: to,
        sort_order: i + 1,
      })),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('unit_type').execute();
}
