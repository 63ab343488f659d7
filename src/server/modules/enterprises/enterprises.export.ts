import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ENTERPRISE_EXPORT_COLUMNS, enterprisesMessages as M } from '../../../shared/enterprises/messages.js';
import { say } from '../../../shared/i18n/messages.js';
import { formatViDate } from '../../../shared/text/index.js';
import { exportRow } from '../../platform/files.js';
import { sheetCaughtUp } from '../../platform/xlsx-backpressure.js';
import type { EnterpriseRow, Period } from './enterprises.repository.js';

const vi = (iso: string | null) => (iso ? formatViDate(iso) : '');

/** The file's name for a period (Vietnamese, like the workbook itself). */
export const exportFileName = (period: Period) => say(M.exportFileName, { to: period.to }).vi;

/**
 * Streams the filtered list to an .xlsx (rows pulled in chunks and committed as written, so memory stays flat). Written in
 * Vietnamese whatever the reader's language: the workbook is passed on to other offices.
 */
export async function writeEnterprisesXlsx(
  out: Writable,
  rows: AsyncIterable<EnterpriseRow>,
  period: Period,
  ownershipNames: ReadonlyMap<string, string>,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet(M.exportSheet.vi, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = ENTERPRISE_EXPORT_COLUMNS.map(([, width]) => ({ width }));
  ws.addRow([say(M.exportTitle, { from: vi(period.from), to: vi(period.to) }).vi]).commit();
  const header = ws.addRow(ENTERPRISE_EXPORT_COLUMNS.map(([h]) => h.vi));
  header.font = { bold: true };
  header.commit();
  const yesNo = (b: boolean) => (b ? M.exportYes.vi : M.exportNo.vi);
  // The commune as found in the official lists (by code, name or address), so that the file's reader
  // sees the same commune the coverage counts, or that none was found.
  const commune = (name: string | null, district: string | null, province: string | null, code: string | null) =>
    name ? `${[name, district, province].filter(Boolean).join(', ')} (${code})` : M.exportCommuneUnknown.vi;
  let i = 0;
  for await (const r of rows) {
    i += 1;
    ws.addRow(
      exportRow([
        i,
        r.mst ?? '',
        r.name,
        r.address ?? '',
        r.admin_area_name ?? '',
        commune(r.cu_name, r.cu_district, r.cu_province, r.cu_code),
        commune(r.cn_name, r.cn_district, r.cn_province, r.cn_code),
        ownershipNames.get(r.ownership_code) ?? r.ownership_code,
        r.industry ?? '',
        r.worker_count,
        r.female_count,
        r.member_count,
        vi(r.last_survey_date),
        vi(r.last_contact_date),
        yesNo(r.grassroots_unit_id !== null),
        yesNo(Number(r.reached) === 1),
        r.officer_name ?? '',
        r.unit_name,
      ]),
    ).commit();
    await sheetCaughtUp(ws);
  }
  ws.commit();
  await wb.commit();
}
