import { Button, Space } from 'antd';
import { useI18n } from '../app/i18n/I18nProvider.js';
import { lastSixMonths, type PeriodChoice, thisQuarter, yearSoFar } from './periods.js';

type Props = {
  today: string;
  from: string;
  to: string;
  onChange: (from: string, to: string) => void;
  /** More named periods, e.g. a plan's period once plans exist. */
  extra?: PeriodChoice[];
};

/**
 * One-click periods for pages that take a period: this quarter, the last six months, this year, and
 * whatever the page adds (a plan's period). The one matching the chosen period is shown pressed.
 */
export function PeriodShortcuts({ today, from, to, onChange, extra = [] }: Props) {
  const { t } = useI18n();
  const calendar: PeriodChoice[] = [
    { key: 'this-quarter', label: t('period.thisQuarter'), ...thisQuarter(today) },
    { key: 'six-months', label: t('period.sixMonths'), ...lastSixMonths(today) },
    { key: 'this-year', label: t('period.thisYear'), ...yearSoFar(today) },
  ];
  const group = (choices: PeriodChoice[]) => (
    <Space.Compact className="period-shortcuts" aria-label={t('period.shortcuts')}>
      {choices.map((c) => {
        const active = c.from === from && c.to === to;
        return (
          <Button
            key={c.key}
            type={active ? 'primary' : 'default'}
            aria-pressed={active}
            onClick={() => onChange(c.from, c.to)}
            data-testid={`period-${c.key}`}
          >
            {c.label}
          </Button>
        );
      })}
    </Space.Compact>
  );
  // The page's own periods (a plan's) in a group of their own, which wraps to the next line on a phone.
  if (extra.length === 0) return group(calendar);
  return (
    <>
      {group(calendar)}
      {group(extra)}
    </>
  );
}
