import { PassThrough } from 'node:stream';
import { z } from 'zod';
import {
  ZEnterpriseConfig,
  ZEnterpriseCreate,
  ZEnterpriseDetail,
  ZEnterpriseEdit,
  ZEnterpriseList,
  ZEnterpriseQuery,
  ZOfficer,
  ZOfficerQuery,
  ZSurveyInput,
} from '../../../shared/enterprises/contract.js';
import { ZIdParams } from '../../../shared/http/common.js';
import { audit } from '../../platform/audit.js';
import { routes } from '../../platform/plugin.js';
import { actorOf } from '../../platform/session.js';
import { writeEnterprisesXlsx } from './enterprises.export.js';
import * as service from './enterprises.service.js';

const tags = ['enterprises'];

export const enterprisesRoutes = routes((app, ctx) => {
  app.get(
    '/api/enterprises/config',
    {
      schema: {
        tags,
        summary: 'Danh mục loại hình và ngưỡng khảo sát đang áp dụng',
        response: { 200: ZEnterpriseConfig },
      },
    },
    async (req) => {
      actorOf(req);
      return service.config(ctx);
    },
  );

  app.get(
    '/api/enterprises',
    {
      schema: {
        tags,
        summary: 'Danh sách doanh nghiệp (lọc, tìm không dấu, sắp xếp)',
        querystring: ZEnterpriseQuery,
        response: { 200: ZEnterpriseList },
      },
    },
    async (req) => service.list(ctx, actorOf(req), req.query),
  );

  app.get(
    '/api/enterprises/officers',
    {
      schema: {
        tags,
        summary: 'Cán bộ có thể phân công theo dõi doanh nghiệp',
        querystring: ZOfficerQuery,
        response: { 200: z.array(ZOfficer) },
      },
    },
    async (req) => service.officers(ctx, actorOf(req), req.query.unitId),
  );

  app.get(
    '/api/enterprises/queue',
    {
      schema: {
        tags,
        summary: 'Doanh nghiệp ngoài nhà nước đủ ngưỡng chưa có công đoàn, liên hệ lâu nhất trước',
        querystring: ZEnterpriseQuery,
        response: { 200: ZEnterpriseList },
      },
    },
    async (req) => service.queue(ctx, actorOf(req), req.query),
  );

  app.get(
    '/api/enterprises/export.xlsx',
    { schema: { tags, summary: 'Xuất Excel đúng danh sách đang lọc', querystring: ZEnterpriseQuery } },
    async (req, reply) => {
      const actor = actorOf(req);
      const { query, period } = await service.filtered(ctx, actor, req.query);
      const rows = await query.orderBy('e.name_folded').execute();
      await audit(ctx.db, actor, {
        action: 'enterprise.export',
        entity: 'enterprise',
        unitId: req.query.unitId ?? null,
        after: { filter: req.query, rows: rows.length },
      });
      const out = new PassThrough();
      void writeEnterprisesXlsx(out, rows, period).catch((err) => out.destroy(err));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="doanh-nghiep-${period.to}.xlsx"`)
        .send(out);
    },
  );

  app.get(
    '/api/enterprises/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết doanh nghiệp với dòng thời gian',
        params: ZIdParams,
        response: { 200: ZEnterpriseDetail },
      },
    },
    async (req) => service.detail(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/api/enterprises',
    { schema: { tags, summary: 'Thêm doanh nghiệp', body: ZEnterpriseCreate, response: { 201: ZEnterpriseDetail } } },
    async (req, reply) => {
      reply.status(201);
      return service.create(ctx, actorOf(req), req.body);
    },
  );

  app.patch(
    '/api/enterprises/:id',
    {
      schema: {
        tags,
        summary: 'Sửa thông tin doanh nghiệp',
        params: ZIdParams,
        body: ZEnterpriseEdit,
        response: { 200: ZEnterpriseDetail },
      },
    },
    async (req) => service.edit(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/enterprises/:id/surveys',
    {
      schema: {
        tags,
        summary: 'Ghi một lần khảo sát (có ngày)',
        params: ZIdParams,
        body: ZSurveyInput,
        response: { 200: ZEnterpriseDetail },
      },
    },
    async (req) => service.addSurvey(ctx, actorOf(req), req.params.id, req.body),
  );
});
