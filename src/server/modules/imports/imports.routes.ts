import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { ZIdParams, ZOk } from '../../../shared/http/common.js';
import {
  ZImportBatch,
  ZImportBatchQuery,
  ZImportReport,
  ZImportRun,
  ZImportUploadAnswer,
} from '../../../shared/imports/contract.js';
import { type CodeListName, codesOn } from '../../platform/code-lists.js';
import { today } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import { writeTemplateXlsx } from '../../platform/import/index.js';
import { routes } from '../../platform/plugin.js';
import { requireScope, scopeWithin, unitInScope } from '../../platform/scope.js';
import { actorOf } from '../../platform/session.js';
import { ENTERPRISE_FIELDS, TEMPLATE_EXAMPLE_NOTE } from '../enterprises/enterprises.import.js';
import { MEMBER_FIELDS, MEMBER_TEMPLATE_EXAMPLE_NOTE } from '../members/members.import.js';
import * as service from './imports.service.js';

const tags = ['imports'];
const MAX_UPLOAD = 200 * 1024 * 1024;

function presentReport(batchId: number | null, r: Awaited<ReturnType<typeof service.importEnterprises>>['report']) {
  return {
    batchId,
    committed: r.committed,
    rows: r.rows,
    inserted: r.inserted,
    updated: r.updated,
    skipped: r.skipped,
    // The screen shows the first thousand problems; the rejected-rows file has them all.
    rejected: r.rejected.slice(0, 1000),
    warnings: r.warnings.slice(0, 1000),
    rejectedRowCount: r.rejectedRows.length,
    preview: r.preview,
  };
}

