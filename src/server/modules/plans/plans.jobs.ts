import { defineFileJob } from '../../platform/jobs/job.js';
import { progressWorkbook } from './plans.export.js';

/** A plan's progress workbook off the request thread (platform/jobs): the progress queries, then ExcelJS. */
export const planProgressWorkbook = defineFileJob(
  import.meta.url,
  'planProgressWorkbook',
  'always',
  (ctx, actor, q: { id: number; asOf?: string }) => progressWorkbook(ctx, actor, q.id, q.asOf),
);
