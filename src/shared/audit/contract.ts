import { z } from 'zod';
import { ZId } from '../http/common.js';
import type { RouteTable } from '../http/route.js';

export const ZAuditQuery = z
  .object({
    unitId: ZId.optional(),
    action: z.string().max(60).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export const ZAuditList = z.object({ total: z.number().int(), items: z.array(ZAuditEntry) });

export const auditApi = {
  'GET /api/audit': { summary: 'Nhật ký thay đổi', query: ZAuditQuery, response: ZAuditList },
} as const satisfies RouteTable;