export const importsRoutes = routes(async (app, ctx) => {
  await app.register((await import('@fastify/multipart')).default, {
    limits: { fileSize: MAX_UPLOAD, files: 1, fields: 10 },
  });

  app.get(
    '/api/imports/enterprises/template.xlsx',
    { schema: { tags, summary: 'Tệp mẫu nhập danh sách doanh nghiệp (có danh mục thả xuống)' } },
    async (req, reply) => {
      actorOf(req);
      const types = await ctx.db
        .selectFrom('ownership_type')
        .select('name_vi')
        .where('valid_to', 'is', null)
        .orderBy('sort_order')
        .execute();
      const examples: Record<string, unknown> = {
        mst: '3800601245',
        name: 'Công ty TNHH Chế biến Hạt điều Long Hà',
        address: 'Ấp 3, xã Long Hà',
        communeCode: '25255',
        communeName: 'Xã Long Hà',
        ownership: types[1]?.name_vi ?? '',
        industry: 'Chế biến nông sản',
        workerCount: 120,
        femaleCount: 64,
        memberCount: 0,
        surveyDate: new Date(Date.UTC(2024, 3, 20)),
        contactName: 'Nguyễn Văn Nam',
        contactPhone: '0912345678',
        notes: TEMPLATE_EXAMPLE_NOTE,
      };
      const file = path.join(os.tmpdir(), `template-${process.pid}-${Date.now()}.xlsx`);
      await writeTemplateXlsx(file, {
        title: 'DANH SÁCH DOANH NGHIỆP TRÊN ĐỊA BÀN (mẫu nhập Đoàn Viên)',
        fields: ENTERPRISE_FIELDS.map((f) => ({
          label: f.label,
          example: examples[f.key] ?? '',
          ...(f.key === 'ownership' ? { options: types.map((t) => t.name_vi) } : {}),
          ...('required' in f && f.required ? { note: 'Bắt buộc' } : {}),
        })),
      });
      const data = fs.readFileSync(file);
      fs.rmSync(file, { force: true });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="mau-nhap-doanh-nghiep.xlsx"')
        .send(data);
    },
  );

  const uploadRoute = (kind: service.ImportKind, summary: string) =>
    app.post(
      `/api/imports/${kind}`,
      {
        schema: {
          tags,
          summary,
          consumes: ['multipart/form-data'],
          response: { 200: ZImportUploadAnswer },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await requireScope(ctx.db, actor, 'record.write');
        const part = await req.file();
        if (!part) throw new AppError('VALIDATION', {}, [{ path: 'file', message: 'Chưa chọn tệp' }]);
        const tmp = path.join(
          os.tmpdir(),
          `upload-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
        );
        // Streamed to disk: a big file never sits in memory.
        await pipeline(part.file, fs.createWriteStream(tmp));
        if (part.file.truncated) {
          fs.rmSync(tmp, { force: true });
          throw new AppError('PAYLOAD_TOO_LARGE');
        }
        const fields = part.fields as Record<string, { value?: unknown } | undefined>;
        const unitId = z.coerce.number().int().positive().safeParse(fields.unitId?.value);
        if (!unitId.success) {
          fs.rmSync(tmp, { force: true });
          throw new AppError('VALIDATION', {}, [
            { path: 'unitId', message: kind === 'members' ? 'Chọn công đoàn cơ sở' : 'Chọn đơn vị quản lý' },
          ]);
        }
        const source =
          typeof fields.source?.value === 'string' && fields.source.value.trim()
            ? fields.source.value.trim().slice(0, 100)
            : null;
        return service.upload(ctx, actor, {
          tmpFile: tmp,
          fileName: part.filename.slice(0, 255),
          unitId: unitId.data,
          source,
          kind,
        });
      },
    );
  uploadRoute('enterprises', 'Tải lên tệp .xlsx/.csv (multipart: file, unitId, source); đề xuất ghép cột');
  uploadRoute(
    'members',
    'Tải lên danh sách đoàn viên .xlsx/.csv vào một công đoàn cơ sở (multipart: file, unitId, source); đề xuất ghép cột',
  );

  app.get(
    '/api/imports/members/template.xlsx',
    { schema: { tags, summary: 'Tệp mẫu nhập danh sách đoàn viên (có danh mục thả xuống)' } },
    async (req, reply) => {
      actorOf(req);
      const day = today(ctx);
      const list = (name: CodeListName) => codesOn(ctx.db, name, day).then((rows) => rows.map((r) => r.nameVi));
      const [ethnicities, religions] = [await list('ethnicity'), await list('religion')];
      const examples: Record<string, unknown> = {
        fullName: 'Nguyễn Thị Lan',
        birthDate: new Date(Date.UTC(1994, 6, 15)),
        gender: 'Nữ',
        cccd: '070194000123',
        ethnicity: ethnicities[0] ?? '',
        religion: religions[0] ?? '',
        phone: '0912345678',
        address: 'Ấp 3, xã Long Hà',
        occupation: 'Công nhân may',
        admittedOn: new Date(Date.UTC(2024, 2, 15)),
        decisionNo: '12/QĐ-CĐCS',
        cardNo: '',
        notes: MEMBER_TEMPLATE_EXAMPLE_NOTE,
      };
      const options: Record<string, string[]> = { gender: ['Nam', 'Nữ'], ethnicity: ethnicities, religion: religions };
      const file = path.join(os.tmpdir(), `template-${process.pid}-${Date.now()}.xlsx`);
      await writeTemplateXlsx(file, {
        title: 'DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN CƠ SỞ (mẫu nhập Đoàn Viên)',
        // The template has one date-of-birth and one gender column; the Nam/Nữ and year-only layouts
        // are read from the lists people already have.
        fields: MEMBER_FIELDS.filter((f) => !['birthYear', 'birthMale', 'birthFemale'].includes(f.key)).map((f) => ({
          label: f.label,
          example: examples[f.key] ?? '',
          ...(options[f.key] ? { options: options[f.key] } : {}),
          ...('required' in f && f.required ? { note: 'Bắt buộc' } : {}),
        })),
      });
      const data = fs.readFileSync(file);
      fs.rmSync(file, { force: true });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="mau-nhap-doan-vien.xlsx"')
        .send(data);
    },
  );

  app.post(
    '/api/imports/:id/preview',
    {
      schema: {
        tags,
        summary: 'Xem trước: lỗi, cảnh báo, dòng sẽ thêm / cập nhật / bỏ qua',
        params: ZIdParams,
        body: ZImportRun,
        response: { 200: ZImportReport },
      },
    },
    async (req) => {
      const { report } = await service.run(ctx, actorOf(req), req.params.id, { ...req.body, dryRun: true });
      return presentReport(req.params.id, report);
    },
  );

  app.post(
    '/api/imports/:id/commit',
    {
      schema: {
        tags,
        summary: 'Ghi lô nhập (tất cả hoặc không gì cả, hoặc chỉ dòng hợp lệ)',
        params: ZIdParams,
        body: ZImportRun,
        response: { 200: ZImportReport },
      },
    },
    async (req) => {
      const { batchId, report } = await service.run(ctx, actorOf(req), req.params.id, { ...req.body, dryRun: false });
      return presentReport(batchId, report);
    },
  );

  app.post(
    '/api/imports/:id/undo',
    {
      schema: {
        tags,
        summary: 'Hoàn tác lô nhập (khi chưa có gì mới hơn phụ thuộc vào nó)',
        params: ZIdParams,
        response: { 200: ZOk },
      },
    },
    async (req) => service.undo(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/api/imports/:id/rejected.xlsx',
    { schema: { tags, summary: 'Tải các dòng bị từ chối kèm cột lỗi', params: ZIdParams } },
    async (req, reply) => {
      await service.batchInScope(ctx, actorOf(req), req.params.id, 'record.read');
      const file = path.join(service.batchDir(ctx, req.params.id), 'rejected.xlsx');
      if (!fs.existsSync(file)) throw new AppError('NOT_FOUND');
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="dong-loi-lo-${req.params.id}.xlsx"`)
        .send(fs.createReadStream(file));
    },
  );

  const presentBatch = (b: {
    id: number;
    kind: string;
    unit_id: number;
    unit_name: string;
    file_name: string;
    source: string | null;
    status: string;
    counts: string;
    created_at: string;
    committed_at: string | null;
    undone_at: string | null;
    username: string | null;
  }) => ({
    id: b.id,
    kind: b.kind,
    unitId: b.unit_id,
    unitName: b.unit_name,
    fileName: b.file_name,
    source: b.source,
    status: b.status as 'uploaded',
    counts: JSON.parse(b.counts) as Record<string, number>,
    createdAt: b.created_at,
    committedAt: b.committed_at,
    undoneAt: b.undone_at,
    username: b.username,
    progress: service.importProgress(b.id),
  });

  const batches = () =>
    ctx.db
      .selectFrom('import_batch as b')
      .innerJoin('org_unit as u', 'u.id', 'b.unit_id')
      .leftJoin('app_user as a', 'a.id', 'b.user_id')
      .selectAll('b')
      .select(['u.name as unit_name', 'a.username']);

  app.get(
    '/api/imports',
    {
      schema: {
        tags,
        summary: 'Các lô nhập',
        querystring: ZImportBatchQuery,
        response: { 200: z.array(ZImportBatch) },
      },
    },
    async (req) => {
      const scope = await scopeWithin(ctx.db, actorOf(req), 'record.read', req.query.unitId);
      const rows = await batches()
        .where((eb) => unitInScope(eb, 'b.unit_id', scope))
        .orderBy('b.id', 'desc')
        .limit(req.query.limit)
        .execute();
      return rows.map(presentBatch);
    },
  );

  app.get(
    '/api/imports/:id',
    { schema: { tags, summary: 'Một lô nhập và tiến độ', params: ZIdParams, response: { 200: ZImportBatch } } },
    async (req) => {
      await service.batchInScope(ctx, actorOf(req), req.params.id, 'record.read');
      return presentBatch(await batches().where('b.id', '=', req.params.id).executeTakeFirstOrThrow());
    },
  );
});
