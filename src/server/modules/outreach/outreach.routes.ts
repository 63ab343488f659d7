import { z } from 'zod';
import { ZId, ZIdParams } from '../../../shared/http/common.js';
import {
  ATTACHMENT_MAX_BYTES,
  ZCoverage,
  ZCoverageQuery,
  ZOutreach,
  ZOutreachConfig,
  ZOutreachCreate,
  ZOutreachList,
  ZOutreachQuery,
} from '../../../shared/outreach/contract.js';
import { AppError } from '../../platform/errors.js';
import { routes } from '../../platform/plugin.js';
import { actorOf } from '../../platform/session.js';
import * as attachments from './outreach.attachments.js';
import * as service from './outreach.service.js';

const ZAttachment = z.object({ id: z.number().int(), fileName: z.string(), mime: z.string(), size: z.number().int() });

const tags = ['outreach'];

export const outreachRoutes = routes(async (app, ctx) => {
  await app.register((await import('@fastify/multipart')).default, {
    limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 0 },
  });

  app.post(
    '/api/outreach/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Đính kèm ảnh / PDF (ví dụ ảnh danh sách ký tên) — multipart: file',
        consumes: ['multipart/form-data'],
        params: ZIdParams,
        response: { 201: ZAttachment },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const part = await req.file();
      if (!part) throw new AppError('VALIDATION', {}, [{ path: 'file', message: 'Chưa chọn tệp' }]);
      reply.status(201);
      return attachments.addAttachment(ctx, actor, req.params.id, { stream: part.file, fileName: part.filename });
    },
  );

  app.get(
    '/api/outreach/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Tải tệp đính kèm',
        params: z.object({ id: ZId, attachmentId: ZId }).strict(),
      },
    },
    async (req, reply) => {
      const f = await attachments.openAttachment(ctx, actorOf(req), req.params.id, req.params.attachmentId);
      return reply
        .type(f.mime)
        .header('content-length', f.size)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .send(f.stream);
    },
  );

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
