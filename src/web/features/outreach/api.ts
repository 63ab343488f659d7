import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ZCoverage,
  ZOutreach,
  ZOutreachConfig,
  ZOutreachCreate,
  ZOutreachList,
} from '../../../shared/outreach/contract.js';
import { api } from '../../app/api/client.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';

export type TOutreach = z.infer<typeof ZOutreach>;
export type TOutreachList = z.infer<typeof ZOutreachList>;
export type TCoverage = z.infer<typeof ZCoverage>;
export type TCoverageRow = TCoverage['byCommune'][number];
export type TOutreachConfig = z.infer<typeof ZOutreachConfig>;
export type OutreachCreateInput = z.input<typeof ZOutreachCreate>;
export type TOutreachAttachment = TOutreach['attachments'][number];

type Period = { unitId?: number; from?: string; to?: string };

/**
 * Outreach keys start with 'enterprises' too: recording an event changes the enterprises' "reached"
 * flags and the coverage, so one invalidation refreshes everything that depends on it.
 */
export const outreachKeys = {
  config: ['outreach', 'config'] as const,
  lists: ['enterprises', 'outreach', 'list'] as const,
  list: (p: Period, page: number, size: number) => ['enterprises', 'outreach', 'list', p, page, size] as const,
  coverage: (p: Period) => ['enterprises', 'outreach', 'coverage', p] as const,
};

export const outreachApi = {
  config: () => api.get<TOutreachConfig>('/api/outreach/config'),
  list: (p: Period, limit: number, offset: number) => api.get<TOutreachList>('/api/outreach', { ...p, limit, offset }),
  coverage: (p: Period) => api.get<TCoverage>('/api/outreach/coverage', p),
  create: (input: OutreachCreateInput) => api.post<TOutreach>('/api/outreach', input),
  /** One file (field `file`): JPEG, PNG, WebP or PDF up to 10 MB. */
  attach: (id: number, form: FormData) => api.upload<TOutreachAttachment>(`/api/outreach/${id}/attachments`, form),
};

/** Where an attachment is served inline (the session cookie goes along), for links and thumbnails. */
export function attachmentUrl(eventId: number, attachmentId: number): string {
  return `/api/outreach/${eventId}/attachments/${attachmentId}`;
}

/** Coverage of the unit's subtree in the period (plan target T1). */
export function useCoverage(p: Period) {
  return useQuery({
    queryKey: outreachKeys.coverage(p),
    queryFn: () => outreachApi.coverage(p),
    placeholderData: (prev) => prev,
  });
}

/** Forms and topics of outreach, named in the UI language. */
export function useOutreachConfig() {
  const { locale } = useI18n();
  const query = useQuery({ queryKey: outreachKeys.config, queryFn: outreachApi.config, staleTime: 10 * 60_000 });
  const name = (list: { code: string; nameVi: string; nameEn: string }[] | undefined, code: string) => {
    const x = list?.find((i) => i.code === code);
    return x ? (locale === 'vi' ? x.nameVi : x.nameEn) : code;
  };
  return {
    query,
    forms: query.data?.forms ?? [],
    topics: query.data?.topics ?? [],
    formName: (code: string) => name(query.data?.forms, code),
    topicName: (code: string) => name(query.data?.topics, code),
    label: (x: { nameVi: string; nameEn: string }) => (locale === 'vi' ? x.nameVi : x.nameEn),
  };
}
