import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { enterpriseKeys, enterprisesApi } from './api.js';

/** Ownership kinds and the dated thresholds, from the server (they are data, not code). */
export function useEnterpriseConfig() {
  const { locale } = useI18n();
  const query = useQuery({
    queryKey: enterpriseKeys.config,
    queryFn: enterprisesApi.config,
    staleTime: 10 * 60_000,
  });
  const types = query.data?.ownershipTypes ?? [];
  return {
    query,
    /** Kinds still in use, for pickers; a record may still carry an ended one, shown by ownershipName. */
    currentTypes: types.filter((o) => o.validTo === null),
    ownershipName: (code: string) => {
      const o = types.find((x) => x.code === code);
      if (!o) return code;
      return locale === 'vi' ? o.nameVi : o.nameEn;
    },
    surveyMin: query.data?.thresholds.surveyMinWorkers ?? 10,
    foundingMin: query.data?.thresholds.foundingMinWorkers ?? 25,
  };
}
