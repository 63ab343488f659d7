import type { z } from 'zod';
import type {
  ApplicationStatus,
  TApplication,
  TApplyInfo,
  TApplyLink,
  ZApplicationList,
  ZApplySubmit,
  ZApplySubmitted,
  ZApprove,
  ZApproveMany,
  ZApproveManyResult,
  ZApproveResult,
} from '../../../shared/applications/contract.js';
import { api } from '../../app/api/client.js';

export type { ApplicationStatus, TApplication, TApplyInfo, TApplyLink };
export type TApplicationList = z.infer<typeof ZApplicationList>;
export type ApplySubmitInput = z.input<typeof ZApplySubmit>;
export type ApproveInput = z.input<typeof ZApprove>;
export type ApproveManyInput = z.input<typeof ZApproveMany>;

export type ApplicationQuery = {
  unitId?: number;
  status: ApplicationStatus;
  q?: string;
  limit?: number;
  offset?: number;
};

/** Every key starts with 'applications': one invalidation refreshes the queue, details and links. */
export const applicationKeys = {
  all: ['applications'] as const,
  list: (q: ApplicationQuery) => ['applications', 'list', q] as const,
  link: (unitId: number) => ['applications', 'link', unitId] as const,
  publicInfo: (token: string, locale: string) => ['apply', token, locale] as const,
};

export const applicationsApi = {
  publicInfo: (token: string) => api.get<TApplyInfo>(`/api/public/apply/${encodeURIComponent(token)}`),
  submit: (token: string, body: ApplySubmitInput) =>
    api.post<z.infer<typeof ZApplySubmitted>>(`/api/public/apply/${encodeURIComponent(token)}`, body),
  list: (q: ApplicationQuery) => api.get<TApplicationList>('/api/applications', q),
  link: (unitId: number) => api.get<{ link: TApplyLink | null }>(`/api/applications/links/${unitId}`),
  createLink: (unitId: number) => api.post<{ link: TApplyLink }>(`/api/applications/links/${unitId}`),
  rotateLink: (unitId: number) => api.post<{ link: TApplyLink }>(`/api/applications/links/${unitId}/rotate`),
  approve: (id: number, body: ApproveInput) =>
    api.post<z.infer<typeof ZApproveResult>>(`/api/applications/${id}/approve`, body),
  approveMany: (body: ApproveManyInput) =>
    api.post<z.infer<typeof ZApproveManyResult>>('/api/applications/approve', body),
  reject: (id: number, reason: string) => api.post<TApplication>(`/api/applications/${id}/reject`, { reason }),
  erase: (id: number, reason: string) => api.post<{ ok: true }>(`/api/applications/${id}/erase`, { reason }),
};

/** The server's SVG as an image source: shown as a picture, never parsed into the page. */
export function svgSource(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
