import dayjs from 'dayjs';
import 'dayjs/locale/vi.js';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { setApiLocale } from '../api/client.js';
import { type Locale, type MessageKey, type MessageParams, storedLocale, storeLocale, translate } from './i18n.js';

type I18n = {
  locale: Locale;
  /** Switches the UI language now; persisting it for a signed-in user is the session's job. */
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
};

const I18nContext = createContext<I18n | null>(null);

/** Everything outside React that depends on the language follows the same switch. */
function applyLocale(locale: Locale) {
  dayjs.locale(locale === 'vi' ? 'vi' : 'en');
  document.documentElement.lang = locale;
  setApiLocale(locale);
  storeLocale(locale);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = storedLocale();
    applyLocale(initial);
    return initial;
  });
  const setLocale = useCallback((next: Locale) => {
    applyLocale(next);
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
