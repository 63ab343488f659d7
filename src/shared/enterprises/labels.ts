import type { Message } from '../i18n/messages.js';

/**
 * The enterprises' enums and their names, one wording for the screens and the server. No zod here:
 * the web imports these values, and a contract file would pull zod into the bundle.
 */
export const EMPLOYER_ATTITUDES = ['supportive', 'neutral', 'reluctant', 'opposed'] as const;
export type EmployerAttitude = (typeof EMPLOYER_ATTITUDES)[number];

export const SIZE_BANDS = ['lt10', '10_24', '25_99', '100_499', '500_plus'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];
/** Inclusive lower and exclusive upper worker counts of each size band. */
export const SIZE_BAND_RANGES: Record<SizeBand, [number, number | null]> = {
  lt10: [0, 10],
  '10_24': [10, 25],
  '25_99': [25, 100],
  '100_499': [100, 500],
  '500_plus': [500, null],
};

export const TIMELINE_KINDS = ['survey', 'outreach', 'created'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const ATTITUDE_LABELS: Record<EmployerAttitude, Message> = {
  supportive: { vi: 'Ủng hộ', en: 'Supportive' },
  neutral: { vi: 'Trung lập', en: 'Neutral' },
  reluctant: { vi: 'Còn e ngại', en: 'Reluctant' },
  opposed: { vi: 'Phản đối', en: 'Opposed' },
};

export const SIZE_BAND_LABELS: Record<SizeBand, Message> = {
  lt10: { vi: 'Dưới 10 LĐ', en: 'Under 10 workers' },
  '10_24': { vi: '10–24 LĐ', en: '10–24 workers' },
  '25_99': { vi: '25–99 LĐ', en: '25–99 workers' },
  '100_499': { vi: '100–499 LĐ', en: '100–499 workers' },
  '500_plus': { vi: 'Từ 500 LĐ', en: '500 workers or more' },
};

export const TIMELINE_KIND_LABELS: Record<TimelineKind, Message> = {
  survey: { vi: 'Khảo sát', en: 'Survey' },
  outreach: { vi: 'Tuyên truyền', en: 'Outreach' },
  created: { vi: 'Đưa vào danh sách', en: 'Listed' },
};
