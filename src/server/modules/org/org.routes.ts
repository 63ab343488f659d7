import { z } from 'zod';
import { ZIdParams } from '../../../shared/http/common.js';
import {
  ZAsOfQuery,
  ZOrgDissolve,
  ZOrgEvent,
  ZOrgMerge,
  ZOrgMove,
  ZOrgRename,
  ZOrgRoots,
  ZOrgSearchQuery,
  ZOrgUnit,
  ZOrgUnitCreate,
  ZOrgUnitDetail,
  ZOrgUnitEdit,
  ZUnitType,
} from '../../../shared/org/contract.js';
import { routes } from '../../platform/plugin.js';
import { actorOf } from '../../platform/session.js';
import * as service from './org.service.js';

const tags = ['org'];

export const orgRoutes = routes((app, ctx) => {
  app.get(
    '/api/org/unit-types',
    { schema: { tags, summary: 'Loại đơn vị (cấu hình theo thời gian)', response: { 200: z.array(ZUnitType) } } },
    async (req) => {
      actorOf(req);
      return service.types(ctx);
    },
  );

  app.get(
    '/api/org/roots',
    {
      schema: {
        tags,
        summary: 'Đơn vị gốc trong phạm vi của người dùng tại một ngày',
        querystring: ZAsOfQuery,
        response: { 200: ZOrgRoots },
      },
    },
    async (req) => service.roots(ctx, actorOf(req), req.query.asOf),
  );

  app.get(
    '/api/org/units',
    {
      schema: {
        tags,
        summary: 'Tìm đơn vị (không dấu) tại một ngày',
        querystring: ZOrgSearchQuery,
        response: { 200: z.array(ZOrgUnit) },
      },
    },
    async (req) => service.search(ctx, actorOf(req), req.query),
  );

  app.get(
    '/api/org/units/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết đơn vị tại một ngày, kèm lịch sử',
        params: ZIdParams,
        querystring: ZAsOfQuery,
        response: { 200: ZOrgUnitDetail },
      },
    },
    async (req) => service.detail(ctx, actorOf(req), req.params.id, req.query.asOf),
  );

  app.get(
    '/api/org/units/:id/children',
    {
      schema: {
        tags,
        summary: 'Đơn vị trực thuộc tại một ngày',
        params: ZIdParams,
        querystring: ZAsOfQuery,
        response: { 200: z.array(ZOrgUnit) },
      },
    },
    async (req) => service.children(ctx, actorOf(req), req.params.id, req.query.asOf),
  );

  app.get(
    '/api/org/units/:id/events',
    {
      schema: { tags, summary: 'Các sự kiện của đơn vị', params: ZIdParams, response: { 200: z.array(ZOrgEvent) } },
    },
    async (req) => service.eventsOf(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/api/org/units',
    {
      schema: { tags, summary: 'Thành lập đơn vị', body: ZOrgUnitCreate, response: { 201: ZOrgUnitDetail } },
    },
    async (req, reply) => {
      reply.status(201);
      return service.create(ctx, actorOf(req), req.body);
    },
  );

  app.patch(
    '/api/org/units/:id',
    {
      schema: {
        tags,
        summary: 'Sửa thông tin không theo thời gian (địa chỉ, quyết định thành lập)',
        params: ZIdParams,
        body: ZOrgUnitEdit,
        response: { 200: ZOrgUnitDetail },
      },
    },
    async (req) => service.edit(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/org/units/:id/rename',
    {
      schema: {
        tags,
        summary: 'Đổi tên / địa bàn từ một ngày',
        params: ZIdParams,
        body: ZOrgRename,
        response: { 200: ZOrgUnitDetail },
      },
    },
    async (req) => service.rename(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/org/units/:id/move',
    {
      schema: {
        tags,
        summary: 'Chuyển sang đơn vị cấp trên khác từ một ngày',
        params: ZIdParams,
        body: ZOrgMove,
        response: { 200: ZOrgUnitDetail },
      },
    },
    async (req) => service.move(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/org/units/:id/dissolve',
    {
      schema: {
        tags,
        summary: 'Giải thể / chấm dứt hoạt động từ một ngày',
        params: ZIdParams,
        body: ZOrgDissolve,
        response: { 200: ZOrgUnitDetail },
      },
    },
    async (req) => service.dissolve(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/org/units/:id/merge',
    {
      schema: {
        tags,
        summary: 'Sáp nhập vào đơn vị khác từ một ngày',
        params: ZIdParams,
        body: ZOrgMerge,
        response: { 200: ZOrgUnitDetail },
      },
    },
    async (req) => service.merge(ctx, actorOf(req), req.params.id, req.body),
  );
});
