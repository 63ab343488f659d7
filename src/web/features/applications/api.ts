import type { z } from 'zod';
import type {
  ApplicationStatus,
  TApplication,
  TApplyInfo,
  TApplyLink,
  ZApplySubmit,
  ZApproveMany,
} from '../../../shared/applications/contract.js';
import { call } from '../../app/api/client.js';

export type { ApplicationStatus, TApplication, TApplyInfo, TApplyLink };
export type ApplySubmitInput = z.input<typeof ZApplySubmit>;
export type ApproveManyInput = z.input<typeof ZApproveMany>;

/** The review queue's filters; the page is the table's. */
export type ApplicationFilters = { unitId?: number; status: ApplicationStatus; q?: string };

/** Every key starts with 'applications': one invalidation refreshes the queue, details and links. */
export const applicationKeys = {
  all: ['applications'] as const,
  list: (f: ApplicationFilters) => ['applications', 'list', f] as const,
  link: (unitId: number) => ['applications', 'link', unitId] as const,
  publicInfo: (token: string, locale: string) => ['apply', token, locale] as const,
};

export const applicationsApi = {
  publicInfo: (token: string) => call('GET /api/public/apply/:token', { params: { token } }),
  submit: (token: string, body: ApplySubmitInput) => call('POST /api/public/apply/:token', { params: { token }, body }),
  list: (f: ApplicationFilters, limit: number, offset: number) =>
    call('GET /api/applications', { query: { ...f, limit, offset } }),
  link: (unitId: number) => call('GET /api/applications/links/:unitId', { params: { unitId } }),
  createLink: (unitId: number) => call('POST /api/applications/links/:unitId', { params: { unitId } }),
  rotateLink: (unitId: number) => call('POST /api/applications/links/:unitId/rotate', { params: { unitId } }),
  approveMany: (body: ApproveManyInput) => call('POST /api/applications/approve', { body }),
  reject: (id: number, reason: string) =>
    call('POST /api/applications/:id/reject', { params: { id }, body: { reason } }),
  erase: (id: number, reason: string) => call('POST /api/applications/:id/erase', { params: { id }, body: { reason } }),
};

/** The server's SVG as an image source: shown as a picture, never parsed into the page. */
export function svgSource(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
