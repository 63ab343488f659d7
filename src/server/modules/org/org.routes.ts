import { orgApi } from '../../../shared/org/contract.js';
import { mountRoutes } from '../../platform/routes.js';
import { founded } from './org.founded.js';
import * as reads from './org.reads.js';
import * as service from './org.service.js';

export const orgRoutes = mountRoutes('org', orgApi, (ctx) => ({
  'GET /api/org/unit-types': () => reads.types(ctx),
  'GET /api/org/roots': ({ actor, query }) => reads.roots(ctx, actor, query.asOf),
  'GET /api/org/units': ({ actor, query }) => reads.search(ctx, actor, query),
  'GET /api/org/units/:id': ({ actor, params, query }) => reads.detail(ctx, actor, params.id, query.asOf),
  'GET /api/org/units/:id/children': ({ actor, params, query }) => reads.children(ctx, actor, params.id, query.asOf),
  'GET /api/org/founded': ({ actor, query }) => founded(ctx, actor, query),
  'GET /api/org/units/:id/events': ({ actor, params }) => reads.eventsOf(ctx, actor, params.id),
  'GET /api/org/units/:id/later-parents': ({ actor, params, query }) =>
    service.laterParents(ctx, actor, params.id, query.date),
  'POST /api/org/units': ({ actor, body }) => service.create(ctx, actor, body),
  'PATCH /api/org/units/:id': ({ actor, params, body }) => service.edit(ctx, actor, params.id, body),
  'POST /api/org/units/:id/rename': ({ actor, params, body }) => service.rename(ctx, actor, params.id, body),
  'POST /api/org/units/:id/move': ({ actor, params, body }) => service.move(ctx, actor, params.id, body),
  'POST /api/org/units/:id/dissolve': ({ actor, params, body }) => service.dissolve(ctx, actor, params.id, body),
  'POST /api/org/units/:id/merge': ({ actor, params, body }) => service.merge(ctx, actor, params.id, body),
}));
