import { defineFileJob, defineJob } from '../../platform/jobs/job.js';
import { memberExportFile } from './members.export.js';
import { counts } from './members.service.js';

/**
 * The heavy member requests, run off the request thread (platform/jobs). The export builds its workbook in
 * JavaScript on either database; the counts are only queries, which node-postgres awaits without blocking.
 */
export const memberExport = defineFileJob(import.meta.url, 'memberExport', 'always', memberExportFile);
export const memberCounts = defineJob(import.meta.url, 'memberCounts', 'sqlite', counts);
