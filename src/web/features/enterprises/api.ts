import type { z } from 'zod';
import type {
  SizeBand,
  TEnterprise,
  ZEnterpriseConfig,
  ZEnterpriseCreate,
  ZEnterpriseDetail,
  ZEnterpriseEdit,
  ZEnterpriseList,
  ZSurveyInput,
} from '../../../shared/enterprises/contract.js';
import { api, downloadUrl } from '../../app/api/client.js';

export type { TEnterprise };
export type TEnterpriseList = z.infer<typeof ZEnterpriseList>;
export type TEnterpriseDetail = z.infer<typeof ZEnterpriseDetail>;
export type TEnterpriseConfig = z.infer<typeof ZEnterpriseConfig>;
export type EnterpriseCreateInput = z.input<typeof ZEnterpriseCreate>;
export type EnterpriseEditInput = z.input<typeof ZEnterpriseEdit>;
export type SurveyInput = z.input<typeof ZSurveyInput>;

export type SortKey = 'name' | 'mst' | 'workerCount' | 'lastContactDate';

/** The list's filters as the server names them; undefined means "any". */
export type EnterpriseFilter = {
  q?: string;
  unitId?: number;
  adminAreaCode?: string;
  ownershipCode?: string;
  sizeBand?: SizeBand;
  nonState?: boolean;
  inSurveyScope?: boolean;
  eligibleForFounding?: boolean;
  hasUnion?: boolean;
  reached?: boolean;
  from?: string;
  to?: string;
};
export type EnterpriseListQuery = EnterpriseFilter & {
  sort?: SortKey;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
};

/** Every enterprise query key starts with 'enterprises': one invalidation refreshes lists, details and coverage. */
export const enterpriseKeys = {
  all: ['enterprises'] as const,
  config: ['enterprises', 'config'] as const,
  list: (kind: 'all' | 'queue', q: EnterpriseListQuery) => ['enterprises', 'list', kind, q] as const,
  detail: (id: number) => ['enterprises', 'detail', id] as const,
  search: (q: string, unitId?: number) => ['enterprises', 'search', q, unitId ?? 0] as const,
  officers: (unitId?: number) => ['enterprises', 'officers', unitId ?? 0] as const,
};

export const enterprisesApi = {
  config: () => api.get<TEnterpriseConfig>('/api/enterprises/config'),
  officers: (unitId?: number) =>
    api.get<{ id: number; fullName: string; username: string }[]>(
      '/api/enterprises/officers',
      unitId ? { unitId } : {},
    ),
  list: (q: EnterpriseListQuery) => api.get<TEnterpriseList>('/api/enterprises', q),
  queue: (q: EnterpriseListQuery) => api.get<TEnterpriseList>('/api/enterprises/queue', q),
  detail: (id: number) => api.get<TEnterpriseDetail>(`/api/enterprises/${id}`),
  create: (input: EnterpriseCreateInput) => api.post<TEnterpriseDetail>('/api/enterprises', input),
  edit: (id: number, input: EnterpriseEditInput) => api.patch<TEnterpriseDetail>(`/api/enterprises/${id}`, input),
  addSurvey: (id: number, input: SurveyInput) => api.post<TEnterpriseDetail>(`/api/enterprises/${id}/surveys`, input),
  /** The .xlsx of exactly the filtered list (no paging): a plain link, the session cookie goes along. */
  exportUrl: (f: EnterpriseFilter) => downloadUrl('/api/enterprises/export.xlsx', f),
};
