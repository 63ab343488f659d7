import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { memberKeys, membersApi, type TMembersConfig } from './api.js';

type ListName = keyof TMembersConfig['codeLists'];

/** The dated code lists (ethnicity, religion, informal trades, education) from the server: data, not code. */
export function useMembersConfig() {
  const { locale } = useI18n();
  const query = useQuery({ queryKey: memberKeys.config, queryFn: membersApi.config, staleTime: 10 * 60_000 });
  const list = (name: ListName) => query.data?.codeLists[name] ?? [];
  const name = (l: ListName, code: string | null | undefined) => {
    if (!code) return null;
    const item = list(l).find((c) => c.code === code);
    if (!item) return code;
    return locale === 'vi' ? item.nameVi : item.nameEn;
  };
  const options = (l: ListName) =>
    list(l).map((c) => ({ value: c.code, label: locale === 'vi' ? c.nameVi : c.nameEn }));
  return { query, name, options, foreignAllowedFrom: query.data?.foreignAllowedFrom ?? null };
}
