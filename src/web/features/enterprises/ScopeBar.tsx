import { Button, Space } from 'antd';
import { compareIso } from '../../../shared/text/index.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { DateInput } from '../../components/DateInput.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { thisYear, type WorkScope } from './workScope.js';

type Props = { scope: WorkScope; period?: boolean };

/** The unit (a subtree of the user's scope) and the period the figures on the page are for. */
export function ScopeBar({ scope, period = true }: Props) {
  const { t } = useI18n();
  const year = thisYear(scope.today);
  const isYear = scope.from === year.from && scope.to === year.to;
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
            <Button
              disabled={isYear}
              onClick={() => scope.setPeriod(year.from, year.to)}
              data-testid="period-this-year"
            >
              {t('period.thisYear')}
            </Button>
          </Space.Compact>
        </div>
      )}
    </div>
  );
}
