import { Timeline, Typography } from 'antd';
import type { TOrgUnitDetail } from '../../../shared/org/contract.js';
import { addDays } from '../../../shared/text/index.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { viDate } from '../../components/format.js';
import { useUnitTypes } from './unitTypes.js';

/** The unit's dated states, newest first; the state in force on the viewed date is highlighted. */
export function UnitHistory({ unit, asOf }: { unit: TOrgUnitDetail; asOf: string }) {
  const { t } = useI18n();
  const types = useUnitTypes();
  if (unit.history.length === 0) return <Typography.Text type="secondary">{t('org.history.empty')}</Typography.Text>;
  const states = [...unit.history].reverse();
  return (
    <Timeline
      className="unit-history"
      data-testid="unit-history"
      items={states.map((h) => {
        const current = h.validFrom <= asOf && (h.validTo === null || asOf < h.validTo);
        const period = h.validTo
          ? t('date.range', { from: viDate(h.validFrom), to: viDate(addDays(h.validTo, -1)) })
          : t('date.rangeOpen', { from: viDate(h.validFrom) });
        return {
          key: h.validFrom,
          color: current ? 'green' : 'gray',
          content: (
            <div className={current ? 'history-state history-current' : 'history-state'}>
              <div className="history-period">{period}</div>
              <div className="history-name">{h.name}</div>
              <div>{types.name(h.typeCode)}</div>
              <div>{h.parentName ? t('org.history.parent', { name: h.parentName }) : t('org.history.top')}</div>
              {h.adminAreaName && <div>{t('org.history.area', { name: h.adminAreaName })}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
