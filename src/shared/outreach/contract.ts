import { z } from 'zod';
import { ZId, ZIsoDate, zOptionalText } from '../http/common.js';

const zCount = (label: string) =>
  z.coerce
    .number()
    .int({ message: `${label} phải là số nguyên` })
    .min(0, { message: `${label} không được âm` })
    .max(10_000_000);

export const ZOutreachCreate = z
  .object({
    unitId: ZId,
    eventDate: ZIsoDate,
    formCode: z.string().min(1).max(40),
    topics: z.array(z.string().min(1).max(40)).min(1, { message: 'Chọn ít nhất một nội dung tuyên truyền' }).max(20),
    title: zOptionalText(255),
    enterpriseIds: z.array(ZId).max(5000).default([]),
    workersReached: zCount('Số người lao động được tuyên truyền'),
    employerRepsReached: zCount('Số đại diện người sử dụng lao động').default(0),
    officersPresent: zOptionalText(1000),
    cost: zCount('Kinh phí').nullish(),
    notes: zOptionalText(4000),
  })
  .strict();
export type TOutreachCreate = z.output<typeof ZOutreachCreate>;

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
  attachments: z.array(
    z.object({ id: z.number().int(), fileName: z.string(), mime: z.string(), size: z.number().int() }),
  ),
  createdBy: z.string().nullable(),
});

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

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
  byCommune: z.array(
    ZCoverageFigures.extend({ adminAreaCode: z.string().nullable(), adminAreaName: z.string().nullable() }),
  ),
});

export const ZOutreachConfig = z.object({
  forms: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })),
  topics: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })),
});
