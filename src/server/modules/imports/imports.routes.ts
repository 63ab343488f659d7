import multipart from '@fastify/multipart';
import { importsApi } from '../../../shared/imports/contract.js';
import { mountRoutes } from '../../platform/routes.js';
import { receiveUpload, UPLOAD_LIMITS } from './imports.files.js';
import * as service from './imports.service.js';
import { undo } from './imports.undo.js';

export const importsRoutes = mountRoutes(
  'imports',
  importsApi,
  (ctx) => ({
    'POST /api/imports/:kind': ({ actor, params, req }) =>
      service.upload(ctx, actor, params.kind, () => receiveUpload(req)),
    'GET /api/imports/:kind/template.xlsx': ({ params }) => service.template(ctx, params.kind),
    'POST /api/imports/:id/preview': ({ actor, params, body }) => service.run(ctx, actor, params.id, body, true),
    'POST /api/imports/:id/commit': ({ actor, params, body }) => service.run(ctx, actor, params.id, body, false),
    'POST /api/imports/:id/undo': ({ actor, params }) => undo(ctx, actor, params.id),
    'GET /api/imports/:id/rejected.xlsx': ({ actor, params }) => service.rejectedRows(ctx, actor, params.id),
    'GET /api/imports': ({ actor, query }) => service.list(ctx, actor, query),
    'GET /api/imports/:id': ({ actor, params }) => service.get(ctx, actor, params.id),
  }),
  {
    // Uploads stream to disk as they arrive; one file of at most 200 MB and a few small fields.
    setup: async (app) => {
      await app.register(multipart, { limits: UPLOAD_LIMITS });
    },
  },
);
