import type { FilterCode } from '../../../shared/metrics/catalogue.js';
import type { PLAN_SECTIONS } from '../../../shared/plans/contract.js';
import type { MessageKey } from '../../app/i18n/i18n.js';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A target's filters in words: "Nữ · Khu vực phi kết cấu · Có từ 25 lao động"; `false` reads "không …". */
export function filtersText(filters: Record<string, boolean | number>, t: T): string {
  return Object.entries(filters)
    .map(([code, v]) => {
      const key = `plan.filter.${code as FilterCode}` as const;
      if (typeof v === 'number') return t('plan.filter.minWorkersValue', { n: v });
      return v ? t(key) : `${t('plan.filter.not')} ${t(key).toLocaleLowerCase('vi')}`;
    })
    .join(' · ');
}

/** The plan's text sections in print order (the contract's list; repeated here so zod stays out of the bundle). */
export const SECTIONS = [
  'preamble',
  'purpose',
  'requirements',
  'tasks',
  'organisation',
  'schedule',
  'closing',
] as const satisfies readonly (typeof PLAN_SECTIONS)[number][];
