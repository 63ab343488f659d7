import { z } from 'zod';
import { ZId, ZIsoDate, zOptionalText, zText } from '../http/common.js';
import type { RouteTable } from '../http/route.js';
import { plansMessages as M } from './messages.js';

export const PLAN_STATUSES = ['draft', 'issued'] as const;
export const COMPARATORS = ['at_least', 'at_most'] as const;
/** not_started: the period has not begun; no_goal: a child unit without a share of the target. */
export const TARGET_STATUSES = ['on_track', 'at_risk', 'behind', 'not_started', 'no_goal'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
/** The text sections of a plan, in the order an official plan prints them. */
export const PLAN_SECTIONS = [
  'preamble',
  'purpose',
  'requirements',
  'tasks',
  'organisation',
  'schedule',
  'closing',
] as const;

/** A goal: a number (count or %), never negative; the service checks % ≤ 100 and whole counts per metric. */
const ZGoal = z
  .number({ message: M.goalNotNumber.key })
  .min(0, { message: M.goalNegative.key })
  .max(1_000_000_000, { message: M.goalTooLarge.key });

/** Filters a target may put on its metric; which ones a metric accepts is checked against the catalogue. */
export const ZMetricFilters = z
  .object({
    informal: z.boolean().optional(),
    female: z.boolean().optional(),
    foreign: z.boolean().optional(),
    newUnion: z.boolean().optional(),
    nonState: z.boolean().optional(),
    minWorkers: z.number().int().min(1).max(100_000).optional(),
  })
  .strict();

const ZTargetBase = z.object({
  /** Keeps an existing target (and its shares) when a draft is edited; absent for a new one. */
  id: ZId.optional(),
  code: zText(20),
  label: zOptionalText(500),
  metric: z.string().min(1).max(60),
  filters: ZMetricFilters.default({}),
  comparator: z.enum(COMPARATORS).default('at_least'),
  goal: ZGoal,
  /** The share of a parent unit's target this target adopts as its goal (giao chỉ tiêu). */
  adoptedShareId: ZId.nullish(),
});
export const ZTargetInput = ZTargetBase.extend({
  subTargets: z.array(ZTargetBase.strict()).max(20).default([]),
}).strict();
export type TTargetInput = z.output<typeof ZTargetInput>;

/** A legal basis: another plan or an assignment decision in the system, or free text when it is not. */
export const ZBasisInput = z
  .object({ planId: ZId.nullish(), assignmentId: ZId.nullish(), text: zOptionalText(1000) })
  .strict();

const ZSections = z.object(
  Object.fromEntries(PLAN_SECTIONS.map((k) => [k, zOptionalText(50_000)])) as Record<
    (typeof PLAN_SECTIONS)[number],
    ReturnType<typeof zOptionalText>
  >,
);

const ZPlanFields = z.object({
  number: zText(20),
  symbol: zText(40),
  issuedOn: ZIsoDate,
  place: zOptionalText(120),
  title: zText(500),
  periodFrom: ZIsoDate,
  periodTo: ZIsoDate,
  signerName: zOptionalText(120),
  signerPosition: zOptionalText(120),
  /** The authority line above the signature, e.g. "TM. BAN THƯỜNG VỤ / CHỦ TỊCH". */
  signerAuthority: zOptionalText(200),
  recipients: z.array(zText(300)).max(50).default([]),
  sections: ZSections.partial().default({}),
  bases: z.array(ZBasisInput).max(30).default([]),
  targets: z.array(ZTargetInput).max(50).default([]),
});
export const ZPlanCreate = ZPlanFields.extend({ unitId: ZId }).strict();
export type TPlanCreate = z.output<typeof ZPlanCreate>;
export const ZPlanUpdate = ZPlanFields.strict();
export type TPlanUpdate = z.output<typeof ZPlanUpdate>;

export const ZAmendmentInput = z
  .object({
    targetId: ZId,
    amendedOn: ZIsoDate,
    goal: ZGoal.optional(),
    comparator: z.enum(COMPARATORS).optional(),
    decisionNo: zOptionalText(60),
    reason: zText(1000),
  })
  .strict();
export type TAmendmentInput = z.output<typeof ZAmendmentInput>;

export const ZSharesInput = z
  .object({
    shares: z.array(z.object({ unitId: ZId, goal: ZGoal }).strict()).max(500),
    /** The assignment decision (Quyết định giao chỉ tiêu); absent: assigned directly in the plan. */
    assignment: z
      .object({ number: zText(60), decidedOn: ZIsoDate, title: zOptionalText(500) })
      .strict()
      .nullish(),
    /** Save even though the shares add up to more than the goal (the answer warned first). */
    confirm: z.boolean().default(false),
  })
  .strict();
export type TSharesInput = z.output<typeof ZSharesInput>;

export const ZPlanParams = z.object({ id: ZId }).strict();
export const ZTargetParams = z.object({ id: ZId, targetId: ZId }).strict();
export const ZAsOfQuery = z.object({ asOf: ZIsoDate.optional() }).strict();
export const ZTargetQuery = z.object({ asOf: ZIsoDate.optional(), unitId: ZId.optional() }).strict();
export const ZPlanListQuery = z
  .object({
    unitId: ZId.optional(),
    status: z.enum(PLAN_STATUSES).optional(),
    /** Plans whose period contains this day. */
    inForceOn: ZIsoDate.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type TPlanListQuery = z.output<typeof ZPlanListQuery>;

const ZFiltersOut = z.record(z.string(), z.union([z.boolean(), z.number()]));

export const ZShare = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  goal: z.number(),
  assignment: z.object({ id: z.number().int(), number: z.string(), decidedOn: z.string() }).nullable(),
});

export const ZTarget = z.object({
  id: z.number().int(),
  parentTargetId: z.number().int().nullable(),
  code: z.string(),
  label: z.string().nullable(),
  metric: z.string(),
  metricLabel: z.string(),
  metricUnit: z.string(),
  filters: ZFiltersOut,
  comparator: z.enum(COMPARATORS),
  goal: z.number(),
  adoptedShareId: z.number().int().nullable(),
  shares: z.array(ZShare),
});

export const ZPlanSummary = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  number: z.string(),
  symbol: z.string(),
  /** "8/KH-LĐLĐ" */
  reference: z.string(),
  issuedOn: z.string(),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  status: z.enum(PLAN_STATUSES),
});

