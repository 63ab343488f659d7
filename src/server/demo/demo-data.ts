/**
 * The 2024 Phú Riềng situation and the real 2025 reorganisation, as dated events. Commune codes are the
 * statistics office's (old codes before 01/07/2025, new codes after; see shared/data/admin-units).
 * Enterprise names are invented; the federations, communes and dates are real.
 */
export type DemoUnit = {
  code: string;
  name: string;
  shortName?: string;
  typeCode: string;
  parent: string;
  from: string;
  area?: [code: string, name: string];
  address?: string;
  decision?: [no: string, date: string];
};

export const REFORM_DATE = '2025-07-01';

export const UNITS_2024: DemoUnit[] = [
  {
    code: 'BINHPHUOC',
    name: 'Liên đoàn Lao động tỉnh Bình Phước',
    shortName: 'LĐLĐ Bình Phước',
    typeCode: 'LDLD_TINH',
    parent: 'TLD',
    from: '1997-01-01',
    area: ['70', 'Tỉnh Bình Phước'],
    address: 'Đường Trần Hưng Đạo, phường Tân Phú, thành phố Đồng Xoài',
  },
  {
    code: 'DONGNAI',
    name: 'Liên đoàn Lao động tỉnh Đồng Nai',
    shortName: 'LĐLĐ Đồng Nai',
    typeCode: 'LDLD_TINH',
    parent: 'TLD',
    from: '1976-01-01',
    area: ['75', 'Tỉnh Đồng Nai'],
    address: 'Đường Hà Huy Giáp, phường Quyết Thắng, thành phố Biên Hòa',
  },
  {
    code: 'PHURIENG',
    name: 'Liên đoàn Lao động huyện Phú Riềng',
    shortName: 'LĐLĐ Phú Riềng',
    typeCode: 'LDLD_HUYEN',
    parent: 'BINHPHUOC',
    from: '2016-01-01',
    area: ['698', 'Huyện Phú Riềng'],
    address: 'Xã Phú Riềng, huyện Phú Riềng',
  },
  {
    code: 'BUDANG',
    name: 'Liên đoàn Lao động huyện Bù Đăng',
    shortName: 'LĐLĐ Bù Đăng',
    typeCode: 'LDLD_HUYEN',
    parent: 'BINHPHUOC',
    from: '1997-01-01',
    area: ['696', 'Huyện Bù Đăng'],
    address: 'Thị trấn Đức Phong, huyện Bù Đăng',
  },
  {
    code: 'CDCS-PR-001',
    name: 'CĐCS Công ty TNHH Chế biến Nông sản Long Hưng',
    typeCode: 'CDCS',
    parent: 'PHURIENG',
    from: '2018-03-15',
    area: ['25246', 'Xã Long Hưng'],
    decision: ['12/QĐ-LĐLĐ', '2018-03-15'],
  },
  {
    code: 'CDCS-PR-002',
    name: 'CĐCS Công ty Cổ phần Gỗ Bình Tân',
    typeCode: 'CDCS',
    parent: 'PHURIENG',
    from: '2019-06-01',
    area: ['25243', 'Xã Bình Tân'],
    decision: ['31/QĐ-LĐLĐ', '2019-06-01'],
  },
  {
    code: 'CDCS-PR-003',
    name: 'CĐCS Công ty TNHH May mặc Phú Riềng',
    typeCode: 'CDCS',
    parent: 'PHURIENG',
    from: '2020-09-10',
    area: ['25264', 'Xã Phú Riềng'],
    decision: ['45/QĐ-LĐLĐ', '2020-09-10'],
  },
  {
    code: 'CDBP-PR-003-X1',
    name: 'Công đoàn bộ phận Xưởng may số 1',
    typeCode: 'CD_BO_PHAN',
    parent: 'CDCS-PR-003',
    from: '2021-01-04',
    area: ['25264', 'Xã Phú Riềng'],
  },
  {
    code: 'CDCS-PR-004',
    name: 'CĐCS Công ty TNHH Hạt điều Long Hà',
    typeCode: 'CDCS',
    parent: 'PHURIENG',
    from: '2022-04-20',
    area: ['25255', 'Xã Long Hà'],
    decision: ['18/QĐ-LĐLĐ', '2022-04-20'],
  },
  {
    code: 'NDCS-PR-001',
    name: 'Nghiệp đoàn cơ sở Cạo mủ cao su xã Phú Trung',
    typeCode: 'NDCS',
    parent: 'PHURIENG',
    from: '2023-08-08',
    area: ['25261', 'Xã Phú Trung'],
    decision: ['27/QĐ-LĐLĐ', '2023-08-08'],
  },
  {
    code: 'CDCS-PR-005',
    name: 'CĐCS Công ty TNHH Cơ khí Phước Tân',
    typeCode: 'CDCS',
    parent: 'PHURIENG',
    from: '2024-06-12',
    area: ['25250', 'Xã Phước Tân'],
    decision: ['09/QĐ-LĐLĐ', '2024-06-12'],
  },
  {
    code: 'CDCS-BD-001',
    name: 'CĐCS Công ty TNHH Chế biến Mủ cao su Đức Phong',
    typeCode: 'CDCS',
    parent: 'BUDANG',
    from: '2015-05-05',
    area: ['25396', 'Thị trấn Đức Phong'],
    decision: ['21/QĐ-LĐLĐ', '2015-05-05'],
  },
];

