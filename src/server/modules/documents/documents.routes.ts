import { documentsApi } from '../../../shared/documents/contract.js';
import { runJob } from '../../platform/jobs/run.js';
import { mountRoutes } from '../../platform/routes.js';
import { getHeader, putHeader } from './documents.header-config.js';
import { planDocument } from './documents.jobs.js';

export const documentsRoutes = mountRoutes('documents', documentsApi, (ctx) => ({
  'GET /api/org/units/:id/document-header': ({ actor, params, query }) => getHeader(ctx, actor, params.id, query.date),
  'PUT /api/org/units/:id/document-header': ({ actor, params, body }) => putHeader(ctx, actor, params.id, body),
  'GET /api/plans/:id/document.docx': ({ actor, params, query }) =>
    runJob(ctx, planDocument, actor, { id: params.id, format: query.format }),
}));
