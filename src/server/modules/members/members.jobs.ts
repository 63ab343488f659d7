import { defineFileJob } from '../../platform/jobs/job.js';
import { memberExportFile } from './members.export.js';

/**
 * The member list as .xlsx off the request thread (platform/jobs): ExcelJS builds it in JavaScript on either
 * database. (The counts from the records are a job of their own: members.counts.job.ts.)
 */
export const memberExport = defineFileJob(import.meta.url, 'memberExport', 'always', memberExportFile);
