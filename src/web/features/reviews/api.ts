import type { z } from 'zod';
import type { ApiRoutes } from '../../../shared/api.js';
import type { AnswerOf } from '../../../shared/http/route.js';
import type { ZReviewCreate, ZReviewUpdate } from '../../../shared/reviews/contract.js';
import { call, fileUrl } from '../../app/api/client.js';

export type TReview = AnswerOf<ApiRoutes['GET /api/reviews/:id']>;
export type TReviewSummary = AnswerOf<ApiRoutes['GET /api/plans/:id/reviews']>['items'][number];
export type ReviewCreate = z.input<typeof ZReviewCreate>;
export type ReviewUpdate = z.input<typeof ZReviewUpdate>;

/** Every review key starts with 'reviews': any change of a review refreshes lists, the review and the inbox. */
export const reviewKeys = {
  all: ['reviews'] as const,
  ofPlan: (planId: number) => ['reviews', 'plan', planId] as const,
  detail: (id: number) => ['reviews', 'detail', id] as const,
  received: (unitId: number | undefined) => ['reviews', 'received', unitId ?? 0] as const,
};

export const reviewsApi = {
  ofPlan: (id: number) => call('GET /api/plans/:id/reviews', { params: { id } }),
  create: (id: number, body: ReviewCreate) => call('POST /api/plans/:id/reviews', { params: { id }, body }),
  detail: (id: number) => call('GET /api/reviews/:id', { params: { id } }),
  update: (id: number, body: ReviewUpdate) => call('PATCH /api/reviews/:id', { params: { id }, body }),
  freeze: (id: number) => call('POST /api/reviews/:id/freeze', { params: { id } }),
  newVersion: (id: number) => call('POST /api/reviews/:id/versions', { params: { id } }),
  submit: (id: number, toUnitId: number) =>
    call('POST /api/reviews/:id/submit', { params: { id }, body: { toUnitId } }),
  acknowledge: (id: number) => call('POST /api/reviews/:id/acknowledge', { params: { id } }),
  giveBack: (id: number, comment: string) =>
    call('POST /api/reviews/:id/return', { params: { id }, body: { comment } }),
  received: (unitId?: number) => call('GET /api/reviews/received', { query: { unitId } }),
  documentUrl: (id: number, format: 'docx' | 'pdf' = 'docx') =>
    fileUrl('GET /api/reviews/:id/document.docx', { params: { id }, query: { format } }),
  annexUrl: (id: number) => fileUrl('GET /api/reviews/:id/annex.xlsx', { params: { id } }),
};
