import { useI18n } from '../i18n/I18nProvider.js';

/** The product mark: a plain monogram, no image to download. */
export function Brand({ dark }: { dark?: boolean }) {
  const { t } = useI18n();
  return (
    <span className={dark ? 'brand brand-dark' : 'brand'}>
      <span className="brand-mark" aria-hidden>
        ĐV
      </span>
      <span className="brand-name">{t('app.name')}</span>
    </span>
  );
}
