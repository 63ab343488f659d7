import { usersApi } from '../../../shared/users/contract.js';
import { mountRoutes } from '../../platform/routes.js';
import * as service from './users.service.js';

export const usersRoutes = mountRoutes('users', usersApi, (ctx) => ({
  'GET /api/users': ({ actor, query }) => service.list(ctx, actor, query),
  'GET /api/users/:id': ({ actor, params }) => service.get(ctx, actor, params.id),
  'POST /api/users': ({ actor, body }) => service.create(ctx, actor, body),
  'PATCH /api/users/:id': ({ actor, params, body }) => service.edit(ctx, actor, params.id, body),
  'POST /api/users/:id/roles': ({ actor, params, body }) => service.addRole(ctx, actor, params.id, body),
  'DELETE /api/users/:id/roles/:roleId': ({ actor, params }) =>
    service.removeRole(ctx, actor, params.id, params.roleId),
  'POST /api/users/:id/unlock-login': ({ actor, params }) => service.unlockLogin(ctx, actor, params.id),
  'POST /api/users/:id/reset-password': ({ actor, params }) => service.resetPassword(ctx, actor, params.id),
}));
