import type { z } from 'zod';
import type {
  TEnterprise,
  TEnterpriseDetail,
  ZEnterpriseCreate,
  ZEnterpriseEdit,
  ZEnterpriseQuery,
  ZSurveyInput,
} from '../../../shared/enterprises/contract.js';
import type { SizeBand } from '../../../shared/enterprises/labels.js';
import { call, fileUrl } from '../../app/api/client.js';

export type { TEnterprise, TEnterpriseDetail };
export type EnterpriseCreateInput = z.input<typeof ZEnterpriseCreate>;
export type EnterpriseEditInput = z.input<typeof ZEnterpriseEdit>;
export type SurveyInput = z.input<typeof ZSurveyInput>;

export type SortKey = NonNullable<z.input<typeof ZEnterpriseQuery>['sort']>;

/** The list's filters as the screens hold them (yes/no as booleans); undefined means "any". */
export type EnterpriseFilter = {
  q?: string;
  unitId?: number;
  adminAreaCode?: string;
  communeId?: number;
  communeUnresolved?: boolean;
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

const yesNo = (b: boolean | undefined) => (b === undefined ? undefined : b ? ('true' as const) : ('false' as const));

/** The query string as the server reads it: yes/no filters travel as "true"/"false". */
function toQuery({
  nonState,
  inSurveyScope,
  eligibleForFounding,
  hasUnion,
  reached,
  communeUnresolved,
  ...rest
}: EnterpriseListQuery) {
  return {
    ...rest,
    communeUnresolved: yesNo(communeUnresolved),
    nonState: yesNo(nonState),
    inSurveyScope: yesNo(inSurveyScope),
    eligibleForFounding: yesNo(eligibleForFounding),
    hasUnion: yesNo(hasUnion),
    reached: yesNo(reached),
  };
}

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
  config: () => call('GET /api/enterprises/config'),
  officers: (unitId?: number) => call('GET /api/enterprises/officers', { query: unitId ? { unitId } : {} }),
  list: (q: EnterpriseListQuery) => call('GET /api/enterprises', { query: toQuery(q) }),
  queue: (q: EnterpriseListQuery) => call('GET /api/enterprises/queue', { query: toQuery(q) }),
  detail: (id: number) => call('GET /api/enterprises/:id', { params: { id } }),
  create: (body: EnterpriseCreateInput) => call('POST /api/enterprises', { body }),
  edit: (id: number, body: EnterpriseEditInput) => call('PATCH /api/enterprises/:id', { params: { id }, body }),
  addSurvey: (id: number, body: SurveyInput) => call('POST /api/enterprises/:id/surveys', { params: { id }, body }),
  /** The .xlsx of exactly the filtered list (no paging): a plain link, the session cookie goes along. */
  exportUrl: (f: EnterpriseFilter) => fileUrl('GET /api/enterprises/export.xlsx', { query: toQuery(f) }),
};
