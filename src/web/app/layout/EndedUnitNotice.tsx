import { Alert } from 'antd';
import { viDate } from '../../components/format.js';
import { useSession } from '../../features/auth/session.js';
import { useI18n } from '../i18n/I18nProvider.js';

/**
 * Signed in as an officer of a unit that has ended (e.g. a district federation after 01/07/2025): say
 * so on every page, with who took over, so new records are not filed under it by mistake. Records of
 * the time it existed can still be entered (the server refuses only dates after its end).
 */
export function EndedUnitNotice() {
  const { t } = useI18n();
  const { me } = useSession();
  const ended = (me?.roles ?? []).filter((r) => r.unitEndedOn);
  const seen = new Set<number>();
  const units = ended.filter((r) => !seen.has(r.unitId) && seen.add(r.unitId));
  if (units.length === 0) return null;
  return (
    <div className="ended-unit-notice" data-testid="ended-unit-notice">
      {units.map((r) => (
        <Alert
          key={r.unitId}
          type="warning"
          showIcon
          title={
            r.successorName
              ? t('endedUnit.withSuccessor', {
                  name: r.unitName,
                  date: viDate(r.unitEndedOn),
                  successor: r.successorName,
                })
              : t('endedUnit.noSuccessor', { name: r.unitName, date: viDate(r.unitEndedOn) })
          }
          description={t('endedUnit.hint')}
        />
      ))}
    </div>
  );
}
