import { z } from 'zod';
import { ZId } from '../http/common.js';

export const ZIssue = z.object({ row: z.number().int(), column: z.string(), message: z.string() });

export const ZImportUploadAnswer = z.object({
  batchId: z.number().int(),
  fields: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  headerRows: z.array(z.number().int()),
  dataStartRow: z.number().int().nullable(),
  columns: z.array(z.object({ index: z.number().int(), header: z.string() })),
  mapping: z.record(z.string(), z.number().int().nullable()),
  rememberedMapping: z.boolean(),
});

export const ZImportRun = z
  .object({
    /** Field key → 0-based column index (null: not imported). */
    mapping: z.record(z.string().max(40), z.number().int().min(0).max(500).nullable()).optional(),
    onDuplicate: z.enum(['update', 'skip', 'create']).default('update'),
    duplicateReason: z.string().trim().max(500).nullish(),
    mode: z.enum(['all', 'valid']).default('all'),
  })
  .strict()
  .refine((r) => r.onDuplicate !== 'create' || (r.duplicateReason ?? '').length > 0, {
    message: 'Cần ghi lý do khi tạo mới bản ghi trùng mã số thuế',
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
});

export const ZImportBatch = z.object({
  id: z.number().int(),
  kind: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  fileName: z.string(),
  source: z.string().nullable(),
  status: z.enum(['uploaded', 'running', 'committed', 'rejected', 'failed', 'undone']),
  counts: z.record(z.string(), z.number()),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  undoneAt: z.string().nullable(),
  username: z.string().nullable(),
  /** Rows read so far while running (progress bar). */
  progress: z.number().int().nullable(),
});

export const ZImportBatchQuery = z
  .object({ unitId: ZId.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) })
  .strict();
