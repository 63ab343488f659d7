import type { z } from 'zod';
import type {
  TOrgEvent,
  TOrgUnit,
  TOrgUnitDetail,
  TUnitType,
  ZOrgDissolve,
  ZOrgMerge,
  ZOrgMove,
  ZOrgRename,
  ZOrgRoots,
  ZOrgUnitCreate,
} from '../../../shared/org/contract.js';
import { api } from '../../app/api/client.js';

export type TOrgRoots = z.infer<typeof ZOrgRoots>;
export type TInactiveRoleUnit = TOrgRoots['inactiveRoleUnits'][number];
export type OrgCreateInput = z.input<typeof ZOrgUnitCreate>;
export type OrgRenameInput = z.input<typeof ZOrgRename>;
export type OrgMoveInput = z.input<typeof ZOrgMove>;
export type OrgDissolveInput = z.input<typeof ZOrgDissolve>;
export type OrgMergeInput = z.input<typeof ZOrgMerge>;

/** Every org query key starts with 'org', so one invalidation refreshes tree, detail and search after a change. */
export const orgKeys = {
  all: ['org'] as const,
  types: ['org', 'types'] as const,
  roots: (asOf: string) => ['org', 'roots', asOf] as const,
  children: (id: number, asOf: string) => ['org', 'children', id, asOf] as const,
  detail: (id: number, asOf: string) => ['org', 'unit', id, asOf] as const,
  events: (id: number) => ['org', 'events', id] as const,
  search: (q: string, asOf: string, typeCode?: string) => ['org', 'search', q, asOf, typeCode ?? ''] as const,
};

export const orgApi = {
  types: () => api.get<TUnitType[]>('/api/org/unit-types'),
  roots: (asOf: string) => api.get<TOrgRoots>('/api/org/roots', { asOf }),
  children: (id: number, asOf: string) => api.get<TOrgUnit[]>(`/api/org/units/${id}/children`, { asOf }),
  detail: (id: number, asOf: string) => api.get<TOrgUnitDetail>(`/api/org/units/${id}`, { asOf }),
  events: (id: number) => api.get<TOrgEvent[]>(`/api/org/units/${id}/events`),
  search: (q: string, asOf: string, typeCode?: string, limit = 20) =>
    api.get<TOrgUnit[]>('/api/org/units', { q, asOf, typeCode, limit }),
  create: (input: OrgCreateInput) => api.post<TOrgUnitDetail>('/api/org/units', input),
  rename: (id: number, input: OrgRenameInput) => api.post<TOrgUnitDetail>(`/api/org/units/${id}/rename`, input),
  move: (id: number, input: OrgMoveInput) => api.post<TOrgUnitDetail>(`/api/org/units/${id}/move`, input),
  dissolve: (id: number, input: OrgDissolveInput) => api.post<TOrgUnitDetail>(`/api/org/units/${id}/dissolve`, input),
  merge: (id: number, input: OrgMergeInput) => api.post<TOrgUnitDetail>(`/api/org/units/${id}/merge`, input),
};
