import { z } from 'zod';
import { ZId, ZIdParams, ZIsoDate, zOptionalText, zQueryBool, zText } from '../http/common.js';
import type { RouteTable } from '../http/route.js';
import { orgMessages as M } from './messages.js';

/** Unit codes are short uppercase identifiers (PHURIENG, DONGNAI, CDCS-0001). */
export const ZUnitCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(
    z
      .string()
      .min(2, { message: M.codeMin.key })
      .max(40, { message: M.codeMax.key })
      .regex(/^[A-Z0-9][A-Z0-9_.-]*$/, { message: M.codeChars.key }),
  );

export const ZUnitType = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  shortVi: z.string(),
  shortEn: z.string(),
  level: z.number().int(),
  grassroots: z.boolean(),
  allowedParents: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type TUnitType = z.infer<typeof ZUnitType>;

export const ZOrgUnit = z.object({
  id: z.number().int(),
  code: z.string(),
  /** Name, type and area as they were on the as-of date. */
  name: z.string(),
  shortName: z.string().nullable(),
  typeCode: z.string(),
  parentId: z.number().int().nullable(),
  depth: z.number().int(),
  adminAreaCode: z.string().nullable(),
  adminAreaName: z.string().nullable(),
  address: z.string().nullable(),
  foundingDecisionNo: z.string().nullable(),
  foundingDecisionDate: z.string().nullable(),
  /** The unit's lifetime; validTo is the first day it no longer exists. */
  validFrom: z.string(),
  validTo: z.string().nullable(),
  mergedIntoId: z.number().int().nullable(),
  childCount: z.number().int(),
});
export type TOrgUnit = z.infer<typeof ZOrgUnit>;

export const ZOrgUnitDetail = ZOrgUnit.extend({
  /** Ancestors from the top of the caller's scope down to the parent, as of the date. */
  ancestors: z.array(z.object({ id: z.number().int(), name: z.string(), typeCode: z.string() })),
  /** The parent's name as of the date, also when the parent is outside the caller's scope (names are not secret). */
  parentName: z.string().nullable(),
  /** Every dated state of the unit (parent, name, type, area), oldest first. */
  history: z.array(
    z.object({
      validFrom: z.string(),
      validTo: z.string().nullable(),
      parentId: z.number().int().nullable(),
      parentName: z.string().nullable(),
      name: z.string(),
      typeCode: z.string(),
      adminAreaName: z.string().nullable(),
    }),
  ),
});
export type TOrgUnitDetail = z.infer<typeof ZOrgUnitDetail>;

export const ZAsOfQuery = z.object({ asOf: ZIsoDate.optional() }).strict();

