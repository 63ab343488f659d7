import { z } from 'zod';
import { ZId, ZIsoDate, zOptionalText } from '../http/common.js';
import type { RouteTable } from '../http/route.js';
import { COMPARATORS, TARGET_STATUSES, ZPlanParams, ZPlanSummary } from '../plans/contract.js';
import { REVIEW_KINDS } from './periods.js';

export const REVIEW_STATUSES = ['draft', 'frozen', 'submitted', 'returned', 'acknowledged'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** The sections of a report, in the order federations write them (situation … proposals). */
export const REVIEW_SECTIONS = [
  'situation',
  'direction',
  'results',
  'strengths',
  'difficulties',
  'lessons',
  'next_tasks',
  'proposals',
] as const;
export type ReviewSection = (typeof REVIEW_SECTIONS)[number];
/** Characters per section: a report of a province runs to a few pages, never a book. */
export const SECTION_MAX = 20_000;

export const ZReviewCreate = z
  .object({
    kind: z.enum(REVIEW_KINDS),
    year: z.number().int().optional(),
    part: z.number().int().optional(),
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
  })
  .strict();
export type TReviewCreate = z.output<typeof ZReviewCreate>;

const ZAttendee = z.object({ name: zOptionalText(120), role: zOptionalText(200) }).strict();
export const ZMeeting = z
  .object({
    date: ZIsoDate.nullish(),
    place: zOptionalText(200),
    chair: zOptionalText(200),
    /** Who attended, among them steering-committee members from other agencies. */
    attendees: z.array(ZAttendee).max(100).default([]),
  })
  .strict();
export type TMeeting = z.output<typeof ZMeeting>;
/** The meeting as answered (a response shape has no input transforms). */
const ZMeetingOut = z.object({
  date: z.string().nullish(),
  place: z.string().nullable(),
  chair: z.string().nullable(),
  attendees: z.array(z.object({ name: z.string().nullable(), role: z.string().nullable() })),
});

export const ZReviewUpdate = z
  .object({
    number: zOptionalText(40),
    reportDate: ZIsoDate.nullish(),
    /** Loose here (a big paste still reaches the service), checked per section there with a clear message. */
    sections: z.partialRecord(z.enum(REVIEW_SECTIONS), z.string().max(1_000_000).nullable()).optional(),
    meeting: ZMeeting.optional(),
  })
  .strict();
export type TReviewUpdate = z.output<typeof ZReviewUpdate>;

export const ZSubmitInput = z.object({ toUnitId: ZId }).strict();
export const ZReturnInput = z.object({ comment: z.string().max(2000) }).strict();
export const ZReviewParams = z.object({ id: ZId }).strict();
export const ZReceivedQuery = z.object({ unitId: ZId.optional() }).strict();

const ZFigure = z.object({
  targetId: z.number().int(),
  code: z.string(),
  label: z.string(),
  metric: z.string(),
  metricUnit: z.string(),
  filters: z.record(z.string(), z.union([z.boolean(), z.number()])),
  comparator: z.enum(COMPARATORS),
  goal: z.number(),
  actual: z.number(),
  percent: z.number().nullable(),
  pending: z.number().nullable(),
  status: z.enum(TARGET_STATUSES),
  forecast: z.number(),
  /** The flow within the review period (null for stocks and rates). */
  inPeriod: z.number().nullable(),
  /** The actual in the previous frozen review of the plan, and the change since. */
  previous: z.number().nullable(),
  change: z.number().nullable(),
});
export const ZChildFigure = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  share: z.number().nullable(),
  actual: z.number(),
  percent: z.number().nullable(),
  status: z.enum(TARGET_STATUSES),
  /** What the child unit itself reported for the same period (its latest sent report), if any. */
  submitted: z.object({ reviewId: z.number().int(), version: z.number().int(), actual: z.number() }).nullable(),
  /** The child's records changed after it sent its report: the live roll-up and its report differ. */
  differs: z.boolean(),
});
export const ZTargetFigures = ZFigure.extend({
  subTargets: z.array(ZFigure),
  children: z.array(ZChildFigure),
});
export type TTargetFigures = z.output<typeof ZTargetFigures>;

/** Everything a report prints from the records; frozen as it is when the review is frozen. */
export const ZReviewFigures = z.object({
  asOf: z.string(),
  targets: z.array(ZTargetFigures),
  founded: z.array(
    z.object({
      name: z.string(),
      foundedOn: z.string(),
      decisionNo: z.string().nullable(),
      parentName: z.string().nullable(),
    }),
  ),
  admissions: z.object({ total: z.number(), newUnion: z.number(), existingUnion: z.number(), informal: z.number() }),
  party: z.object({ introduced: z.number(), admitted: z.number() }),
  outreach: z.object({ frame: z.number(), reached: z.number() }),
  /** Enterprises of the frame no outreach of the plan period has reached yet, by name (the first 2 000). */
  notReached: z
    .array(z.object({ name: z.string(), mst: z.string().nullable(), workers: z.number().nullable() }))
    .default([]),
  lagging: z.array(
    z.object({
      code: z.string(),
      unitName: z.string(),
      percent: z.number().nullable(),
      status: z.enum(TARGET_STATUSES),
    }),
  ),
  previous: z.object({ reviewId: z.number().int(), label: z.string(), asOf: z.string() }).nullable(),
});
export type TReviewFigures = z.output<typeof ZReviewFigures>;

