import { documentsApi } from '../../../shared/documents/contract.js';
import { mountRoutes } from '../../platform/routes.js';
import { getHeader, putHeader } from './documents.header-config.js';
import * as service from './documents.service.js';

export const documentsRoutes = mountRoutes('documents', documentsApi, (ctx) => ({
  'GET /api/org/units/:id/document-header': ({ actor, params, query }) => getHeader(ctx, actor, params.id, query.date),
  'PUT /api/org/units/:id/document-header': ({ actor, params, body }) => putHeader(ctx, actor, params.id, body),
  'GET /api/plans/:id/document.docx': ({ actor, params, query }) =>
    service.planDocumentFile(ctx, actor, params.id, query.format),
}));
