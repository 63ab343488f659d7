import { z } from 'zod';
import { ZId, ZIdParams, ZIsoDate, ZOk } from '../http/common.js';
import type { RouteTable } from '../http/route.js';
import { importsMessages as M } from './messages.js';

/** A problem or a warning of one row: `column` and `message` in the caller's language. */
export const ZIssue = z.object({ row: z.number().int(), column: z.string(), message: z.string() });

/** The kind of record a file holds ("enterprises", "members"): the server knows which kinds exist. */
export const ZImportKindParams = z.object({ kind: z.string().regex(/^[a-z][a-z-]{0,39}$/) }).strict();

export const ZImportUploadAnswer = z.object({
  batchId: z.number().int(),
  fields: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  headerRows: z.array(z.number().int()),
  dataStartRow: z.number().int().nullable(),
  columns: z.array(z.object({ index: z.number().int(), header: z.string() })),
  mapping: z.record(z.string(), z.number().int().nullable()),
  rememberedMapping: z.boolean(),
  /** What unknown spellings were said to mean for this unit and source last time (field → folded → code). */
  valueMapping: z.record(z.string(), z.record(z.string(), z.string())),
});

/** Field → folded spelling (as `unknownValues[].folded`) → code of the list entry it means. */
export const ZValueMapping = z.record(z.string().max(40), z.record(z.string().max(200), z.string().max(40)));

export const ZImportRun = z
  .object({
    /** Field key → 0-based column index (null: not imported). */
    mapping: z.record(z.string().max(40), z.number().int().min(0).max(500).nullable()).optional(),
    onDuplicate: z.enum(['update', 'skip', 'create']).default('update'),
    duplicateReason: z.string().trim().max(500).nullish(),
    mode: z.enum(['all', 'valid']).default('all'),
    valueMapping: ZValueMapping.optional(),
    /** The date of the figures of a list without a survey date column (enterprises). */
    asOf: ZIsoDate.nullish(),
    /** The decision a list without an admission date column is attached to (members). */
    decisionNo: z.string().trim().max(100).nullish(),
    decisionDate: ZIsoDate.nullish(),
    ceremonyDate: ZIsoDate.nullish(),
  })
  .strict()
  .refine((r) => r.onDuplicate !== 'create' || (r.duplicateReason ?? '').length > 0, {
    message: M.reasonRequired.key,
    path: ['duplicateReason'],
  });

export const ZImportReport = z.object({
  batchId: z.number().int().nullable(),
  committed: z.boolean(),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  rejected: z.array(ZIssue),
  warnings: z.array(ZIssue),
  rejectedRowCount: z.number().int(),
  preview: z.array(
    z.object({
      row: z.number().int(),
      action: z.enum(['insert', 'update', 'skip', 'reject']),
      key: z.string().nullable(),
      label: z.string(),
    }),
  ),
  /** Spellings no list entry matched, once each, with the entries they may be mapped to. */
  unknownValues: z.array(
    z.object({
      field: z.string(),
      fieldLabel: z.string(),
      raw: z.string(),
      folded: z.string(),
      count: z.number().int(),
      rows: z.array(z.number().int()),
      choices: z.array(z.object({ code: z.string(), name: z.string() })),
      /** The entry the run's value mapping gave it; null while it is still unknown (then it rejects its rows). */
      mappedTo: z.string().nullable(),
    }),
  ),
  /** Notes on the file as a whole (where the table ended and what was left out). */
  info: z.array(z.string()),
});

export const IMPORT_BATCH_STATUSES = ['uploaded', 'running', 'committed', 'rejected', 'failed', 'undone'] as const;
export type ImportBatchStatus = (typeof IMPORT_BATCH_STATUSES)[number];

export const ZImportBatch = z.object({
  id: z.number().int(),
  kind: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  fileName: z.string(),
  source: z.string().nullable(),
  status: z.enum(IMPORT_BATCH_STATUSES),
  counts: z.record(z.string(), z.number()),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  undoneAt: z.string().nullable(),
  /** Why a failed batch failed, in the caller's language (an interrupted run), else null. */
  failure: z.string().nullable(),
  username: z.string().nullable(),
  /** Rows read so far while running (progress bar). */
  progress: z.number().int().nullable(),
});

export const ZImportBatchQuery = z
  .object({
    unitId: ZId.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const ZImportBatchPage = z.object({ total: z.number().int(), items: z.array(ZImportBatch) });

export const importsApi = {
  'POST /api/imports/:kind': {
    summary:
      'Tải lên tệp .xlsx/.csv theo loại bản ghi (multipart: file, unitId, source); tìm dòng tiêu đề, đề xuất ghép cột',
    params: ZImportKindParams,
    upload: true,
    response: ZImportUploadAnswer,
  },
  'GET /api/imports/:kind/template.xlsx': {
    summary: 'Tệp mẫu nhập theo loại bản ghi (có danh mục thả xuống)',
    params: ZImportKindParams,
    file: true,
  },
  'POST /api/imports/:id/preview': {
    summary: 'Xem trước: lỗi, cảnh báo, dòng sẽ thêm / cập nhật / bỏ qua',
    params: ZIdParams,
    body: ZImportRun,
    response: ZImportReport,
  },
  'POST /api/imports/:id/commit': {
    summary: 'Ghi lô nhập (tất cả hoặc không gì cả, hoặc chỉ dòng hợp lệ)',
    params: ZIdParams,
    body: ZImportRun,
    response: ZImportReport,
  },
  'POST /api/imports/:id/undo': {
    summary: 'Hoàn tác lô nhập (khi chưa có gì mới hơn phụ thuộc vào nó)',
    params: ZIdParams,
    response: ZOk,
  },
  'GET /api/imports/:id/rejected.xlsx': {
    summary: 'Tải các dòng bị từ chối kèm cột lỗi',
    params: ZIdParams,
    file: true,
  },
  'GET /api/imports': {
    summary: 'Các lô nhập, mới nhất trước',
    query: ZImportBatchQuery,
    response: ZImportBatchPage,
  },
  'GET /api/imports/:id': { summary: 'Một lô nhập và tiến độ', params: ZIdParams, response: ZImportBatch },
} as const satisfies RouteTable;
