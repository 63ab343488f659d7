import { en } from './en.js';
import { vi } from './vi.js';

export type Locale = 'vi' | 'en';
export type MessageKey = keyof typeof vi;
export type MessageParams = Record<string, string | number>;

const catalogues: Record<Locale, Record<MessageKey, string>> = { vi, en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(vi, key);
}

/** Looks up a message and fills its {placeholders}; numbers get Vietnamese digit grouping. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

const numberFormat = new Intl.NumberFormat('vi-VN');

/** Numbers are shown with Vietnamese separators (1.234.567) in both languages: the data is Vietnamese. */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

const STORAGE_KEY = 'dv.locale';

/** The language chosen before signing in; after sign-in the user's saved choice wins. */
export function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
}
