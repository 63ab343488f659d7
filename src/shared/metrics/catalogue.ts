/**
 * The metric catalogue: what a plan target can count, as plain data (no zod), shared by the server
 * (figures, validation of a target's filters), the web (labels, drill-down links) and the CLI.
 * A figure is always computed from the records (src/server/modules/metrics); nothing here is a number.
 */

export const FILTER_CODES = ['informal', 'female', 'foreign', 'newUnion', 'nonState', 'minWorkers'] as const;
export type FilterCode = (typeof FILTER_CODES)[number];

/**
 * A filter left out means "any". `true` keeps the subset (informal workers), `false` its complement;
 * `newUnion` = the member was admitted into a CĐCS whose founding decision date lies in the figure's
 * period; `minWorkers` = the enterprise's headcount at the founding date is at least N.
 */
export type MetricFilters = {
  informal?: boolean;
  female?: boolean;
  foreign?: boolean;
  newUnion?: boolean;
  nonState?: boolean;
  minWorkers?: number;
};

export type MetricUnit = 'count' | 'percent' | 'workers';
/**
 * flow: records dated in the period; stock: the records standing at min(to, asOf); ratio: numerator ÷
 * denominator in percent; distinct: different records (enterprises) reached in the period.
 */
export type MetricKind = 'flow' | 'stock' | 'ratio' | 'distinct';

export type DrillPage = 'members' | 'enterprises' | 'outreach' | 'applications' | 'unions';
/**
 * What a list page's query parameter takes from the figure: the unit, the period's bounds, the as-of
 * date, a fixed value, or one of the figure's filters (`female` becomes gender=female on the list).
 */
export type DrillValue =
  | { from: 'unit' }
  | { from: 'periodStart' }
  | { from: 'periodEnd' }
  | { from: 'asOf' }
  | { from: 'fixed'; value: string }
  | { from: 'filter'; filter: FilterCode; whenTrue?: string; whenFalse?: string };

export type MetricDef = {
  code: string;
  label: { vi: string; en: string };
  unit: MetricUnit;
  kind: MetricKind;
  filters: readonly FilterCode[];
  drill: { page: DrillPage; query: Readonly<Record<string, DrillValue>> };
  /** The metric whose figure is shown apart as "pending" beside this one (applications waiting for review). */
  pendingMetric?: string;
};

const unit: DrillValue = { from: 'unit' };
const start: DrillValue = { from: 'periodStart' };
const end: DrillValue = { from: 'periodEnd' };
/** The member list's filters for the person-level metric filters (informal, foreign, female). */
const personFilters: Record<'informal' | 'foreign' | 'gender', DrillValue> = {
  informal: { from: 'filter', filter: 'informal' },
  foreign: { from: 'filter', filter: 'foreign' },
  gender: { from: 'filter', filter: 'female', whenTrue: 'female', whenFalse: 'male' },
};

