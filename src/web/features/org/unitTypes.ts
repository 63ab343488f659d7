import { useQuery } from '@tanstack/react-query';
import type { TUnitType } from '../../../shared/org/contract.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { orgApi, orgKeys } from './api.js';

/**
 * Unit types are data from the server (they change with reorganisations), never names written in
 * the UI. A short label may come from the server later (shortVi/shortEn); until then it is derived.
 */
type MaybeShort = TUnitType & { shortVi?: string | null; shortEn?: string | null };

export function typeName(type: TUnitType, locale: Locale): string {
  return locale === 'vi' ? type.nameVi : type.nameEn;
}

const SMALL_WORDS = new Set(['of', 'and', 'the', 'for']);

/**
 * Vietnamese: initials of the syllables before the first comma, as unions abbreviate
 * ("Công đoàn cơ sở" → CĐCS, "Tổng Liên đoàn Lao động Việt Nam" → TLĐLĐVN).
 * English: initials of the words that carry meaning ("Grassroots trade union" → GTU).
 */
export function deriveShortLabel(name: string, locale: Locale): string {
  // Asides in brackets ("(informal workers)") explain the name; they are not part of it.
  const plain = name.replace(/\([^)]*\)/g, ' ');
  const head = locale === 'vi' ? (plain.split(',')[0] ?? plain) : plain;
  const words = head.split(/[\s/]+/).filter((w) => locale === 'vi' || !SMALL_WORDS.has(w.toLowerCase()));
  const initials = words.map((w) => (w.match(/\p{L}/u)?.[0] ?? '').toLocaleUpperCase(locale)).join('');
  return initials || name;
}

export function typeShortLabel(type: TUnitType, locale: Locale): string {
  const t = type as MaybeShort;
  const given = locale === 'vi' ? t.shortVi : t.shortEn;
  return given || deriveShortLabel(typeName(type, locale), locale);
}

/** True when the type may be used on `date` (validTo is the first day it no longer applies). */
export function typeValidOn(type: TUnitType, date: string): boolean {
  return type.validFrom <= date && (type.validTo === null || date < type.validTo);
}

export function useUnitTypes() {
  const { locale } = useI18n();
  const q = useQuery({ queryKey: orgKeys.types, queryFn: orgApi.types, staleTime: 60 * 60_000 });
  const byCode = new Map((q.data ?? []).map((t) => [t.code, t]));
  return {
    types: q.data ?? [],
    byCode,
    name: (code: string) => {
      const t = byCode.get(code);
      return t ? typeName(t, locale) : code;
    },
    short: (code: string) => {
      const t = byCode.get(code);
      return t ? typeShortLabel(t, locale) : code;
    },
  };
}
