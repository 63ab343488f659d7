import dayjs from 'dayjs';
import { formatViDate, isIsoDate } from '../../shared/text/index.js';

/** dd/mm/yyyy for an ISO date; an em dash for none (a missing date is not an error on screen). */
export function viDate(iso: string | null | undefined): string {
  return iso && isIsoDate(iso) ? formatViDate(iso) : '—';
}

/** dd/mm/yyyy HH:mm in the browser's time zone, for timestamps such as audit entries. */
export function viDateTime(timestamp: string | null | undefined): string {
  if (!timestamp) return '—';
  const d = dayjs(timestamp);
  return d.isValid() ? d.format('DD/MM/YYYY HH:mm') : timestamp;
}

const percentFormat = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });

/** "33,3%" for part of whole in Vietnamese notation; an em dash when there is nothing to divide by. */
export function viPercent(part: number, whole: number): string {
  return whole > 0 ? percentFormat.format(part / whole) : '—';
}
