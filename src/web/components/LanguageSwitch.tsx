import { App, Segmented } from 'antd';
import { errorText } from '../app/api/errors.js';
import { useI18n } from '../app/i18n/I18nProvider.js';
import type { Locale } from '../app/i18n/i18n.js';
import { useSession } from '../features/auth/session.js';

export function LanguageSwitch({ size }: { size?: 'small' | 'middle' }) {
  const { locale, t } = useI18n();
  const { changeLocale } = useSession();
  const { message } = App.useApp();
  return (
    <Segmented<Locale>
      data-testid="lang-switch"
      aria-label={t('lang.label')}
      size={size}
      value={locale}
      options={[
        { value: 'vi', label: <span lang="vi">{t('lang.vi')}</span> },
        { value: 'en', label: <span lang="en">{t('lang.en')}</span> },
      ]}
      onChange={(next) => {
        changeLocale(next).catch((e: unknown) => message.error(`${t('lang.changeFailed')}: ${errorText(e, t)}`));
      }}
    />
  );
}
