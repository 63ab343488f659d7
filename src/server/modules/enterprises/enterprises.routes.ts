import { enterprisesApi } from '../../../shared/enterprises/contract.js';
import { runJob } from '../../platform/jobs/run.js';
import { mountRoutes } from '../../platform/routes.js';
import { enterpriseExport } from './enterprises.jobs.js';
import * as service from './enterprises.service.js';

export const enterprisesRoutes = mountRoutes('enterprises', enterprisesApi, (ctx) => ({
  'GET /api/enterprises/config': () => service.config(ctx),
  'GET /api/enterprises': ({ actor, query }) => service.list(ctx, actor, query),
  'GET /api/enterprises/officers': ({ actor, query }) => service.officers(ctx, actor, query.unitId),
  'GET /api/enterprises/queue': ({ actor, query }) => service.queue(ctx, actor, query),
  'GET /api/enterprises/export.xlsx': ({ actor, query }) => runJob(ctx, enterpriseExport, actor, query),
  'GET /api/enterprises/:id': ({ actor, params }) => service.detail(ctx, actor, params.id),
  'POST /api/enterprises': ({ actor, body }) => service.create(ctx, actor, body),
  'PATCH /api/enterprises/:id': ({ actor, params, body }) => service.edit(ctx, actor, params.id, body),
  'POST /api/enterprises/:id/surveys': ({ actor, params, body }) => service.addSurvey(ctx, actor, params.id, body),
}));