/** Commune unions founded under the merged province on the reform date. */
export const COMMUNE_UNIONS_2025: DemoUnit[] = [
  {
    code: 'CDXA-BINHTAN',
    name: 'Công đoàn xã Bình Tân',
    typeCode: 'CD_XA',
    parent: 'DONGNAI',
    from: REFORM_DATE,
    area: ['25246', 'Xã Bình Tân'],
  },
  {
    code: 'CDXA-PHURIENG',
    name: 'Công đoàn xã Phú Riềng',
    typeCode: 'CD_XA',
    parent: 'DONGNAI',
    from: REFORM_DATE,
    area: ['25252', 'Xã Phú Riềng'],
  },
  {
    code: 'CDXA-LONGHA',
    name: 'Công đoàn xã Long Hà',
    typeCode: 'CD_XA',
    parent: 'DONGNAI',
    from: REFORM_DATE,
    area: ['25255', 'Xã Long Hà'],
  },
  {
    code: 'CDXA-PHUTRUNG',
    name: 'Công đoàn xã Phú Trung',
    typeCode: 'CD_XA',
    parent: 'DONGNAI',
    from: REFORM_DATE,
    area: ['25261', 'Xã Phú Trung'],
  },
  {
    code: 'CDXA-BUDANG',
    name: 'Công đoàn xã Bù Đăng',
    typeCode: 'CD_XA',
    parent: 'DONGNAI',
    from: REFORM_DATE,
    area: ['25396', 'Xã Bù Đăng'],
  },
];

/** Where each grassroots union went on the reform date, with its new commune (old→new table). */
export const MOVES_2025: { unit: string; to: string; area: [string, string] }[] = [
  { unit: 'CDCS-PR-001', to: 'CDXA-BINHTAN', area: ['25246', 'Xã Bình Tân'] },
  { unit: 'CDCS-PR-002', to: 'CDXA-BINHTAN', area: ['25246', 'Xã Bình Tân'] },
  { unit: 'CDCS-PR-003', to: 'CDXA-PHURIENG', area: ['25252', 'Xã Phú Riềng'] },
  { unit: 'CDCS-PR-004', to: 'CDXA-LONGHA', area: ['25255', 'Xã Long Hà'] },
  { unit: 'NDCS-PR-001', to: 'CDXA-PHUTRUNG', area: ['25261', 'Xã Phú Trung'] },
  { unit: 'CDCS-PR-005', to: 'CDXA-PHUTRUNG', area: ['25261', 'Xã Phú Trung'] },
  { unit: 'CDCS-BD-001', to: 'CDXA-BUDANG', area: ['25396', 'Xã Bù Đăng'] },
];

/** The commune union that takes over each ended district federation's own records (at its seat). */
export const DISTRICT_SUCCESSORS_2025: Record<string, string> = {
  PHURIENG: 'CDXA-PHURIENG',
  BUDANG: 'CDXA-BUDANG',
};

export const DEMO_ACCOUNTS: {
  username: string;
  fullName: string;
  unit: string;
  role: 'federation_admin' | 'officer' | 'viewer';
}[] = [
  { username: 'dongnai.admin', fullName: 'Nguyễn Thị Hồng', unit: 'DONGNAI', role: 'federation_admin' },
  { username: 'binhphuoc.admin', fullName: 'Trần Văn Bình', unit: 'BINHPHUOC', role: 'federation_admin' },
  { username: 'phurieng.admin', fullName: 'Lê Văn Hùng', unit: 'PHURIENG', role: 'federation_admin' },
  { username: 'phurieng.canbo', fullName: 'Phạm Thị Lan', unit: 'PHURIENG', role: 'officer' },
  { username: 'phurieng.lanhdao', fullName: 'Đặng Văn Sơn', unit: 'PHURIENG', role: 'viewer' },
  { username: 'budang.canbo', fullName: 'Hoàng Thị Mai', unit: 'BUDANG', role: 'officer' },
  { username: 'cdcs.maymac', fullName: 'Võ Thị Thu', unit: 'CDCS-PR-003', role: 'officer' },
  { username: 'cdxa.phurieng', fullName: 'Bùi Văn Tâm', unit: 'CDXA-PHURIENG', role: 'federation_admin' },
];
