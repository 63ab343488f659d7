import { plansApi } from '../../../shared/plans/contract.js';
import { runJob } from '../../platform/jobs/run.js';
import { mountRoutes } from '../../platform/routes.js';
import { planProgressWorkbook } from './plans.jobs.js';
import * as progress from './plans.progress.js';
import * as service from './plans.service.js';
import * as shares from './plans.shares.js';

export const plansRoutes = mountRoutes('plans', plansApi, (ctx) => ({
  'GET /api/plans': ({ actor, query }) => service.list(ctx, actor, query),
  'POST /api/plans': ({ actor, body }) => service.create(ctx, actor, body),
  'GET /api/plans/:id': ({ actor, params }) => service.get(ctx, actor, params.id),
  'PATCH /api/plans/:id': ({ actor, params, body }) => service.update(ctx, actor, params.id, body),
  'DELETE /api/plans/:id': ({ actor, params }) => service.remove(ctx, actor, params.id),
  'POST /api/plans/:id/issue': ({ actor, params }) => service.issuePlan(ctx, actor, params.id),
  'POST /api/plans/:id/amendments': ({ actor, params, body }) => service.amend(ctx, actor, params.id, body),
  'GET /api/plans/:id/targets/:targetId/shares': ({ actor, params }) =>
    shares.getShares(ctx, actor, params.id, params.targetId),
  'PUT /api/plans/:id/targets/:targetId/shares': ({ actor, params, body }) =>
    shares.putShares(ctx, actor, params.id, params.targetId, body),
  'GET /api/plans/:id/progress': ({ actor, params, query }) => progress.progress(ctx, actor, params.id, query.asOf),
  'GET /api/plans/:id/progress.xlsx': ({ actor, params, query }) =>
    runJob(ctx, planProgressWorkbook, actor, { id: params.id, asOf: query.asOf }),
  'GET /api/plans/:id/targets/:targetId/series': ({ actor, params, query }) =>
    progress.targetSeries(ctx, actor, params.id, params.targetId, query),
  'GET /api/plans/:id/targets/:targetId/drill': ({ actor, params, query }) =>
    progress.targetDrill(ctx, actor, params.id, params.targetId, query),
  'GET /api/dashboard': ({ actor, query }) => progress.dashboard(ctx, actor, query),
}));