export const ZAmendment = z.object({
  id: z.number().int(),
  targetId: z.number().int(),
  targetCode: z.string(),
  amendedOn: z.string(),
  field: z.enum(['goal', 'comparator']),
  oldValue: z.string(),
  newValue: z.string(),
  decisionNo: z.string().nullable(),
  reason: z.string(),
});

export const ZPlan = ZPlanSummary.extend({
  place: z.string().nullable(),
  signerName: z.string().nullable(),
  signerPosition: z.string().nullable(),
  signerAuthority: z.string().nullable(),
  recipients: z.array(z.string()),
  sections: z.record(z.string(), z.string().nullable()),
  bases: z.array(
    z.object({
      planId: z.number().int().nullable(),
      assignmentId: z.number().int().nullable(),
      text: z.string().nullable(),
      /** What the basis reads as: the linked plan's or decision's reference, or the free text. */
      display: z.string(),
    }),
  ),
  targets: z.array(ZTarget.extend({ subTargets: z.array(ZTarget) })),
  assignments: z.array(z.object({ id: z.number().int(), number: z.string(), decidedOn: z.string() })),
  amendments: z.array(ZAmendment),
  issuedAt: z.string().nullable(),
});
export type TPlan = z.output<typeof ZPlan>;

export const ZPlanList = z.object({ total: z.number().int(), items: z.array(ZPlanSummary) });

export const ZSharesView = z.object({
  targetId: z.number().int(),
  code: z.string(),
  goal: z.number(),
  sum: z.number(),
  /** The shares add up to more than the goal (saving needs confirm). */
  exceeds: z.boolean(),
  shares: z.array(ZShare),
  /** Child units (as of the end of the period) without a share. */
  withoutShare: z.array(z.object({ unitId: z.number().int(), unitName: z.string() })),
});

/** Where the records behind a figure are listed: a list page of the web app and its query. */
export const ZDrill = z.object({
  page: z.string(),
  path: z.string(),
  query: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});

const ZProgressCore = z.object({
  actual: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  goal: z.number(),
  percent: z.number().nullable(),
  status: z.enum(TARGET_STATUSES),
});

export const ZChildProgress = ZProgressCore.extend({
  unitId: z.number().int(),
  unitName: z.string(),
  /** The share assigned to this child; null when it has none (goal is then 0 and percent null). */
  share: z.number().nullable(),
  drill: ZDrill,
});

const ZTargetProgressBase = ZProgressCore.extend({
  targetId: z.number().int(),
  code: z.string(),
  label: z.string(),
  metric: z.string(),
  metricUnit: z.string(),
  filters: ZFiltersOut,
  comparator: z.enum(COMPARATORS),
  /** Waiting records shown apart from the actual (e.g. applications pending review). */
  pending: z.number().nullable(),
  /** Where an even pace would be today (the tick on the bar). */
  expectedNow: z.number(),
  pace: z.object({ soFarPerDay: z.number(), neededPerDay: z.number().nullable() }),
  forecast: z.object({
    value: z.number(),
    /** Which forecast `value` is: the pace so far, or last year's curve over the same period. */
    basis: z.enum(['pace', 'last_year']),
    pace: z.number(),
    lastYear: z.number().nullable(),
  }),
  drill: ZDrill,
});
export const ZTargetProgress = ZTargetProgressBase.extend({
  subTargets: z.array(ZTargetProgressBase),
  /** Child units of the plan's unit, lagging first; each figure is its own subtree's records. */
  children: z.array(ZChildProgress),
});
export type TTargetProgress = z.output<typeof ZTargetProgress>;

