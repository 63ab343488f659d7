import { reviewsApi } from '../../../shared/reviews/contract.js';
import { runJob } from '../../platform/jobs/run.js';
import { mountRoutes } from '../../platform/routes.js';
import { reviewAnnex, reviewDocument } from '../documents/documents.jobs.js';
import * as service from './reviews.service.js';

export const reviewsRoutes = mountRoutes('reviews', reviewsApi, (ctx) => ({
  'GET /api/plans/:id/reviews': ({ actor, params }) => service.listOfPlan(ctx, actor, params.id),
  'POST /api/plans/:id/reviews': ({ actor, params, body }) => service.create(ctx, actor, params.id, body),
  'GET /api/reviews/received': ({ actor, query }) => service.received(ctx, actor, query.unitId),
  'GET /api/reviews/:id': ({ actor, params }) => service.get(ctx, actor, params.id),
  'PATCH /api/reviews/:id': ({ actor, params, body }) => service.update(ctx, actor, params.id, body),
  'POST /api/reviews/:id/freeze': ({ actor, params }) => service.freeze(ctx, actor, params.id),
  'POST /api/reviews/:id/versions': ({ actor, params }) => service.newVersion(ctx, actor, params.id),
  'POST /api/reviews/:id/submit': ({ actor, params, body }) => service.submit(ctx, actor, params.id, body.toUnitId),
  'POST /api/reviews/:id/acknowledge': ({ actor, params }) => service.decide(ctx, actor, params.id, 'acknowledge'),
  'POST /api/reviews/:id/return': ({ actor, params, body }) =>
    service.decide(ctx, actor, params.id, 'return', body.comment),
  'GET /api/reviews/:id/document.docx': ({ actor, params, query }) =>
    runJob(ctx, reviewDocument, actor, { id: params.id, format: query.format }),
  'GET /api/reviews/:id/annex.xlsx': ({ actor, params }) => runJob(ctx, reviewAnnex, actor, { id: params.id }),
}));
