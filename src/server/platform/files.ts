import { fold } from '../../shared/text/index.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A download name in plain ASCII for old clients ("Danh sách đoàn viên.xlsx" → "danh-sach-doan-vien.xlsx"
 * unless an ASCII name is given), and the Vietnamese one (RFC 5987) for the rest.
 */
export function contentDisposition(fileName: string, kind: 'attachment' | 'inline' = 'attachment', asciiName?: string) {
  const ascii = (asciiName ?? fold(fileName).replace(/\s+/g, '-')).replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName.replace(/[\\/\r\n"]/g, '_'))}`;
}
