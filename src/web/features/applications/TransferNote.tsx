import { useI18n } from '../../app/i18n/I18nProvider.js';
import type { TApplication } from './api.js';

/** Already a member somewhere: named when the unit is the officer's to see, otherwise only the fact. */
export function TransferNote({ a }: { a: TApplication }) {
  const { t } = useI18n();
  if (!a.activeElsewhere) return null;
  return (
    <span>
      {a.activeElsewhere.unitId === a.unitId
        ? t('applications.alreadyHere')
        : a.activeElsewhere.unitName
          ? t('applications.transferAt', { unit: a.activeElsewhere.unitName })
          : t('applications.transferHidden')}
    </span>
  );
}
