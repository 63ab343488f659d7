import { z } from 'zod';
import { ZId, ZIdParams } from '../../../shared/http/common.js';
import {
  ZPasswordReset,
  ZRoleGrant,
  ZUserCreate,
  ZUserCreated,
  ZUserEdit,
  ZUserList,
  ZUserListQuery,
  ZUserView,
} from '../../../shared/users/contract.js';
import { routes } from '../../platform/plugin.js';
import { actorOf } from '../../platform/session.js';
import * as service from './users.service.js';

const tags = ['users'];

export const usersRoutes = routes((app, ctx) => {
  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Danh sách người dùng trong phạm vi',
        querystring: ZUserListQuery,
        response: { 200: ZUserList },
      },
    },
    async (req) => service.list(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/users/:id',
    { schema: { tags, summary: 'Chi tiết người dùng', params: ZIdParams, response: { 200: ZUserView } } },
    async (req) => service.get(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/users',
    { schema: { tags, summary: 'Tạo người dùng', body: ZUserCreate, response: { 201: ZUserCreated } } },
    async (req, reply) => {
      reply.status(201);
      return service.create(ctx, actorOf(req), req.body);
    },
  );
  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Sửa / khoá người dùng',
        params: ZIdParams,
        body: ZUserEdit,
        response: { 200: ZUserView },
      },
    },
    async (req) => service.edit(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/users/:id/roles',
    {
      schema: {
        tags,
        summary: 'Cấp vai trò tại một đơn vị',
        params: ZIdParams,
        body: ZRoleGrant,
        response: { 200: ZUserView },
      },
    },
    async (req) => service.addRole(ctx, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/users/:id/roles/:roleId',
    {
      schema: {
        tags,
        summary: 'Thu hồi vai trò',
        params: z.object({ id: ZId, roleId: ZId }).strict(),
        response: { 200: ZUserView },
      },
    },
    async (req) => service.removeRole(ctx, actorOf(req), req.params.id, req.params.roleId),
  );
  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Cấp lại mật khẩu (hiển thị một lần)',
        params: ZIdParams,
        response: { 200: ZPasswordReset },
      },
    },
    async (req) => service.resetPassword(ctx, actorOf(req), req.params.id),
  );
});
