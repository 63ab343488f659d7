import { z } from 'zod';
import { COMMUNE_HOWS, COMMUNE_NOTES } from '../admin-units/labels.js';
import { ZId, ZIdParams, ZIsoDate, zOptionalText, zQueryBool, zText } from '../http/common.js';
import type { RouteTable } from '../http/route.js';
import type { Entry } from '../i18n/messages.js';
import { EMPLOYER_ATTITUDES, SIZE_BANDS, TIMELINE_KINDS } from './labels.js';
import { femaleCountMessages, enterprisesMessages as M, memberCountMessages, workerCountMessages } from './messages.js';

export { EMPLOYER_ATTITUDES, SIZE_BAND_RANGES, SIZE_BANDS, type SizeBand } from './labels.js';

type CountEntries = { notNumber?: Entry; notInteger: Entry; negative: Entry; tooLarge?: Entry };
const keyed = (e: Entry | undefined) => (e ? { message: e.key } : undefined);

/** A whole, non-negative count (workers, members, cost) with the field named in its messages. */
export const zCount = (m: CountEntries) =>
  z.coerce
    .number(keyed(m.notNumber))
    .int(keyed(m.notInteger))
    .min(0, keyed(m.negative))
    .max(10_000_000, keyed(m.tooLarge));

/** The MST is checked against its check digit on the server (src/shared/ids), where the message names the fault. */
export const ZMstInput = z.string().max(20).nullish();

export const ZSurveyInput = z
  .object({
    surveyDate: ZIsoDate,
    workerCount: zCount(workerCountMessages),
    femaleCount: zCount(femaleCountMessages).nullish(),
    memberCount: zCount(memberCountMessages).nullish(),
    employerAttitude: z.enum(EMPLOYER_ATTITUDES).nullish(),
    contactName: zOptionalText(120),
    contactPhone: zOptionalText(30),
    notes: zOptionalText(2000),
  })
  .strict()
  .refine((s) => s.femaleCount == null || s.femaleCount <= s.workerCount, {
    message: M.femaleOverWorkers.key,
    path: ['femaleCount'],
  })
  .refine((s) => s.memberCount == null || s.memberCount <= s.workerCount, {
    message: M.membersOverWorkers.key,
    path: ['memberCount'],
  });
export type TSurveyInput = z.output<typeof ZSurveyInput>;

export const ZEnterpriseCreate = z
  .object({
    unitId: ZId,
    mst: ZMstInput,
    name: zText(255),
    shortName: zOptionalText(100),
    address: zOptionalText(500),
    adminAreaCode: zOptionalText(10),
    adminAreaName: zOptionalText(255),
    ownershipCode: z.string().min(1).max(40),
    industry: zOptionalText(255),
    officerUserId: ZId.nullish(),
    grassrootsUnitId: ZId.nullish(),
    /** Required to knowingly record a second enterprise under an MST that already exists. */
    duplicateReason: zOptionalText(500),
    survey: ZSurveyInput.optional(),
  })
  .strict();
export type TEnterpriseCreate = z.output<typeof ZEnterpriseCreate>;

export const ZEnterpriseEdit = ZEnterpriseCreate.omit({ unitId: true, survey: true, duplicateReason: true })
  .partial()
  .strict();

/** A commune of an official list (the one of the record's date, or today's). */
export const ZCommuneRef = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  districtName: z.string().nullable(),
  provinceName: z.string(),
});

/** The commune the enterprise's code, name or address resolved to, and how; never typed by hand. */
export const ZResolvedCommune = z.object({
  how: z.enum(COMMUNE_HOWS),
  note: z.enum(COMMUNE_NOTES).nullable(),
  /** The candidates of an ambiguous name, or the text that matched nothing. */
  detail: z.string().nullable(),
  unit: ZCommuneRef.nullable(),
  now: ZCommuneRef.nullable(),
});

export const ZEnterprise = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  mst: z.string().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  address: z.string().nullable(),
  adminAreaCode: z.string().nullable(),
  adminAreaName: z.string().nullable(),
  commune: ZResolvedCommune,
  ownershipCode: z.string(),
  industry: z.string().nullable(),
  officerUserId: z.number().int().nullable(),
  officerName: z.string().nullable(),
  grassrootsUnitId: z.number().int().nullable(),
  grassrootsUnitName: z.string().nullable(),
  workerCount: z.number().int().nullable(),
  femaleCount: z.number().int().nullable(),
  memberCount: z.number().int().nullable(),
  lastSurveyDate: z.string().nullable(),
  lastContactDate: z.string().nullable(),
  duplicateReason: z.string().nullable(),
  /** Derived, never typed: from the dated thresholds and the records. */
  nonState: z.boolean(),
  inSurveyScope: z.boolean(),
  eligibleForFounding: z.boolean(),
  hasUnion: z.boolean(),
  reachedInPeriod: z.boolean().nullable(),
});
export type TEnterprise = z.infer<typeof ZEnterprise>;

