import { useQuery } from '@tanstack/react-query';
import type { TUnitType } from '../../../shared/org/contract.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import type { Locale } from '../../app/i18n/i18n.js';
import { orgApi, orgKeys } from './api.js';

/** Unit types are data from the server (they change with reorganisations), never names written in the UI. */
export function typeName(type: TUnitType, locale: Locale): string {
  return locale === 'vi' ? type.nameVi : type.nameEn;
}

export function typeShortLabel(type: TUnitType, locale: Locale): string {
  return locale === 'vi' ? type.shortVi : type.shortEn;
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
