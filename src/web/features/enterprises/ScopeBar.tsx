import { useQuery } from '@tanstack/react-query';
import { Space } from 'antd';
import { compareIso } from '../../../shared/text/index.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { DateInput } from '../../components/DateInput.js';
import { PeriodShortcuts } from '../../components/PeriodShortcuts.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { planKeys, plansApi } from '../plans/api.js';
import type { WorkScope } from './workScope.js';

type Props = { scope: WorkScope; period?: boolean };

/** The unit (a subtree of the user's scope) and the period the figures on the page are for. */
export function ScopeBar({ scope, period = true }: Props) {
  const { t } = useI18n();
  // The periods of the unit's own plans (not its sub-units'; the latest two), beside the calendar ones: "Kỳ KH 8/KH-LĐLĐ".
  const unitId = scope.unitId;
  const plans = useQuery({
    queryKey: planKeys.list({ unitId }),
    queryFn: () => plansApi.list({ unitId }),
    enabled: period && unitId !== undefined,
    staleTime: 60_000,
  });
  const own = (plans.data?.items ?? []).filter((p) => p.unitId === unitId);
  const planPeriods = own.slice(0, 2).map((p) => ({
    key: `plan-${p.id}`,
    label: t('period.plan', { ref: p.reference }),
    from: p.periodFrom,
    to: p.periodTo,
  }));
  return (
    <div className="scope-bar">
      <div className="scope-field scope-unit">
        <span className="scope-label">{t('scope.unit')}</span>
        <UnitSelect
          asOf={scope.today}
          value={scope.unitId ?? null}
          valueName={scope.unitName}
          onChange={(id) => id !== null && scope.setUnit(id)}
          placeholder={t('scope.unitPlaceholder')}
          style={{ width: '100%' }}
          data-testid="scope-unit"
        />
      </div>
      {period && (
        <div className="scope-field scope-period">
          <span className="scope-label">{t('period.label')}</span>
          <div className="scope-period-row">
            <Space.Compact className="scope-period-inputs">
              <DateInput
                id="scope-from"
                aria-label={t('period.from')}
                value={scope.from}
                allowClear={false}
                onChange={(d) => d && scope.setPeriod(d, compareIso(d, scope.to) > 0 ? d : scope.to)}
                style={{ width: 128 }}
              />
              <DateInput
                id="scope-to"
                aria-label={t('period.to')}
                value={scope.to}
                allowClear={false}
                onChange={(d) => d && scope.setPeriod(compareIso(d, scope.from) < 0 ? d : scope.from, d)}
                style={{ width: 128 }}
              />
            </Space.Compact>
            <PeriodShortcuts
              today={scope.today}
              from={scope.from}
              to={scope.to}
              onChange={scope.setPeriod}
              extra={planPeriods}
            />
          </div>
        </div>
      )}
    </div>
  );
}