export const ZEnterpriseQuery = z
  .object({
    q: z.string().max(200).optional(),
    unitId: ZId.optional(),
    adminAreaCode: z.string().max(10).optional(),
    /** Resolved commune (admin_unit id) as of the period's end: an old commune counts in its successor. */
    communeId: ZId.optional(),
    /** Only those whose commune is not known as of the period's end (the coverage's "Chưa xác định" row). */
    communeUnresolved: zQueryBool.optional(),
    officerUserId: ZId.optional(),
    ownershipCode: z.string().max(40).optional(),
    nonState: zQueryBool.optional(),
    sizeBand: z.enum(SIZE_BANDS).optional(),
    inSurveyScope: zQueryBool.optional(),
    eligibleForFounding: zQueryBool.optional(),
    hasUnion: zQueryBool.optional(),
    reached: zQueryBool.optional(),
    /** The period for "reached by outreach"; defaults to the current calendar year. */
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
    sort: z.enum(['name', 'mst', 'workerCount', 'lastContactDate']).default('name'),
    order: z.enum(['asc', 'desc']).default('asc'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type TEnterpriseQuery = z.output<typeof ZEnterpriseQuery>;

export const ZEnterpriseList = z.object({
  /** Counted up to 10 000: past it, totalCapped and the list asks for a narrower filter. */
  total: z.number().int(),
  totalCapped: z.boolean(),
  period: z.object({ from: z.string(), to: z.string() }),
  items: z.array(ZEnterprise),
});

export const ZSurvey = z.object({
  id: z.number().int(),
  surveyDate: z.string(),
  workerCount: z.number().int(),
  femaleCount: z.number().int().nullable(),
  memberCount: z.number().int().nullable(),
  employerAttitude: z.enum(EMPLOYER_ATTITUDES).nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  notes: z.string().nullable(),
  surveyedBy: z.string().nullable(),
});

export const ZTimelineItem = z.object({
  date: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  refId: z.number().int(),
  summary: z.string(),
});

export const ZEnterpriseDetail = ZEnterprise.extend({
  surveys: z.array(ZSurvey),
  timeline: z.array(ZTimelineItem),
});
export type TEnterpriseDetail = z.infer<typeof ZEnterpriseDetail>;

export const ZEnterpriseConfig = z.object({
  ownershipTypes: z.array(
    z.object({
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      nonState: z.boolean(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
    }),
  ),
  thresholds: z.object({ surveyMinWorkers: z.number().int(), foundingMinWorkers: z.number().int() }),
});

export const ZOfficerQuery = z.object({ unitId: ZId.optional() }).strict();
/** People who can be assigned to follow an enterprise: users holding a role inside the caller's scope. */
export const ZOfficer = z.object({ id: z.number().int(), fullName: z.string(), username: z.string() });

export const enterprisesApi = {
  'GET /api/enterprises/config': {
    summary: 'Danh mục loại hình và ngưỡng khảo sát đang áp dụng',
    response: ZEnterpriseConfig,
  },
  'GET /api/enterprises': {
    summary: 'Danh sách doanh nghiệp (lọc, tìm không dấu, sắp xếp)',
    query: ZEnterpriseQuery,
    response: ZEnterpriseList,
  },
  'GET /api/enterprises/officers': {
    summary: 'Cán bộ có thể phân công theo dõi doanh nghiệp',
    query: ZOfficerQuery,
    response: z.array(ZOfficer),
  },
  'GET /api/enterprises/queue': {
    summary: 'Doanh nghiệp ngoài nhà nước đủ ngưỡng chưa có công đoàn, liên hệ lâu nhất trước',
    query: ZEnterpriseQuery,
    response: ZEnterpriseList,
  },
  'GET /api/enterprises/export.xlsx': {
    summary: 'Xuất Excel đúng danh sách đang lọc',
    query: ZEnterpriseQuery,
    file: true,
  },
  'GET /api/enterprises/:id': {
    summary: 'Chi tiết doanh nghiệp với dòng thời gian',
    params: ZIdParams,
    response: ZEnterpriseDetail,
  },
  'POST /api/enterprises': {
    summary: 'Thêm doanh nghiệp',
    body: ZEnterpriseCreate,
    response: ZEnterpriseDetail,
    status: 201,
  },
  'PATCH /api/enterprises/:id': {
    summary: 'Sửa thông tin doanh nghiệp',
    params: ZIdParams,
    body: ZEnterpriseEdit,
    response: ZEnterpriseDetail,
  },
  'POST /api/enterprises/:id/surveys': {
    summary: 'Ghi một lần khảo sát (có ngày)',
    params: ZIdParams,
    body: ZSurveyInput,
    response: ZEnterpriseDetail,
  },
} as const satisfies RouteTable;
