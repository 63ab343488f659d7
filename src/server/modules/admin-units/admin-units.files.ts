/**
 * Reads the statistics office's files in their published layouts: the 3-level list before 07/2025
 * (CSV: province, code, district, code, commune, code, level), the 2-level list from 07/2025 (JSON:
 * code, name, province_name) and the conversion table (CSV: new province "(code)", new commune, code,
 * old commune, code, note "Nhập toàn bộ"/"Nhập một phần…", old district "(code)", old province "(code)").
 * A file that fits none, or a row without its codes, is refused with its row named.
 */
import { parse } from 'csv-parse/sync';
import type { AdminUnitKind } from '../../../shared/admin-units/labels.js';
import { fold } from '../../../shared/text/index.js';
import { AppError } from '../../platform/errors.js';
import { kindOf } from './admin-units.keys.js';

export type ListUnit = {
  code: string;
  name: string;
  kind: AdminUnitKind;
  provinceCode: string | null;
  provinceName: string;
  districtCode: string | null;
  districtName: string | null;
};
export type ConversionRow = {
  newCode: string;
  newName: string;
  newProvinceCode: string | null;
  newProvinceName: string;
  oldCode: string;
  oldName: string;
  oldProvinceCode: string | null;
  part: boolean;
};
export type AdminUnitFile =
  | { layout: 'before'; fileName: string; units: ListUnit[] }
  | { layout: 'after'; fileName: string; units: ListUnit[] }
  | { layout: 'conversion'; fileName: string; rows: ConversionRow[] };

const bad = (fileName: string, reason: string): never => {
  throw new AppError('ADMIN_UNITS_FILE', { file: fileName, reason });
};

const code5 = (s: string) => s.trim().padStart(5, '0');
/** "Tỉnh Đồng Nai (75)" → name and code. */
function nameAndCode(s: string): { name: string; code: string | null } {
  const m = s.trim().match(/^(.*?)\s*\((\d+)\)\s*$/);
  return m?.[1] !== undefined && m[2] ? { name: m[1].trim(), code: m[2] } : { name: s.trim(), code: null };
}

function readBefore(fileName: string, text: string): AdminUnitFile {
  const rows: string[][] = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
  const header = (rows[0] ?? []).map((h) => fold(h));
  const col = (name: string) => {
    const i = header.indexOf(fold(name));
    return i >= 0 ? i : bad(fileName, `thiếu cột "${name}"`);
  };
  const [p, pc, d, dc, c, cc, lv] = ['Tỉnh Thành Phố', 'Mã TP', 'Quận Huyện', 'Mã QH', 'Phường Xã', 'Mã PX', 'Cấp'].map(
    col,
  );
  const units = rows.slice(1).map((r, i) => {
    const at = (k: number | undefined) => (k === undefined ? '' : (r[k] ?? '').trim());
    // Island districts without communes (Côn Đảo, Hoàng Sa…) are listed with the district as the unit.
    const isDistrict = fold(at(lv)) === 'huyen';
    // Such a district keeps its 3-digit code, which no commune has (communes have 5).
    const code = isDistrict ? at(dc).padStart(3, '0') : code5(at(cc));
    const name = isDistrict ? at(d) : at(c);
    if (!/^\d+$/.test(isDistrict ? at(dc) : at(cc)) || !name || !/^\d+$/.test(at(pc))) {
      bad(fileName, `dòng ${i + 2}: thiếu tên hoặc mã của xã/phường, quận/huyện hoặc tỉnh`);
    }
    return {
      code,
      name,
      kind: kindOf(at(lv) || name),
      provinceCode: at(pc).padStart(2, '0'),
      provinceName: at(p),
      districtCode: at(dc).padStart(3, '0'),
      districtName: at(d),
    };
  });
  return { layout: 'before', fileName, units };
}

function readAfter(fileName: string, text: string): AdminUnitFile {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return bad(fileName, 'không phải tệp JSON hợp lệ');
  }
  if (!Array.isArray(data)) return bad(fileName, 'tệp JSON phải là một danh sách');
  const units = data.map((x: Record<string, unknown>, i) => {
    const code = String(x.code ?? '').trim();
    const name = typeof x.name === 'string' ? x.name.trim() : '';
    const provinceName = typeof x.province_name === 'string' ? x.province_name.trim() : '';
    if (!/^\d+$/.test(code) || !name || !provinceName)
      bad(fileName, `mục ${i + 1}: thiếu code, name hoặc province_name`);
    const provinceCode = x.province_code == null ? null : String(x.province_code).padStart(2, '0');
    return {
      code: code5(code),
      name,
      kind: kindOf(name),
      provinceCode,
      provinceName,
      districtCode: null,
      districtName: null,
    };
  });
  return { layout: 'after', fileName, units };
}

function readConversion(fileName: string, text: string): AdminUnitFile {
  const rows: string[][] = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
  const out: ConversionRow[] = [];
  rows.slice(2).forEach((r, i) => {
    const at = (k: number) => (r[k] ?? '').trim();
    // Province title rows ("THÀNH PHỐ HÀ NỘI") carry no codes.
    if (!at(2) && !at(4)) return;
    if (!/^\d+$/.test(at(2))) bad(fileName, `dòng ${i + 3}: thiếu mã xã mới`);
    // A whole island district became a special zone: the old unit is the district (its code in column G).
    const district = nameAndCode(at(6));
    const oldCode = /^\d+$/.test(at(4)) ? code5(at(4)) : fold(at(5)).includes('huyen') ? district.code : null;
    // Rows for areas that had no code of their own (a coastal strip run by a district) link nothing.
    if (!oldCode) return;
    const np = nameAndCode(at(0));
    const op = nameAndCode(at(7));
    out.push({
      newCode: code5(at(2)),
      newName: at(1).trim(),
      newProvinceCode: np.code,
      newProvinceName: np.name,
      oldCode,
      oldName: at(3),
      oldProvinceCode: op.code,
      part: fold(at(5)).includes('mot phan'),
    });
  });
  return { layout: 'conversion', fileName, rows: out };
}

/** Which layout a file is in, by its first bytes, and its rows. */
export function readAdminUnitFile(fileName: string, text: string): AdminUnitFile {
  const head = fold(text.slice(0, 400));
  if (/^\s*\[/.test(text.replace(/^\uFEFF/, ''))) return readAfter(fileName, text);
  if (head.includes('ma px')) return readBefore(fileName, text);
  if (head.includes('ma xa moi') || head.includes('don vi hanh chinh tu ngay')) return readConversion(fileName, text);
  return bad(fileName, 'không nhận ra bố cục (danh mục trước 07/2025, từ 07/2025 hoặc bảng chuyển đổi)');
}
