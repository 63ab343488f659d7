import { call } from '../../app/api/client.js';

export type TAuditEntry = Awaited<ReturnType<typeof auditApi.list>>['items'][number];

/** The server-side filters of the log: who, what, which unit's subtree, which days. */
export type AuditFilter = { userId?: number; action?: string; unitId?: number; from?: string; to?: string };

export const auditKeys = { list: (f: AuditFilter) => ['audit', f] as const };

export const auditApi = {
  list: (f: AuditFilter, limit: number, offset: number) => call('GET /api/audit', { query: { ...f, limit, offset } }),
};
