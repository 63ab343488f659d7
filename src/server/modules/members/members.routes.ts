import { PassThrough } from 'node:stream';
import { ZIdParams } from '../../../shared/http/common.js';
import {
  ADMISSION_DOCUMENT_MAX_BYTES,
  ZAdmission,
  ZAdmissionDocument,
  ZAdmissionDocumentList,
  ZAdmissionResult,
  ZAnonymiseInput,
  ZAnonymiseResult,
  ZCardInput,
  ZCountsQuery,
  ZHonoraryInput,
  ZLeaveInput,
  ZMemberCounts,
  ZMemberDetail,
  ZMemberExportQuery,
  ZMemberList,
  ZMemberQuery,
  ZMembersConfig,
  ZMembershipParams,
  ZPartyIntroduction,
  ZPartyIntroductionCreate,
  ZPartyIntroductionPatch,
  ZPartyList,
  ZPartyQuery,
  ZPossibleTransfer,
  ZPossibleTransferDismiss,
  ZPossibleTransferList,
  ZPossibleTransferQuery,
  ZRevealed,
  ZTransferInput,
} from '../../../shared/members/contract.js';
import type { App } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { contentDisposition, XLSX_MIME } from '../../platform/files.js';
import { routes } from '../../platform/plugin.js';
import { actorOf } from '../../platform/session.js';
import * as admission from './members.admission.js';
import * as documents from './members.documents.js';
import { prepareMemberExport } from './members.export.js';
import * as notices from './members.notices.js';
import * as party from './members.party.js';
import * as privacy from './members.privacy.js';
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
    '/api/members/possible-transfers',
    {
      schema: {
        tags,
        summary:
          'Có thể chuyển sinh hoạt: người đang sinh hoạt ở đơn vị này được đề nghị kết nạp ở đơn vị khác, và ngược lại',
        querystring: ZPossibleTransferQuery,
        response: { 200: ZPossibleTransferList },
      },
    },
    async (req) => notices.listPossibleTransfers(ctx, actorOf(req), req.query),
  );

  app.post(
    '/api/members/possible-transfers/:id/dismiss',
    {
      schema: {
        tags,
        summary: 'Đóng đề nghị không phải chuyển sinh hoạt (ghi lý do)',
        params: ZIdParams,
        body: ZPossibleTransferDismiss,
        response: { 200: ZPossibleTransfer },
      },
    },
    async (req) => notices.dismissPossibleTransfer(ctx, actorOf(req), req.params.id, req.body),
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
  // ---------------------------------------------------------------- export, personal data, anonymisation

  app.get(
    '/api/members/export',
    {
      schema: {
        tags,
        summary: 'Xuất Excel đúng danh sách đang lọc (mọi dòng; CCCD che bớt; được ghi nhật ký)',
        querystring: ZMemberExportQuery,
      },
    },
    async (req, reply) => {
      const exp = await prepareMemberExport(ctx, actorOf(req), req.query);
      const out = new PassThrough();
      void exp.write(out).catch((err) => out.destroy(err));
      return reply.type(XLSX_MIME).header('content-disposition', exp.disposition).send(out);
    },
  );

  app.get(
    '/api/members/:membershipId/personal-data',
    {
      schema: {
        tags,
        summary: 'Xuất toàn bộ dữ liệu cá nhân của một người để cung cấp cho chính họ (cần quyền dữ liệu nhạy cảm)',
        params: ZMembershipParams,
      },
    },
    async (req, reply) => {
      const f = await privacy.personalDataExport(ctx, actorOf(req), req.params.membershipId);
      return reply.type(XLSX_MIME).header('content-disposition', f.disposition).send(f.buffer);
    },
  );

  app.post(
    '/api/members/:membershipId/anonymise',
    {
      schema: {
        tags,
        summary: 'Ẩn danh một người theo yêu cầu (không hoàn tác; giữ số liệu báo cáo)',
        params: ZMembershipParams,
        body: ZAnonymiseInput,
        response: { 200: ZAnonymiseResult },
      },
    },
    async (req) => privacy.anonymise(ctx, actorOf(req), req.params.membershipId, req.body),
  );

  // ---------------------------------------------------------------- admission documents

  app.get(
    '/api/members/:membershipId/documents',
    {
      schema: {
        tags,
        summary: 'Hồ sơ kết nạp (đơn, quyết định) của quyết định đã kết nạp đoàn viên này',
        params: ZMembershipParams,
        response: { 200: ZAdmissionDocumentList },
      },
    },
    async (req) => documents.documentsOf(ctx, actorOf(req), req.params.membershipId),
  );

  app.get(
    '/api/admission-documents/:id/file',
    {
      schema: {
        tags,
        summary: 'Tải bản chụp hồ sơ kết nạp (cần quyền dữ liệu nhạy cảm; được ghi nhật ký)',
        params: ZIdParams,
      },
    },
    async (req, reply) => {
      const f = await documents.openDocument(ctx, actorOf(req), req.params.id);
      return reply
        .type(f.mime)
        .header('content-length', f.size)
        .header('content-disposition', contentDisposition(f.fileName, 'attachment', `ho-so-ket-nap-${req.params.id}`))
        .send(f.stream);
    },
  );

  // Multipart only here, in a child context: the other member routes keep accepting JSON alone.
  app.register(async (child) => {
    const sub = child as unknown as App;
    await sub.register((await import('@fastify/multipart')).default, {
      limits: { fileSize: ADMISSION_DOCUMENT_MAX_BYTES, files: 1, fields: 5 },
      throwFileSizeLimit: false,
    });
    sub.post(
      '/api/members/admission-documents',
      {
        schema: {
          tags,
          summary: 'Tải lên bản chụp đơn hoặc quyết định kết nạp — multipart: unitId, decisionNo, kind, rồi file',
          consumes: ['multipart/form-data'],
          response: { 201: ZAdmissionDocument },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const part = await req.file();
        if (!part) throw new AppError('VALIDATION', {}, [{ path: 'file', message: 'Chưa chọn tệp' }]);
        const fields: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(part.fields)) {
          const f = Array.isArray(v) ? v[0] : v;
          if (f && f.type === 'field') fields[k] = f.value;
        }
        const doc = await documents.uploadDocument(ctx, actor, fields, { stream: part.file, fileName: part.filename });
        reply.status(201);
        return doc;
      },
    );
  });
});