export const ZReviewSummary = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  kind: z.enum(REVIEW_KINDS),
  label: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  version: z.number().int(),
  status: z.enum(REVIEW_STATUSES),
  frozenAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submittedToName: z.string().nullable(),
  dueOn: z.string(),
});
export type TReviewSummary = z.output<typeof ZReviewSummary>;

export const ZReview = ZReviewSummary.extend({
  plan: ZPlanSummary,
  number: z.string().nullable(),
  reportDate: z.string().nullable(),
  sections: z.record(z.string(), z.string().nullable()),
  /** The draft sentence of each section, built from the figures (the officer starts from it). */
  drafts: z.record(z.string(), z.string()),
  /** The figure fields a section may cite as {T3.actual}, {asOf}. */
  placeholders: z.array(z.string()),
  meeting: ZMeetingOut,
  /** Live while a draft; the snapshot once frozen. */
  figures: ZReviewFigures,
  live: z.boolean(),
  supersedesId: z.number().int().nullable(),
  latestVersionId: z.number().int(),
  /** What changed against the version this one replaces (frozen versions only). */
  diff: z
    .array(
      z.object({ code: z.string(), field: z.string(), before: z.number().nullable(), after: z.number().nullable() }),
    )
    .nullable(),
  parent: z.object({ unitId: z.number().int(), name: z.string() }).nullable(),
  returnComment: z.string().nullable(),
  /** The reports the child units sent for the same period (the parent's inbox for this review). */
  received: z.array(ZReviewSummary),
  /** Child units that have not sent a report for this period; overdue once the due day has passed. */
  missing: z.array(z.object({ unitId: z.number().int(), unitName: z.string(), overdue: z.boolean() })),
  /** What the caller may do: the reporting unit's officers edit, send and version; the level above decides. */
  can: z.object({ edit: z.boolean(), send: z.boolean(), version: z.boolean(), decide: z.boolean() }),
});
export type TReview = z.output<typeof ZReview>;

/** unitId: the unit asked for, or null for every unit of the caller's scope. */
export const ZReceived = z.object({ unitId: z.number().int().nullable(), items: z.array(ZReviewSummary) });

const file = { file: true } as const;
export const ZReviewDocumentQuery = z.object({ format: z.enum(['docx', 'pdf']).default('docx') }).strict();

export const reviewsApi = {
  'GET /api/plans/:id/reviews': {
    summary: 'Các báo cáo sơ kết, tổng kết của kế hoạch / the reviews of a plan',
    params: ZPlanParams,
    response: z.object({ items: z.array(ZReviewSummary) }),
  },
  'POST /api/plans/:id/reviews': {
    summary: 'Tạo báo cáo sơ kết, tổng kết cho một kỳ / create a review for a period',
    params: ZPlanParams,
    body: ZReviewCreate,
    response: ZReview,
    status: 201,
  },
  'GET /api/reviews/received': {
    summary: 'Báo cáo đơn vị cấp dưới đã gửi lên / reports sent up by child units',
    query: ZReceivedQuery,
    response: ZReceived,
  },
  'GET /api/reviews/:id': { summary: 'Báo cáo / a review', params: ZReviewParams, response: ZReview },
  'PATCH /api/reviews/:id': {
    summary: 'Sửa nội dung báo cáo (dự thảo) / edit a draft review',
    params: ZReviewParams,
    body: ZReviewUpdate,
    response: ZReview,
  },
  'POST /api/reviews/:id/freeze': {
    summary: 'Chốt số liệu báo cáo / freeze the figures',
    params: ZReviewParams,
    response: ZReview,
  },
  'POST /api/reviews/:id/versions': {
    summary: 'Tạo phiên bản mới của báo cáo đã chốt / a new version of a frozen review',
    params: ZReviewParams,
    response: ZReview,
    status: 201,
  },
  'POST /api/reviews/:id/submit': {
    summary: 'Gửi báo cáo lên cấp trên / send the report to the parent unit',
    params: ZReviewParams,
    body: ZSubmitInput,
    response: ZReview,
  },
  'POST /api/reviews/:id/acknowledge': {
    summary: 'Cấp trên tiếp nhận báo cáo / the parent acknowledges the report',
    params: ZReviewParams,
    response: ZReview,
  },
  'POST /api/reviews/:id/return': {
    summary: 'Cấp trên trả lại báo cáo kèm ý kiến / the parent returns the report',
    params: ZReviewParams,
    body: ZReturnInput,
    response: ZReview,
  },
  'GET /api/reviews/:id/document.docx': {
    summary: 'Báo cáo đúng thể thức (.docx, hoặc PDF với ?format=pdf) / the report as an official document',
    params: ZReviewParams,
    query: ZReviewDocumentQuery,
    ...file,
  },
  'GET /api/reviews/:id/annex.xlsx': {
    summary: 'Phụ lục số liệu của báo cáo (.xlsx) / the figures annex',
    params: ZReviewParams,
    ...file,
  },
} as const satisfies RouteTable;
