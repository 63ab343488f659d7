import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { EnterpriseRow, Period } from './enterprises.repository.js';

const HEADERS: [string, number][] = [
  ['STT', 6],
  ['Mã số thuế', 16],
  ['Tên doanh nghiệp', 44],
  ['Địa chỉ', 36],
  ['Xã/phường', 22],
  ['Loại hình', 14],
  ['Ngành nghề', 22],
  ['Số lao động', 12],
  ['Lao động nữ', 12],
  ['Đoàn viên', 12],
  ['Ngày khảo sát gần nhất', 14],
  ['Liên hệ gần nhất', 14],
  ['Có CĐCS', 10],
  ['Đã tuyên truyền trong kỳ', 14],
  ['Cán bộ phụ trách', 22],
  ['Đơn vị quản lý', 30],
];

const vi = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

/** Streams the filtered list to an .xlsx (rows committed as written, so memory stays flat). */
export async function writeEnterprisesXlsx(out: Writable, rows: EnterpriseRow[], period: Period): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet('Doanh nghiệp', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = HEADERS.map(([, width]) => ({ width }));
  ws.addRow([`Danh sách doanh nghiệp — kỳ tuyên truyền ${vi(period.from)} đến ${vi(period.to)}`]).commit();
  const header = ws.addRow(HEADERS.map(([h]) => h));
  header.font = { bold: true };
  header.commit();
  rows.forEach((r, i) => {
    ws.addRow([
      i + 1,
      r.mst ?? '',
      r.name,
      r.address ?? '',
      r.admin_area_name ?? '',
      r.ownership_code,
      r.industry ?? '',
      r.worker_count,
      r.female_count,
      r.member_count,
      vi(r.last_survey_date),
      vi(r.last_contact_date),
      r.grassroots_unit_id ? 'Có' : 'Chưa',
      Number(r.reached) === 1 ? 'Có' : 'Chưa',
      r.officer_name ?? '',
      r.unit_name,
    ]).commit();
  });
  ws.commit();
  await wb.commit();
}
