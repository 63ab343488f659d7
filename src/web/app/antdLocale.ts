import type { ConfigProviderProps } from 'antd';
import enUSModule from 'antd/locale/en_US.js';
import viVNModule from 'antd/locale/vi_VN.js';
import type { Locale } from './i18n/i18n.js';

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

/**
 * antd's locale files are CommonJS. Under the repo's NodeNext type rules a default import is typed
 * as the module object, while Vite hands over the default export itself: accept both shapes.
 */
function unwrap(m: unknown): AntdLocale {
  if (typeof m === 'object' && m !== null && 'default' in m && !('locale' in m)) {
    return (m as { default: AntdLocale }).default;
  }
  return m as AntdLocale;
}

export const antdLocales: Record<Locale, AntdLocale> = { vi: unwrap(viVNModule), en: unwrap(enUSModule) };
