import type { Locale, Message } from '../i18n/messages.js';
import type { GENDERS, MEMBERSHIP_EVENT_KINDS, MEMBERSHIP_STATUSES, PARTY_STATUSES } from './enums.js';

/**
 * The names of the members' enums, one wording for every place that shows them: the screens, the
 * Excel export, the personal-data workbook.
 */
export const GENDER_LABELS: Record<(typeof GENDERS)[number], Message> = {
  male: { vi: 'Nam', en: 'Male' },
  female: { vi: 'Nữ', en: 'Female' },
};

export const MEMBERSHIP_STATUS_LABELS: Record<(typeof MEMBERSHIP_STATUSES)[number], Message> = {
  active: { vi: 'Đang sinh hoạt', en: 'Active' },
  transferred: { vi: 'Đã chuyển sinh hoạt', en: 'Transferred' },
  left: { vi: 'Đã ra khỏi tổ chức', en: 'Left' },
  expelled: { vi: 'Bị khai trừ', en: 'Expelled' },
  honorary: { vi: 'Đoàn viên danh dự', en: 'Honorary member' },
};

export const MEMBERSHIP_EVENT_LABELS: Record<(typeof MEMBERSHIP_EVENT_KINDS)[number], Message> = {
  admitted: { vi: 'Kết nạp', en: 'Admitted' },
  card_issued: { vi: 'Cấp thẻ đoàn viên', en: 'Card issued' },
  transferred_out: { vi: 'Chuyển sinh hoạt đi', en: 'Transferred out' },
  transferred_in: { vi: 'Chuyển sinh hoạt đến', en: 'Transferred in' },
  left: { vi: 'Ra khỏi tổ chức', en: 'Left' },
  expelled: { vi: 'Khai trừ', en: 'Expelled' },
  honorary: { vi: 'Chuyển thành đoàn viên danh dự', en: 'Became an honorary member' },
};

export const PARTY_STATUS_LABELS: Record<(typeof PARTY_STATUSES)[number], Message> = {
  introduced: { vi: 'Đã giới thiệu', en: 'Introduced' },
  in_training: { vi: 'Đang bồi dưỡng', en: 'In training' },
  admitted: { vi: 'Đã được kết nạp Đảng', en: 'Admitted to the Party' },
  not_admitted: { vi: 'Không được kết nạp', en: 'Not admitted' },
};

export const ID_KIND_LABELS: Record<'cccd' | 'cmnd' | 'passport', Message> = {
  cccd: { vi: 'Căn cước công dân', en: 'Citizen ID (CCCD)' },
  cmnd: { vi: 'Chứng minh nhân dân', en: 'Old ID card (CMND)' },
  passport: { vi: 'Hộ chiếu', en: 'Passport' },
};

/** The label of an enum value in one language; an unknown value is shown as it is. */
export function labelOf<K extends string>(labels: Record<K, Message>, value: string, locale: Locale = 'vi'): string {
  return (labels as Record<string, Message | undefined>)[value]?.[locale] ?? value;
}

/** A label table as screen-catalogue entries under a prefix ("member.status.active": "Đang sinh hoạt"). */
export function labelKeys<P extends string, K extends string>(
  prefix: P,
  labels: Record<K, Message>,
  locale: Locale,
): { [Q in K as `${P}.${Q}`]: string } {
  return Object.fromEntries(Object.entries<Message>(labels).map(([k, m]) => [`${prefix}.${k}`, m[locale]])) as {
    [Q in K as `${P}.${Q}`]: string;
  };
}