export const ZPlanProgress = z.object({
  plan: ZPlanSummary,
  asOf: z.string(),
  /** The last day counted: the as-of date, or the period's end when that came first. */
  countedTo: z.string(),
  elapsedDays: z.number().int(),
  totalDays: z.number().int(),
  targets: z.array(ZTargetProgress),
});
export type TPlanProgress = z.output<typeof ZPlanProgress>;

export const ZSeries = z.object({
  targetId: z.number().int(),
  unitId: z.number().int(),
  from: z.string(),
  to: z.string(),
  goal: z.number(),
  /** Cumulative actual per day (or week); the straight path runs from 0 on `from` to `goal` on `to`. */
  points: z.array(z.object({ day: z.string(), value: z.number() })),
});

export const ZDashboard = z.object({
  unit: z.object({ id: z.number().int(), name: z.string() }),
  asOf: z.string(),
  plans: z.array(ZPlanProgress),
  /** Shares of higher units' targets given to this unit, with this unit's own figure against them. */
  assigned: z.array(
    ZProgressCore.extend({
      planId: z.number().int(),
      planReference: z.string(),
      planUnitName: z.string(),
      targetId: z.number().int(),
      code: z.string(),
      label: z.string(),
      metric: z.string(),
      drill: ZDrill,
    }),
  ),
});
export const ZDashboardQuery = z.object({ asOf: ZIsoDate.optional(), unitId: ZId.optional() }).strict();

export const plansApi = {
  'GET /api/plans': { summary: 'Danh sách kế hoạch / plans', query: ZPlanListQuery, response: ZPlanList },
  'POST /api/plans': {
    summary: 'Lập kế hoạch (dự thảo) / create a draft plan',
    body: ZPlanCreate,
    response: ZPlan,
    status: 201,
  },
  'GET /api/plans/:id': { summary: 'Chi tiết kế hoạch / a plan', params: ZPlanParams, response: ZPlan },
  'PATCH /api/plans/:id': {
    summary: 'Sửa kế hoạch dự thảo / edit a draft plan',
    params: ZPlanParams,
    body: ZPlanUpdate,
    response: ZPlan,
  },
  'DELETE /api/plans/:id': {
    summary: 'Xoá kế hoạch dự thảo / delete a draft plan',
    params: ZPlanParams,
    response: z.object({ ok: z.literal(true) }),
  },
  'POST /api/plans/:id/issue': {
    summary: 'Ban hành kế hoạch / issue a plan',
    params: ZPlanParams,
    response: ZPlan,
  },
  'POST /api/plans/:id/amendments': {
    summary: 'Điều chỉnh chỉ tiêu của kế hoạch đã ban hành (giữ giá trị cũ) / amend an issued plan',
    params: ZPlanParams,
    body: ZAmendmentInput,
    response: ZPlan,
    status: 201,
  },
  'GET /api/plans/:id/targets/:targetId/shares': {
    summary: 'Chỉ tiêu giao cho đơn vị cấp dưới / shares of a target',
    params: ZTargetParams,
    response: ZSharesView,
  },
  'PUT /api/plans/:id/targets/:targetId/shares': {
    summary: 'Giao chỉ tiêu cho đơn vị cấp dưới / assign shares of a target',
    params: ZTargetParams,
    body: ZSharesInput,
    response: ZSharesView,
  },
  'GET /api/plans/:id/progress': {
    summary: 'Tiến độ thực hiện kế hoạch tính đến ngày / progress as of a date',
    params: ZPlanParams,
    query: ZAsOfQuery,
    response: ZPlanProgress,
  },
  'GET /api/plans/:id/progress.xlsx': {
    summary: 'Xuất bảng tiến độ (.xlsx) / progress as a workbook',
    params: ZPlanParams,
    query: ZAsOfQuery,
    file: true,
  },
  'GET /api/plans/:id/targets/:targetId/series': {
    summary: 'Số liệu lũy kế theo ngày cho biểu đồ / cumulative series for the chart',
    params: ZTargetParams,
    query: ZTargetQuery,
    response: ZSeries,
  },
  'GET /api/plans/:id/targets/:targetId/drill': {
    summary: 'Danh sách bản ghi đứng sau một số liệu / the records behind a figure',
    params: ZTargetParams,
    query: ZTargetQuery,
    response: ZDrill,
  },
  'GET /api/dashboard': {
    summary: 'Bảng điều khiển: đơn vị của bạn và các kế hoạch đang thực hiện / the dashboard',
    query: ZDashboardQuery,
    response: ZDashboard,
  },
} as const satisfies RouteTable;
