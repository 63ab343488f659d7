import { ZIdParams } from '../../../shared/http/common.js';
import {
  ZCoverage,
  ZCoverageQuery,
  ZOutreach,
  ZOutreachConfig,
  ZOutreachCreate,
  ZOutreachList,
  ZOutreachQuery,
} from '../../../shared/outreach/contract.js';
import { routes } from '../../platform/plugin.js';
import { actorOf } from '../../platform/session.js';
import * as service from './outreach.service.js';

const tags = ['outreach'];

export const outreachRoutes = routes((app, ctx) => {
  app.get(
    '/api/outreach/config',
    { schema: { tags, summary: 'Danh mục hình thức và nội dung tuyên truyền', response: { 200: ZOutreachConfig } } },
    async (req) => {
      actorOf(req);
      return service.config(ctx);
    },
  );
  app.get(
    '/api/outreach/coverage',
    {
      schema: {
        tags,
        summary: 'Độ bao phủ tuyên truyền (chỉ tiêu 1) theo kỳ và địa bàn',
        querystring: ZCoverageQuery,
        response: { 200: ZCoverage },
      },
    },
    async (req) => service.coverage(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/outreach',
    {
      schema: {
        tags,
        summary: 'Các hoạt động tuyên truyền, vận động',
        querystring: ZOutreachQuery,
        response: { 200: ZOutreachList },
      },
    },
    async (req) => service.list(ctx, actorOf(req), req.query),
  );
  app.get(
    '/api/outreach/:id',
    { schema: { tags, summary: 'Chi tiết hoạt động tuyên truyền', params: ZIdParams, response: { 200: ZOutreach } } },
    async (req) => service.get(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/outreach',
    {
      schema: {
        tags,
        summary: 'Ghi một hoạt động tuyên truyền, vận động',
        body: ZOutreachCreate,
        response: { 201: ZOutreach },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.create(ctx, actorOf(req), req.body);
    },
  );
});
