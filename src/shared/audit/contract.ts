import { z } from 'zod';
import { ZId, ZIsoDate } from '../http/common.js';
import type { RouteTable } from '../http/route.js';
import { AUDIT_ACTIONS } from './labels.js';
import { auditMessages as M } from './messages.js';

export const ZAuditQuery = z
  .object({
    /** The unit's subtree (at any date), inside the caller's scope. */
    unitId: ZId.optional(),
    /** Who made the change. */
    userId: ZId.optional(),
    action: z
      .string()
      .max(60)
      .refine((a) => Object.hasOwn(AUDIT_ACTIONS, a), { error: M.actionUnknown.key })
      .optional(),
    /** Calendar days in the app's time zone, both included. */
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: M.periodOrder.key, path: ['to'] });

/** One labelled field of an entry, its values already in words (names, dd/mm/yyyy, Có/Không). */
export const ZAuditDetail = z.object({
  field: z.string(),
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  username: z.string().nullable(),
  userFullName: z.string().nullable(),
  action: z.string(),
  /** The action in the reader's language ("Kết nạp đoàn viên"). */
  actionLabel: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** The record in words: "Đoàn viên Nguyễn Văn A", "Đơn vị CĐCS …", "Hồ sơ của quyết định kết nạp số …". */
  entityLabel: z.string(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  details: z.array(ZAuditDetail),
});

export const ZAuditList = z.object({ total: z.number().int(), items: z.array(ZAuditEntry) });

export const auditApi = {
  'GET /api/audit': {
    summary: 'Nhật ký thay đổi (lọc theo người thực hiện, thao tác, đơn vị, khoảng thời gian)',
    query: ZAuditQuery,
    response: ZAuditList,
  },
} as const satisfies RouteTable;