export const ZOrgSearchQuery = z
  .object({
    q: z.string().max(200).optional(),
    asOf: ZIsoDate.optional(),
    typeCode: z.string().max(40).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const ZOrgRoots = z.object({
  asOf: z.string(),
  units: z.array(ZOrgUnit),
  /** The caller's own units that were not active on the date, with their lifetime, so the UI can offer a date when they were. */
  inactiveRoleUnits: z.array(
    z.object({ id: z.number().int(), name: z.string(), validFrom: z.string(), validTo: z.string().nullable() }),
  ),
});

const decision = {
  decisionNo: zOptionalText(60),
  decisionDate: ZIsoDate.nullish(),
  note: zOptionalText(2000),
};

/**
 * What happened to a unit founded in the past when its parent later ended: from `date` it was under
 * `parentId` (null: it ended with its parent).
 */
export const ZLaterParent = z.object({ date: ZIsoDate, parentId: ZId.nullable() }).strict();
export type TLaterParent = z.infer<typeof ZLaterParent>;

/** One later end of a parent that a unit founded on a past date must answer, with the successor proposed. */
export const ZLaterParentQuestion = z.object({
  date: z.string(),
  parentId: z.number().int(),
  parentName: z.string(),
  kind: z.enum(['dissolve', 'merge']),
  proposedParentId: z.number().int().nullable(),
  proposedParentName: z.string().nullable(),
});
export type TLaterParentQuestion = z.infer<typeof ZLaterParentQuestion>;

export const ZLaterParentsQuery = z.object({ date: ZIsoDate }).strict();

export const ZOrgUnitCreate = z
  .object({
    code: ZUnitCode,
    name: zText(255),
    shortName: zOptionalText(100),
    typeCode: z.string().min(1).max(40),
    parentId: ZId.nullable(),
    adminAreaCode: zOptionalText(10),
    adminAreaName: zOptionalText(255),
    address: zOptionalText(500),
    foundingDecisionNo: zOptionalText(60),
    foundingDecisionDate: ZIsoDate.nullish(),
    validFrom: ZIsoDate,
    note: zOptionalText(2000),
    /** Answers to the later ends of the parent (GET …/later-parents), for a unit founded in the past. */
    laterParents: z.array(ZLaterParent).max(20).optional(),
  })
  .strict();
export type TOrgUnitCreate = z.input<typeof ZOrgUnitCreate>;

/** Attributes that are not dated: corrections to the record. */
export const ZOrgUnitEdit = z
  .object({
    address: zOptionalText(500),
    foundingDecisionNo: zOptionalText(60),
    foundingDecisionDate: ZIsoDate.nullish(),
  })
  .strict();

/** Dated change of name / short name / admin area (e.g. renamed by decision, commune merged). */
export const ZOrgRename = z
  .object({
    effectiveDate: ZIsoDate,
    name: zText(255).optional(),
    // Absent = unchanged (optional() answers undefined before zOptionalText would turn it into null); null clears.
    shortName: zOptionalText(100).optional(),
    adminAreaCode: zOptionalText(10).optional(),
    adminAreaName: zOptionalText(255).optional(),
    ...decision,
  })
  .strict();

export const ZOrgMove = z
  .object({
    effectiveDate: ZIsoDate,
    newParentId: ZId,
    adminAreaCode: zOptionalText(10).optional(),
    adminAreaName: zOptionalText(255).optional(),
    /** A move behind later history: where the unit went at each later end of its new parent (as when founding). */
    laterParents: z.array(ZLaterParent).max(20).optional(),
    ...decision,
  })
  .strict();

/** `successorId`: the unit that takes over the ended unit's own records (named in messages and lists). */
export const ZOrgDissolve = z.object({ effectiveDate: ZIsoDate, successorId: ZId.nullish(), ...decision }).strict();

export const ZOrgMerge = z.object({ effectiveDate: ZIsoDate, targetId: ZId, ...decision }).strict();

export const ORG_EVENT_KINDS = ['create', 'rename', 'move', 'dissolve', 'merge', 'absorb', 'edit'] as const;
export type OrgEventKind = (typeof ORG_EVENT_KINDS)[number];

export const ZOrgEvent = z.object({
  id: z.number().int(),
  kind: z.enum(ORG_EVENT_KINDS),
  unitId: z.number().int(),
  effectiveDate: z.string(),
  relatedUnitId: z.number().int().nullable(),
  relatedUnitName: z.string().nullable(),
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type TOrgEvent = z.infer<typeof ZOrgEvent>;

/**
 * The grassroots unions founded in a unit's subtree in a period (the records behind target T2, with its
 * filters): founded on the founding decision's date (else the day the unit entered the tree), counted
 * where the unit stood then; `nonState` / `minWorkers` ask for a linked enterprise of that kind / size.
 */
export const ZFoundedQuery = z
  .object({
    unitId: ZId,
    foundedFrom: ZIsoDate,
    foundedTo: ZIsoDate,
    nonState: zQueryBool.optional(),
    minWorkers: z.coerce.number().int().min(0).max(1_000_000).optional(),
  })
  .strict();

export const ZFoundedUnion = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  foundedOn: z.string(),
  foundingDecisionNo: z.string().nullable(),
  /** The unit it stood under on its founding day. */
  parentName: z.string().nullable(),
  /** Its enterprises, with their headcount on the founding day and whether they are outside the state sector. */
  enterprises: z.array(
    z.object({ id: z.number().int(), name: z.string(), workers: z.number(), nonState: z.boolean() }),
  ),
});
export type TFoundedUnion = z.infer<typeof ZFoundedUnion>;

export const orgApi = {
  'GET /api/org/unit-types': { summary: 'Loại đơn vị (cấu hình theo thời gian)', response: z.array(ZUnitType) },
  'GET /api/org/roots': {
    summary: 'Đơn vị gốc trong phạm vi của người dùng tại một ngày',
    query: ZAsOfQuery,
    response: ZOrgRoots,
  },
  'GET /api/org/units': {
    summary: 'Tìm đơn vị (không dấu) tại một ngày',
    query: ZOrgSearchQuery,
    response: z.array(ZOrgUnit),
  },
  'GET /api/org/units/:id': {
    summary: 'Chi tiết đơn vị tại một ngày, kèm lịch sử',
    params: ZIdParams,
    query: ZAsOfQuery,
    response: ZOrgUnitDetail,
  },
  'GET /api/org/units/:id/children': {
    summary: 'Đơn vị trực thuộc tại một ngày',
    params: ZIdParams,
    query: ZAsOfQuery,
    response: z.array(ZOrgUnit),
  },
  'GET /api/org/founded': {
    summary: 'Công đoàn cơ sở được thành lập trong kỳ / grassroots unions founded in a period',
    query: ZFoundedQuery,
    response: z.object({ items: z.array(ZFoundedUnion) }),
  },
  'GET /api/org/units/:id/events': {
    summary: 'Các sự kiện của đơn vị',
    params: ZIdParams,
    response: z.array(ZOrgEvent),
  },
  'GET /api/org/units/:id/later-parents': {
    summary: 'Những lần đơn vị cấp trên kết thúc sau một ngày: đơn vị thành lập vào ngày đó chuyển về đâu',
    params: ZIdParams,
    query: ZLaterParentsQuery,
    response: z.array(ZLaterParentQuestion),
  },
  'POST /api/org/units': { summary: 'Thành lập đơn vị', body: ZOrgUnitCreate, response: ZOrgUnitDetail, status: 201 },
  'PATCH /api/org/units/:id': {
    summary: 'Sửa thông tin không theo thời gian (địa chỉ, quyết định thành lập)',
    params: ZIdParams,
    body: ZOrgUnitEdit,
    response: ZOrgUnitDetail,
  },
  'POST /api/org/units/:id/rename': {
    summary: 'Đổi tên / địa bàn từ một ngày',
    params: ZIdParams,
    body: ZOrgRename,
    response: ZOrgUnitDetail,
  },
  'POST /api/org/units/:id/move': {
    summary: 'Chuyển sang đơn vị cấp trên khác từ một ngày',
    params: ZIdParams,
    body: ZOrgMove,
    response: ZOrgUnitDetail,
  },
  'POST /api/org/units/:id/dissolve': {
    summary: 'Giải thể / chấm dứt hoạt động từ một ngày',
    params: ZIdParams,
    body: ZOrgDissolve,
    response: ZOrgUnitDetail,
  },
  'POST /api/org/units/:id/merge': {
    summary: 'Sáp nhập vào đơn vị khác từ một ngày',
    params: ZIdParams,
    body: ZOrgMerge,
    response: ZOrgUnitDetail,
  },
} as const satisfies RouteTable;
