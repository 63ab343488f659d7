/**
 * The few official communes the demo names, written out here (the product ships no list): Huyện Phú
 * Riềng (698) and Thị trấn Đức Phong of Huyện Bù Đăng (696), Tỉnh Bình Phước (70), before 01/07/2025;
 * the communes of Tỉnh Đồng Nai (75) they became; and which became which (codes of the statistics
 * office, as in shared/data/admin-units/README.md). A real installation imports the whole lists.
 */
import type { AdminUnitFile, ConversionRow, ListUnit } from '../modules/admin-units/admin-units.files.js';

const BP = { provinceCode: '70', provinceName: 'Tỉnh Bình Phước' };
const DN = { provinceCode: '75', provinceName: 'Tỉnh Đồng Nai' };
const PHU_RIENG = { districtCode: '698', districtName: 'Huyện Phú Riềng' };

const old = (code: string, name: string, district = PHU_RIENG): ListUnit => ({
  code,
  name,
  kind: name.startsWith('Thị trấn') ? 'thi_tran' : 'xa',
  ...BP,
  ...district,
});
const BEFORE: ListUnit[] = [
  old('25240', 'Xã Long Bình'),
  old('25243', 'Xã Bình Tân'),
  old('25244', 'Xã Bình Sơn'),
  old('25246', 'Xã Long Hưng'),
  old('25250', 'Xã Phước Tân'),
  old('25252', 'Xã Bù Nho'),
  old('25255', 'Xã Long Hà'),
  old('25258', 'Xã Long Tân'),
  old('25261', 'Xã Phú Trung'),
  old('25264', 'Xã Phú Riềng'),
  old('25396', 'Thị trấn Đức Phong', { districtCode: '696', districtName: 'Huyện Bù Đăng' }),
];

const now = (code: string, name: string): ListUnit => ({
  code,
  name,
  kind: name.startsWith('Phường') ? 'phuong' : 'xa',
  ...DN,
  districtCode: null,
  districtName: null,
});
const AFTER: ListUnit[] = [
  now('25220', 'Phường Phước Bình'),
  now('25246', 'Xã Bình Tân'),
  now('25252', 'Xã Phú Riềng'),
  now('25255', 'Xã Long Hà'),
  now('25261', 'Xã Phú Trung'),
  now('25396', 'Xã Bù Đăng'),
];

const name = (list: ListUnit[], code: string) => list.find((u) => u.code === code)?.name ?? code;
const into = (newCode: string, oldCodes: string[]): ConversionRow[] =>
  oldCodes.map((oldCode) => ({
    newCode,
    newName: name(AFTER, newCode),
    newProvinceCode: '75',
    newProvinceName: DN.provinceName,
    oldCode,
    oldName: name(BEFORE, oldCode),
    oldProvinceCode: '70',
    part: false,
  }));
const CONVERSION: ConversionRow[] = [
  ...into('25246', ['25240', '25243', '25246']),
  ...into('25252', ['25252', '25264']),
  ...into('25255', ['25255', '25258']),
  ...into('25261', ['25250', '25261']),
  ...into('25220', ['25244']),
  ...into('25396', ['25396']),
];

export const DEMO_ADMIN_UNITS: AdminUnitFile[] = [
  { layout: 'before', fileName: 'demo', units: BEFORE },
  { layout: 'after', fileName: 'demo', units: AFTER },
  { layout: 'conversion', fileName: 'demo', rows: CONVERSION },
];
