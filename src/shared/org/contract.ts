import { z } from 'zod';
import { ZId, ZIsoDate, zOptionalText, zText } from '../http/common.js';

/** Unit codes are short uppercase identifiers (PHURIENG, DONGNAI, CDCS-0001). */
export const ZUnitCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(
    z
      .string()
      .min(2, { message: 'Mã đơn vị cần ít nhất 2 ký tự' })
      .max(40, { message: 'Mã đơn vị tối đa 40 ký tự' })
      .regex(/^[A-Z0-9][A-Z0-9_.-]*$/, {
        message: 'Mã đơn vị chỉ gồm chữ in hoa không dấu, chữ số, dấu gạch ngang, gạch dưới, dấu chấm',
      }),
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
    shortName: zOptionalText(100),
    adminAreaCode: zOptionalText(10),
    adminAreaName: zOptionalText(255),
    ...decision,
  })
  .strict();

export const ZOrgMove = z
  .object({
    effectiveDate: ZIsoDate,
    newParentId: ZId,
    adminAreaCode: zOptionalText(10),
    adminAreaName: zOptionalText(255),
    ...decision,
  })
  .strict();

export const ZOrgDissolve = z.object({ effectiveDate: ZIsoDate, ...decision }).strict();

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
