import type { FastifyRequest } from 'fastify';
import { applicationsApi } from '../../../shared/applications/contract.js';
import { requestLocale } from '../../platform/locale.js';
import { mountRoutes } from '../../platform/routes.js';
import * as publicForm from './applications.public.js';
import * as service from './applications.service.js';

/** The address the officer used, for links when PUBLIC_URL is not set. */
const origin = (req: FastifyRequest) => `${req.protocol}://${req.headers.host ?? 'localhost'}`;

export const applicationsRoutes = mountRoutes('applications', applicationsApi, (ctx) => {
  const base = (req: FastifyRequest) => service.publicBase(ctx, origin(req));
  return {
    'GET /api/public/apply/:token': ({ params, req }) => publicForm.info(ctx, params.token, requestLocale(req)),
    'POST /api/public/apply/:token': ({ params, body, req }) =>
      publicForm.submit(ctx, params.token, body, req.ip, requestLocale(req)),

    'GET /api/applications/links/:unitId': ({ actor, params, req }) =>
      service.getLink(ctx, actor, params.unitId, base(req)),
    'POST /api/applications/links/:unitId': async ({ actor, params, req, reply }) => {
      const { link, created } = await service.ensureLink(ctx, actor, params.unitId, base(req));
      reply.status(created ? 201 : 200);
      return { link };
    },
    'POST /api/applications/links/:unitId/rotate': ({ actor, params, req }) =>
      service.rotateLink(ctx, actor, params.unitId, base(req)),

    'GET /api/applications': ({ actor, query }) => service.list(ctx, actor, query),
    'GET /api/applications/:id': ({ actor, params }) => service.detail(ctx, actor, params.id),
    'POST /api/applications/:id/approve': ({ actor, params, body }) => service.approve(ctx, actor, params.id, body),
    'POST /api/applications/approve': ({ actor, body }) => service.approveMany(ctx, actor, body),
    'POST /api/applications/:id/reject': ({ actor, params, body }) => service.reject(ctx, actor, params.id, body),
    'POST /api/applications/:id/erase': ({ actor, params, body }) => service.erase(ctx, actor, params.id, body),
  };
});
