import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZCoverage, ZOutreach, ZOutreachCreate } from '../../../shared/outreach/contract.js';
import { call, fileUrl, uploadTo } from '../../app/api/client.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';

export type TOutreach = z.infer<typeof ZOutreach>;
export type TCoverageRow = z.infer<typeof ZCoverage>['byCommune'][number];
export type OutreachCreateInput = z.input<typeof ZOutreachCreate>;

type Period = { unitId?: number; from?: string; to?: string };

/**
 * Outreach keys start with 'enterprises' too: recording an event changes the enterprises' "reached"
 * flags and the coverage, so one invalidation refreshes everything that depends on it.
 */
export const outreachKeys = {
  config: ['outreach', 'config'] as const,
  lists: ['enterprises', 'outreach', 'list'] as const,
  list: (p: Period) => ['enterprises', 'outreach', 'list', p] as const,
  coverage: (p: Period) => ['enterprises', 'outreach', 'coverage', p] as const,
};

export const outreachApi = {
  config: () => call('GET /api/outreach/config'),
  list: (p: Period, limit: number, offset: number) => call('GET /api/outreach', { query: { ...p, limit, offset } }),
  coverage: (p: Period) => call('GET /api/outreach/coverage', { query: p }),
  create: (body: OutreachCreateInput) => call('POST /api/outreach', { body }),
  /** One file (field `file`): JPEG, PNG, WebP or PDF up to 10 MB. */
  attach: (id: number, form: FormData) => uploadTo('POST /api/outreach/:id/attachments', form, { params: { id } }),
};

/** Where an attachment is served inline (the session cookie goes along), for links and thumbnails. */
export function attachmentUrl(eventId: number, attachmentId: number): string {
  return fileUrl('GET /api/outreach/:id/attachments/:attachmentId', { params: { id: eventId, attachmentId } });
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
