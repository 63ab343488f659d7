import { call } from '../../app/api/client.js';

export type TAuditEntry = Awaited<ReturnType<typeof auditApi.list>>['items'][number];

export const auditKeys = { list: ['audit'] as const };

export const auditApi = {
  list: (limit: number, offset: number) => call('GET /api/audit', { query: { limit, offset } }),
};
