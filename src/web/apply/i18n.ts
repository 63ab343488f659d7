import { fill, type Locale, type MessageParams } from '../app/i18n/locale.js';
import { applyEn, applyVi } from './messages.js';

export type ApplyKey = keyof typeof applyVi;
export type ApplyT = (key: ApplyKey, params?: MessageParams) => string;

const catalogues: Record<Locale, Record<ApplyKey, string>> = { vi: applyVi, en: applyEn };

export function applyT(locale: Locale): ApplyT {
  return (key, params) => fill(catalogues[locale][key], params);
}
