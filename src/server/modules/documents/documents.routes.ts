import { documentsApi } from '../../../shared/documents/contract.js';
import { mountRoutes } from '../../platform/routes.js';
import * as service from './documents.service.js';

export const documentsRoutes = mountRoutes('documents', documentsApi, (ctx) => ({
  'GET /api/plans/:id/document.docx': ({ actor, params, query }) =>
    service.planDocumentFile(ctx, actor, params.id, query.format),
}));
