import { ZIdParams } from '../../../shared/http/common.js';
import {
  ZAdmission,
  ZAdmissionResult,
  ZCardInput,
  ZCountsQuery,
  ZHonoraryInput,
  ZLeaveInput,
  ZMemberCounts,
  ZMemberDetail,
  ZMemberList,
  ZMemberQuery,
  ZMembersConfig,
  ZMembershipParams,
  ZPartyIntroduction,
  ZPartyIntroductionCreate,
  ZPartyIntroductionPatch,
  ZPartyList,
  ZPartyQuery,
  ZRevealed,
  ZTransferInput,
} from '../../../shared/members/contract.js';
import { routes } from '../../platform/plugin.js';
import { actorOf } from '../../platform/session.js';
import * as admission from './members.admission.js';
import * as party from './members.party.js';
import * as service from './members.service.js';

const tags = ['members'];

export const membersRoutes = routes((app, ctx) => {
  app.get(
    '/api/members/config',
    {
      schema: {
        tags,
        summary: 'Danh mục dân tộc, tôn giáo, nghề tự do, trình độ; ngày bắt đầu kết nạp người nước ngoài',
        response: { 200: ZMembersConfig },
      },
    },
    async (req) => {
      actorOf(req);
      return service.config(ctx);
    },
  );

  app.post(
    '/api/members/admissions',
    {
      schema: {
        tags,
        summary: 'Quyết định kết nạp một hoặc nhiều người (đơn tập thể, Mẫu 5b); tất cả hoặc không',
        body: ZAdmission,
        response: { 201: ZAdmissionResult },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return admission.admit(ctx, actorOf(req), req.body);
    },
  );

  app.get(
    '/api/members',
    {
      schema: {
        tags,
        summary: 'Danh sách đoàn viên (lọc; tìm theo tên không dấu, số CCCD đúng, đầu số điện thoại)',
        querystring: ZMemberQuery,
        response: { 200: ZMemberList },
      },
    },
    async (req) => service.list(ctx, actorOf(req), req.query),
  );

  app.get(
    '/api/members/counts',
    {
      schema: {
        tags,
        summary: 'Kết nạp, ra khỏi, chuyển đi/đến, giới thiệu Đảng, đang sinh hoạt — tính từ bản ghi',
        querystring: ZCountsQuery,
        response: { 200: ZMemberCounts },
      },
    },
    async (req) => service.counts(ctx, actorOf(req), req.query),
  );

  app.get(
    '/api/members/:membershipId',
    {
      schema: {
        tags,
        summary: 'Chi tiết đoàn viên với các sự kiện (CCCD che bớt)',
        params: ZMembershipParams,
        response: { 200: ZMemberDetail },
      },
    },
    async (req) => service.detail(ctx, actorOf(req), req.params.membershipId),
  );

  app.post(
    '/api/members/:membershipId/reveal-cccd',
    {
      schema: {
        tags,
        summary: 'Xem số CCCD đầy đủ (cần quyền dữ liệu nhạy cảm; được ghi nhật ký)',
        params: ZMembershipParams,
        response: { 200: ZRevealed },
      },
    },
    async (req) => service.revealCccd(ctx, actorOf(req), req.params.membershipId),
  );

  app.post(
    '/api/members/:membershipId/card',
    {
      schema: {
        tags,
        summary: 'Ghi nhận cấp thẻ đoàn viên',
        params: ZMembershipParams,
        body: ZCardInput,
        response: { 200: ZMemberDetail },
      },
    },
    async (req) => service.issueCard(ctx, actorOf(req), req.params.membershipId, req.body),
  );

  app.post(
    '/api/members/:membershipId/transfer',
    {
      schema: {
        tags,
        summary: 'Chuyển sinh hoạt sang công đoàn cơ sở khác (không tính là kết nạp)',
        params: ZMembershipParams,
        body: ZTransferInput,
        response: { 200: ZMemberDetail },
      },
    },
    async (req) => service.transfer(ctx, actorOf(req), req.params.membershipId, req.body),
  );

  app.post(
    '/api/members/:membershipId/leave',
    {
      schema: {
        tags,
        summary: 'Ra khỏi tổ chức công đoàn hoặc khai trừ',
        params: ZMembershipParams,
        body: ZLeaveInput,
        response: { 200: ZMemberDetail },
      },
    },
    async (req) => service.leave(ctx, actorOf(req), req.params.membershipId, req.body),
  );

  app.post(
    '/api/members/:membershipId/honorary',
    {
      schema: {
        tags,
        summary: 'Chuyển thành đoàn viên danh dự',
        params: ZMembershipParams,
        body: ZHonoraryInput,
        response: { 200: ZMemberDetail },
      },
    },
    async (req) => service.makeHonorary(ctx, actorOf(req), req.params.membershipId, req.body),
  );

  app.post(
    '/api/members/:membershipId/party-introductions',
    {
      schema: {
        tags,
        summary: 'Giới thiệu đoàn viên ưu tú cho Đảng (cần quyền dữ liệu nhạy cảm)',
        params: ZMembershipParams,
        body: ZPartyIntroductionCreate,
        response: { 201: ZPartyIntroduction },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return party.introduceToParty(ctx, actorOf(req), req.params.membershipId, req.body);
    },
  );

  app.patch(
    '/api/party-introductions/:id',
    {
      schema: {
        tags,
        summary: 'Cập nhật kết quả giới thiệu Đảng',
        params: ZIdParams,
        body: ZPartyIntroductionPatch,
        response: { 200: ZPartyIntroduction },
      },
    },
    async (req) => party.updateParty(ctx, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/party-introductions',
    {
      schema: {
        tags,
        summary: 'Danh sách giới thiệu Đảng (chỉ người có quyền dữ liệu nhạy cảm; số lượng xem ở /api/members/counts)',
        querystring: ZPartyQuery,
        response: { 200: ZPartyList },
      },
    },
    async (req) => party.listParty(ctx, actorOf(req), req.query),
  );
});
