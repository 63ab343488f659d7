import type { z } from 'zod';
import type { ApiRoutes } from '../../../shared/api.js';
import type { AnswerOf } from '../../../shared/http/route.js';
import type { ZAmendmentInput, ZPlanCreate, ZPlanUpdate, ZSharesInput } from '../../../shared/plans/contract.js';
import { call, fileUrl } from '../../app/api/client.js';

export type TPlan = AnswerOf<ApiRoutes['GET /api/plans/:id']>;
export type TPlanSummary = AnswerOf<ApiRoutes['GET /api/plans']>['items'][number];
export type TPlanProgress = AnswerOf<ApiRoutes['GET /api/plans/:id/progress']>;
export type TTargetProgress = TPlanProgress['targets'][number];
export type TSubTargetProgress = TTargetProgress['subTargets'][number];
export type TChildProgress = TTargetProgress['children'][number];
export type TDashboard = AnswerOf<ApiRoutes['GET /api/dashboard']>;
export type TSharesView = AnswerOf<ApiRoutes['GET /api/plans/:id/targets/:targetId/shares']>;
export type TSeries = AnswerOf<ApiRoutes['GET /api/plans/:id/targets/:targetId/series']>;
export type TDrill = TTargetProgress['drill'];
export type PlanCreate = z.input<typeof ZPlanCreate>;
export type PlanUpdate = z.input<typeof ZPlanUpdate>;
export type AmendmentInput = z.input<typeof ZAmendmentInput>;
export type SharesInput = z.input<typeof ZSharesInput>;
export type PlanListQuery = { unitId?: number; status?: 'draft' | 'issued'; inForceOn?: string };

/** Every plans query key starts with 'plans': a saved plan or share refreshes lists, progress and the dashboard. */
export const planKeys = {
  all: ['plans'] as const,
  list: (q: PlanListQuery) => ['plans', 'list', q] as const,
  detail: (id: number) => ['plans', 'detail', id] as const,
  progress: (id: number, asOf: string | undefined) => ['plans', 'progress', id, asOf ?? ''] as const,
  shares: (id: number, targetId: number) => ['plans', 'shares', id, targetId] as const,
  series: (id: number, targetId: number, unitId: number | undefined, asOf: string | undefined) =>
    ['plans', 'series', id, targetId, unitId ?? 0, asOf ?? ''] as const,
  dashboard: (unitId: number | undefined, asOf: string | undefined) =>
    ['plans', 'dashboard', unitId ?? 0, asOf ?? ''] as const,
};

export const plansApi = {
  list: (q: PlanListQuery) => call('GET /api/plans', { query: { ...q, limit: 200 } }),
  detail: (id: number) => call('GET /api/plans/:id', { params: { id } }),
  create: (body: PlanCreate) => call('POST /api/plans', { body }),
  update: (id: number, body: PlanUpdate) => call('PATCH /api/plans/:id', { params: { id }, body }),
  remove: (id: number) => call('DELETE /api/plans/:id', { params: { id } }),
  issue: (id: number) => call('POST /api/plans/:id/issue', { params: { id } }),
  amend: (id: number, body: AmendmentInput) => call('POST /api/plans/:id/amendments', { params: { id }, body }),
  shares: (id: number, targetId: number) =>
    call('GET /api/plans/:id/targets/:targetId/shares', { params: { id, targetId } }),
  putShares: (id: number, targetId: number, body: SharesInput) =>
    call('PUT /api/plans/:id/targets/:targetId/shares', { params: { id, targetId }, body }),
  progress: (id: number, asOf?: string) => call('GET /api/plans/:id/progress', { params: { id }, query: { asOf } }),
  series: (id: number, targetId: number, q: { unitId?: number; asOf?: string }) =>
    call('GET /api/plans/:id/targets/:targetId/series', { params: { id, targetId }, query: q }),
  dashboard: (q: { unitId?: number; asOf?: string }) => call('GET /api/dashboard', { query: q }),
  progressXlsxUrl: (id: number, asOf?: string) =>
    fileUrl('GET /api/plans/:id/progress.xlsx', { params: { id }, query: { asOf } }),
  /** The plan as the official document: Word, or PDF when the server has LibreOffice. */
  documentUrl: (id: number, format: 'docx' | 'pdf' = 'docx') =>
    fileUrl('GET /api/plans/:id/document.docx', { params: { id }, query: { format } }),
};
