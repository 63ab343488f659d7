/**
 * The language choice and message filling, without any catalogue: shared by the app and the light apply
 * entry (apply/), which must not pull in the app's catalogues.
 */
export type Locale = 'vi' | 'en';
export type MessageParams = Record<string, string | number>;

const numberFormat = new Intl.NumberFormat('vi-VN');

/** Numbers are shown with Vietnamese separators (1.234.567) in both languages: the data is Vietnamese. */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** Fills a message's {placeholders}; numbers get Vietnamese digit grouping. */
export function fill(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
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
