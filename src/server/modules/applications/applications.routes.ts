import {
  ZApplication,
  ZApplicationList,
  ZApplicationQuery,
  ZApplyInfo,
  ZApplyLinkAnswer,
  ZApplySubmit,
  ZApplySubmitted,
  ZApplyTokenParams,
  ZApprove,
  ZApproveMany,
  ZApproveManyResult,
  ZApproveResult,
  ZReject,
  ZUnitParams,
} from '../../../shared/applications/contract.js';
import { ZIdParams, ZOk } from '../../../shared/http/common.js';
import { requestLocale } from '../../platform/locale.js';
import { routes } from '../../platform/plugin.js';
import { actorOf } from '../../platform/session.js';
import * as publicForm from './applications.public.js';
import * as service from './applications.service.js';

const tags = ['applications'];

export const applicationsRoutes = routes((app, ctx) => {
  const base = (req: { protocol: string; headers: { host?: string } }) =>
    service.publicBase(ctx, `${req.protocol}://${req.headers.host ?? 'localhost'}`);

  // ---- public: the worker's phone, no account. The session hook still refuses a cross-site Origin.
  app.get(
    '/api/public/apply/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Mẫu đơn xin gia nhập qua đường link/QR: đơn vị, nội dung đồng ý đang hiệu lực, danh mục nghề',
        security: [],
        params: ZApplyTokenParams,
        response: { 200: ZApplyInfo },
      },
    },
    async (req) => publicForm.info(ctx, req.params.token, requestLocale(req)),
  );

  app.post(
    '/api/public/apply/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Gửi đơn xin gia nhập (không cần tài khoản; giới hạn số lần gửi)',
        security: [],
        params: ZApplyTokenParams,
        body: ZApplySubmit,
        response: { 201: ZApplySubmitted },
      },
    },
    async (req, reply) => {
      const out = await publicForm.submit(ctx, req.params.token, req.body, req.ip, requestLocale(req));
      reply.status(201);
      return out;
    },
  );

  // ---- officers
  app.get(
    '/api/applications/links/:unitId',
    {
      schema: {
        tags,
        summary: 'Đường link xin gia nhập đang dùng của đơn vị (kèm mã QR), hoặc null',
        params: ZUnitParams,
        response: { 200: ZApplyLinkAnswer },
      },
    },
    async (req) => service.getLink(ctx, actorOf(req), req.params.unitId, base(req)),
  );

  app.post(
    '/api/applications/links/:unitId',
    {
      schema: {
        tags,
        summary: 'Tạo đường link xin gia nhập cho đơn vị (nếu đã có thì trả lại link đó)',
        params: ZUnitParams,
        response: { 200: ZApplyLinkAnswer, 201: ZApplyLinkAnswer },
      },
    },
    async (req, reply) => {
      const { link, created } = await service.ensureLink(ctx, actorOf(req), req.params.unitId, base(req));
      reply.status(created ? 201 : 200);
      return { link };
    },
  );

  app.post(
    '/api/applications/links/:unitId/rotate',
    {
      schema: {
        tags,
        summary: 'Đổi đường link mới; link và mã QR cũ hết hiệu lực ngay',
        params: ZUnitParams,
        response: { 200: ZApplyLinkAnswer },
      },
    },
    async (req) => service.rotateLink(ctx, actorOf(req), req.params.unitId, base(req)),
  );

  app.get(
    '/api/applications',
    {
      schema: {
        tags,
        summary:
          'Đơn xin gia nhập của các đơn vị trong phạm vi (lọc theo đơn vị, trạng thái; tìm theo tên, số điện thoại)',
        querystring: ZApplicationQuery,
        response: { 200: ZApplicationList },
      },
    },
    async (req) => service.list(ctx, actorOf(req), req.query),
  );

  app.get(
    '/api/applications/:id',
    {
      schema: { tags, summary: 'Chi tiết một đơn (CCCD che bớt)', params: ZIdParams, response: { 200: ZApplication } },
    },
    async (req) => service.detail(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/api/applications/:id/approve',
    {
      schema: {
        tags,
        summary: 'Duyệt đơn: quyết định kết nạp (cùng quy trình với kết nạp trực tiếp)',
        params: ZIdParams,
        body: ZApprove,
        response: { 200: ZApproveResult },
      },
    },
    async (req) => service.approve(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/applications/approve',
    {
      schema: {
        tags,
        summary: 'Duyệt nhiều đơn bằng một quyết định kết nạp (tất cả hoặc không)',
        body: ZApproveMany,
        response: { 200: ZApproveManyResult },
      },
    },
    async (req) => service.approveMany(ctx, actorOf(req), req.body),
  );

  app.post(
    '/api/applications/:id/reject',
    {
      schema: {
        tags,
        summary: 'Từ chối đơn (bắt buộc ghi lý do)',
        params: ZIdParams,
        body: ZReject,
        response: { 200: ZApplication },
      },
    },
    async (req) => service.reject(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/applications/:id/erase',
    {
      schema: {
        tags,
        summary: 'Xoá đơn chưa kết nạp theo yêu cầu của người nộp (rút lại sự đồng ý); ghi nhật ký lý do',
        params: ZIdParams,
        body: ZReject,
        response: { 200: ZOk },
      },
    },
    async (req) => service.erase(ctx, actorOf(req), req.params.id, req.body),
  );
});