export const METRICS = [
  {
    code: 'outreach.coverage',
    label: {
      vi: 'Tỷ lệ doanh nghiệp ngoài nhà nước được tuyên truyền, vận động',
      en: 'Outreach coverage of non-state enterprises',
    },
    unit: 'percent',
    kind: 'ratio',
    filters: [],
    drill: {
      page: 'enterprises',
      query: {
        unitId: unit,
        nonState: { from: 'fixed', value: 'true' },
        reached: { from: 'fixed', value: 'true' },
        from: start,
        to: end,
      },
    },
  },
  {
    code: 'outreach.reached',
    label: { vi: 'Doanh nghiệp ngoài nhà nước được tuyên truyền', en: 'Non-state enterprises reached' },
    unit: 'count',
    kind: 'distinct',
    filters: [],
    drill: {
      page: 'enterprises',
      query: {
        unitId: unit,
        nonState: { from: 'fixed', value: 'true' },
        reached: { from: 'fixed', value: 'true' },
        from: start,
        to: end,
      },
    },
  },
  {
    code: 'outreach.workers',
    label: { vi: 'Lượt người lao động được tuyên truyền', en: 'Workers reached by outreach' },
    unit: 'workers',
    kind: 'flow',
    filters: [],
    drill: { page: 'outreach', query: { unitId: unit, from: start, to: end } },
  },
  {
    code: 'unions.founded',
    label: { vi: 'Công đoàn cơ sở được thành lập', en: 'Grassroots unions founded' },
    unit: 'count',
    kind: 'flow',
    filters: ['nonState', 'minWorkers'],
    drill: {
      page: 'unions',
      query: {
        unitId: unit,
        foundedFrom: start,
        foundedTo: end,
        nonState: { from: 'filter', filter: 'nonState' },
        minWorkers: { from: 'filter', filter: 'minWorkers' },
      },
    },
  },
  {
    code: 'members.admitted',
    label: { vi: 'Đoàn viên kết nạp mới', en: 'Members admitted' },
    unit: 'count',
    kind: 'flow',
    filters: ['informal', 'female', 'foreign', 'newUnion'],
    drill: {
      page: 'members',
      query: {
        unitId: unit,
        admittedFrom: start,
        admittedTo: end,
        transferred: { from: 'fixed', value: 'false' },
        ...personFilters,
      },
    },
    pendingMetric: 'applications.pending',
  },
  {
    code: 'party.introduced',
    label: { vi: 'Đoàn viên ưu tú giới thiệu cho Đảng', en: 'Members introduced to the Party' },
    unit: 'count',
    kind: 'flow',
    filters: [],
    drill: { page: 'members', query: { unitId: unit, partyFrom: start, partyTo: end } },
  },
  {
    code: 'party.admitted',
    label: { vi: 'Đoàn viên được kết nạp Đảng', en: 'Members admitted to the Party' },
    unit: 'count',
    kind: 'flow',
    filters: [],
    drill: { page: 'members', query: { unitId: unit, partyAdmittedFrom: start, partyAdmittedTo: end } },
  },
  {
    code: 'members.stock',
    label: { vi: 'Số đoàn viên', en: 'Members' },
    unit: 'count',
    kind: 'stock',
    filters: ['informal', 'female', 'foreign'],
    drill: {
      page: 'members',
      query: {
        unitId: unit,
        status: { from: 'fixed', value: 'active' },
        ...personFilters,
      },
    },
  },
  {
    code: 'members.net',
    label: { vi: 'Tăng (giảm) đoàn viên', en: 'Net membership growth' },
    unit: 'count',
    kind: 'flow',
    filters: ['informal', 'female', 'foreign'],
    drill: { page: 'members', query: { unitId: unit } },
  },
  {
    code: 'members.left',
    label: { vi: 'Đoàn viên ra khỏi tổ chức', en: 'Members who left' },
    unit: 'count',
    kind: 'flow',
    filters: ['informal', 'female', 'foreign'],
    drill: {
      page: 'members',
      query: { unitId: unit, endedFrom: start, endedTo: end },
    },
  },
  {
    code: 'members.rate',
    label: {
      vi: 'Tỷ lệ đoàn viên trên số lao động ở doanh nghiệp có công đoàn',
      en: 'Members per worker in unionised enterprises',
    },
    unit: 'percent',
    kind: 'ratio',
    filters: [],
    drill: { page: 'enterprises', query: { unitId: unit, hasUnion: { from: 'fixed', value: 'true' } } },
  },
  {
    code: 'enterprises.surveyed',
    label: { vi: 'Doanh nghiệp được khảo sát', en: 'Enterprises surveyed' },
    unit: 'count',
    kind: 'distinct',
    filters: ['nonState'],
    drill: { page: 'enterprises', query: { unitId: unit, nonState: { from: 'filter', filter: 'nonState' } } },
  },
  {
    code: 'cards.issued',
    label: { vi: 'Thẻ đoàn viên được cấp', en: 'Membership cards issued' },
    unit: 'count',
    kind: 'flow',
    filters: ['informal', 'female', 'foreign'],
    drill: {
      page: 'members',
      query: {
        unitId: unit,
        cardIssued: { from: 'fixed', value: 'true' },
        ...personFilters,
      },
    },
  },
  {
    code: 'applications.pending',
    label: { vi: 'Đơn xin gia nhập chờ xét', en: 'Applications pending review' },
    unit: 'count',
    kind: 'stock',
    filters: ['informal', 'female', 'foreign'],
    drill: { page: 'applications', query: { unitId: unit, status: { from: 'fixed', value: 'pending' } } },
  },
] as const satisfies readonly MetricDef[];

export type Metric = (typeof METRICS)[number];
export type MetricCode = Metric['code'];

export const METRIC_CODES = METRICS.map((m) => m.code) as MetricCode[];

const BY_CODE = new Map<string, MetricDef>(METRICS.map((m) => [m.code, m]));

export function isMetricCode(code: string): code is MetricCode {
  return BY_CODE.has(code);
}

export function metricByCode(code: MetricCode): MetricDef {
  const m = BY_CODE.get(code);
  if (!m) throw new Error(`unknown metric ${code}`);
  return m;
}

/** The filters a figure was asked with that its metric does not accept (for a clear message naming them). */
export function unacceptedFilters(code: MetricCode, filters: MetricFilters): FilterCode[] {
  const accepted = new Set<FilterCode>(metricByCode(code).filters);
  return FILTER_CODES.filter((f) => filters[f] !== undefined && !accepted.has(f));
}

/** The last day a figure counts: the period's end, or the as-of date when that comes first (ISO dates). */
export function figureEnd(to: string, asOf: string): string {
  return asOf.localeCompare(to) < 0 ? asOf : to;
}

/**
 * The list page and its query string for the records behind a figure (click 213 → those 213 rows).
 * Filters left out (or not given) are left out of the query too.
 */
export function drillQuery(
  code: MetricCode,
  f: { unitId: number; from: string; to: string; asOf: string; filters: MetricFilters },
): { page: DrillPage; query: Record<string, string> } {
  const m = metricByCode(code);
  const query: Record<string, string> = {};
  const periodEnd = figureEnd(f.to, f.asOf);
  for (const [name, v] of Object.entries(m.drill.query)) {
    if (v.from === 'unit') query[name] = String(f.unitId);
    else if (v.from === 'periodStart') query[name] = f.from;
    else if (v.from === 'periodEnd') query[name] = periodEnd;
    else if (v.from === 'asOf') query[name] = f.asOf;
    else if (v.from === 'fixed') query[name] = v.value;
    else {
      const value = f.filters[v.filter];
      if (value === undefined) continue;
      if (typeof value === 'number') query[name] = String(value);
      else query[name] = value ? (v.whenTrue ?? 'true') : (v.whenFalse ?? 'false');
    }
  }
  return { page: m.drill.page, query };
}
