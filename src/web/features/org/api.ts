import type { z } from 'zod';
import type { ZHeaderInput } from '../../../shared/documents/contract.js';
import type {
  ZFoundedQuery,
  ZOrgDissolve,
  ZOrgMerge,
  ZOrgMove,
  ZOrgRename,
  ZOrgUnitCreate,
} from '../../../shared/org/contract.js';
import { call } from '../../app/api/client.js';

export type HeaderInput = z.input<typeof ZHeaderInput>;

export type TOrgRoots = Awaited<ReturnType<typeof orgApi.roots>>;
export type TInactiveRoleUnit = TOrgRoots['inactiveRoleUnits'][number];
export type OrgCreateInput = z.input<typeof ZOrgUnitCreate>;
export type OrgRenameInput = z.input<typeof ZOrgRename>;
export type OrgMoveInput = z.input<typeof ZOrgMove>;
export type OrgDissolveInput = z.input<typeof ZOrgDissolve>;
export type OrgMergeInput = z.input<typeof ZOrgMerge>;
export type FoundedQuery = z.input<typeof ZFoundedQuery>;

/** Every org query key starts with 'org', so one invalidation refreshes tree, detail and search after a change. */
export const orgKeys = {
  all: ['org'] as const,
  types: ['org', 'types'] as const,
  roots: (asOf: string) => ['org', 'roots', asOf] as const,
  children: (id: number, asOf: string) => ['org', 'children', id, asOf] as const,
  detail: (id: number, asOf: string) => ['org', 'unit', id, asOf] as const,
  events: (id: number) => ['org', 'events', id] as const,
  laterParents: (id: number, date: string) => ['org', 'later-parents', id, date] as const,
  founded: (q: FoundedQuery) => ['org', 'founded', q] as const,
  search: (q: string, asOf: string, typeCode?: string) => ['org', 'search', q, asOf, typeCode ?? ''] as const,
};

export const orgApi = {
  types: () => call('GET /api/org/unit-types'),
  roots: (asOf: string) => call('GET /api/org/roots', { query: { asOf } }),
  children: (id: number, asOf: string) => call('GET /api/org/units/:id/children', { params: { id }, query: { asOf } }),
  detail: (id: number, asOf: string) => call('GET /api/org/units/:id', { params: { id }, query: { asOf } }),
  events: (id: number) => call('GET /api/org/units/:id/events', { params: { id } }),
  search: (q: string, asOf: string, typeCode?: string, limit = 20) =>
    call('GET /api/org/units', { query: { q, asOf, typeCode, limit } }),
  laterParents: (id: number, date: string) =>
    call('GET /api/org/units/:id/later-parents', { params: { id }, query: { date } }),
  founded: (query: FoundedQuery) => call('GET /api/org/founded', { query }),
  create: (body: OrgCreateInput) => call('POST /api/org/units', { body }),
  rename: (id: number, body: OrgRenameInput) => call('POST /api/org/units/:id/rename', { params: { id }, body }),
  move: (id: number, body: OrgMoveInput) => call('POST /api/org/units/:id/move', { params: { id }, body }),
  dissolve: (id: number, body: OrgDissolveInput) => call('POST /api/org/units/:id/dissolve', { params: { id }, body }),
  merge: (id: number, body: OrgMergeInput) => call('POST /api/org/units/:id/merge', { params: { id }, body }),
  header: (id: number, date: string) =>
    call('GET /api/org/units/:id/document-header', { params: { id }, query: { date } }),
  putHeader: (id: number, body: HeaderInput) =>
    call('PUT /api/org/units/:id/document-header', { params: { id }, body }),
};
