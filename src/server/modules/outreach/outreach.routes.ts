import multipart from '@fastify/multipart';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/outreach/attachments.js';
import { outreachApi } from '../../../shared/outreach/contract.js';
import { mountRoutes } from '../../platform/routes.js';
import * as attachments from './outreach.attachments.js';
import * as service from './outreach.service.js';

export const outreachRoutes = mountRoutes(
  'outreach',
  outreachApi,
  (ctx) => ({
    'POST /api/outreach/:id/attachments': async ({ actor, params, req }) =>
      attachments.addAttachment(ctx, actor, params.id, await req.file()),
    'GET /api/outreach/:id/attachments/:attachmentId': ({ actor, params }) =>
      attachments.openAttachment(ctx, actor, params.id, params.attachmentId),
    'GET /api/outreach/config': () => service.config(ctx),
    'GET /api/outreach/coverage': ({ actor, query }) => service.coverage(ctx, actor, query),
    'GET /api/outreach': ({ actor, query }) => service.list(ctx, actor, query),
    'GET /api/outreach/:id': ({ actor, params }) => service.get(ctx, actor, params.id),
    'POST /api/outreach': ({ actor, body }) => service.create(ctx, actor, body),
  }),
  {
    setup: async (app) => {
      // One file per request, no other fields; the size limit is the attachments' own.
      await app.register(multipart, { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 0 } });
    },
  },
);
