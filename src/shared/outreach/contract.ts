import { z } from 'zod';
import { zCount } from '../enterprises/contract.js';
import { ZId, ZIdParams, ZIsoDate, zOptionalText } from '../http/common.js';
import type { RouteTable } from '../http/route.js';
import { costMessages, employerRepsMessages, outreachMessages as M, workersReachedMessages } from './messages.js';

export { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from './attachments.js';

export const ZOutreachCreate = z
  .object({
    unitId: ZId,
    eventDate: ZIsoDate,
    formCode: z.string().min(1).max(40),
    topics: z.array(z.string().min(1).max(40)).min(1, { message: M.topicsRequired.key }).max(20),
    title: zOptionalText(255),
    enterpriseIds: z.array(ZId).max(5000).default([]),
    workersReached: zCount(workersReachedMessages),
    employerRepsReached: zCount(employerRepsMessages).default(0),
    officersPresent: zOptionalText(1000),
    cost: zCount(costMessages).nullish(),
    notes: zOptionalText(4000),
  })
  .strict();
export type TOutreachCreate = z.output<typeof ZOutreachCreate>;

export const ZOutreachAttachment = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
});

export const ZOutreach = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  eventDate: z.string(),
  formCode: z.string(),
  topics: z.array(z.string()),
  title: z.string().nullable(),
  workersReached: z.number().int(),
  employerRepsReached: z.number().int(),
  officersPresent: z.string().nullable(),
  cost: z.number().int().nullable(),
  notes: z.string().nullable(),
  enterprises: z.array(z.object({ id: z.number().int(), name: z.string(), mst: z.string().nullable() })),
  attachments: z.array(ZOutreachAttachment),
  createdBy: z.string().nullable(),
});

export const ZOutreachQuery = z
  .object({
    unitId: ZId.optional(),
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const ZOutreachList = z.object({ total: z.number().int(), items: z.array(ZOutreach) });

export const ZCoverageQuery = z
  .object({ unitId: ZId.optional(), from: ZIsoDate.optional(), to: ZIsoDate.optional() })
  .strict();

const ZCoverageFigures = z.object({
  enterprisesInScope: z.number().int(),
  reached: z.number().int(),
  nonStateInScope: z.number().int(),
  nonStateReached: z.number().int(),
  /** Workers employed by the in-scope enterprises reached, per their latest survey. */
  workersInReachedEnterprises: z.number().int(),
});

export const ZCoverage = ZCoverageFigures.extend({
  period: z.object({ from: z.string(), to: z.string() }),
  /** Workers reached as reported by the events of the subtree in the period. */
  workersReached: z.number().int(),
  events: z.number().int(),
  /** One row per resolved commune (names from the official list), then one for the unresolved ones. */
  byCommune: z.array(
    ZCoverageFigures.extend({
      communeId: z.number().int().nullable(),
      adminAreaCode: z.string().nullable(),
      adminAreaName: z.string().nullable(),
      districtName: z.string().nullable(),
      provinceName: z.string().nullable(),
      /** The "Chưa xác định xã/phường" row: enterprises whose commune is not known on the period's end. */
      unresolved: z.boolean(),
    }),
  ),
});

export const ZOutreachConfig = z.object({
  forms: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })),
  topics: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })),
});

export const ZAttachmentParams = z.object({ id: ZId, attachmentId: ZId }).strict();

export const outreachApi = {
  'POST /api/outreach/:id/attachments': {
    summary: 'Đính kèm ảnh / PDF (ví dụ ảnh danh sách ký tên) — multipart: file',
    params: ZIdParams,
    response: ZOutreachAttachment,
    status: 201,
    upload: true,
  },
  'GET /api/outreach/:id/attachments/:attachmentId': {
    summary: 'Tải tệp đính kèm',
    params: ZAttachmentParams,
    file: true,
  },
  'GET /api/outreach/config': {
    summary: 'Danh mục hình thức và nội dung tuyên truyền',
    response: ZOutreachConfig,
  },
  'GET /api/outreach/coverage': {
    summary: 'Độ bao phủ tuyên truyền (chỉ tiêu 1) theo kỳ và địa bàn',
    query: ZCoverageQuery,
    response: ZCoverage,
  },
  'GET /api/outreach': {
    summary: 'Các hoạt động tuyên truyền, vận động',
    query: ZOutreachQuery,
    response: ZOutreachList,
  },
  'GET /api/outreach/:id': { summary: 'Chi tiết hoạt động tuyên truyền', params: ZIdParams, response: ZOutreach },
  'POST /api/outreach': {
    summary: 'Ghi một hoạt động tuyên truyền, vận động',
    body: ZOutreachCreate,
    response: ZOutreach,
    status: 201,
  },
} as const satisfies RouteTable;
