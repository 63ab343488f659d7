import type { z } from 'zod';
import type { ZAuditEntry, ZAuditList } from '../../../shared/audit/contract.js';
import { api } from '../../app/api/client.js';

export type TAuditEntry = z.infer<typeof ZAuditEntry>;
type TAuditList = z.infer<typeof ZAuditList>;

export const auditKeys = { page: (page: number, size: number) => ['audit', page, size] as const };

export const auditApi = {
  list: (limit: number, offset: number) => api.get<TAuditList>('/api/audit', { limit, offset }),
};
