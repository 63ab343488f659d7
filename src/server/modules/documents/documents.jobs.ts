import { defineFileJob } from '../../platform/jobs/job.js';
import { reviewAnnexFile, reviewDocumentFile } from './documents.review-file.js';
import { planDocumentFile } from './documents.service.js';

/**
 * Official documents off the request thread (platform/jobs): a province's report reads its figures and
 * then lays out hundreds of table rows in JavaScript (docx, ExcelJS) — measured by bench/review.ts at a few
 * hundred ms on the national dataset, time the request thread would not answer anyone else. A PDF's
 * LibreOffice runs in its own private profile folder, so two workers may convert at once.
 */
type Doc = { id: number; format: 'docx' | 'pdf' };

export const planDocument = defineFileJob(import.meta.url, 'planDocument', 'always', (ctx, actor, q: Doc) =>
  planDocumentFile(ctx, actor, q.id, q.format),
);

export const reviewDocument = defineFileJob(import.meta.url, 'reviewDocument', 'always', (ctx, actor, q: Doc) =>
  reviewDocumentFile(ctx, actor, q.id, q.format),
);

export const reviewAnnex = defineFileJob(import.meta.url, 'reviewAnnex', 'always', (ctx, actor, q: { id: number }) =>
  reviewAnnexFile(ctx, actor, q.id),
);
