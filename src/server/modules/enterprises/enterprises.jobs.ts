import { defineFileJob } from '../../platform/jobs/job.js';
import { exportList } from './enterprises.service.js';

/** The enterprise list as .xlsx off the request thread (platform/jobs): ExcelJS works long on either database. */
export const enterpriseExport = defineFileJob(import.meta.url, 'enterpriseExport', 'always', exportList);
