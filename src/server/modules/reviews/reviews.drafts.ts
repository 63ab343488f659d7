import type { ReviewSection, TReviewFigures, TTargetFigures } from '../../../shared/reviews/contract.js';
import { formatViDate } from '../../../shared/text/index.js';

const num = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(n);
const pct = (n: number | null) => (n === null ? '—' : `${num(n)}%`);
const withoutTrongDo = (s: string) => s.replace(/^trong đó(\s+|:\s*|$)/i, '').trim();
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

type Figure = Omit<TTargetFigures, 'subTargets' | 'children'>;

/** What a count counts, for "còn 37 đoàn viên". */
const NOUNS: Record<string, string> = {
  members: 'đoàn viên',
  party: 'đoàn viên',
  unions: 'CĐCS',
  enterprises: 'doanh nghiệp',
  outreach: 'doanh nghiệp',
  cards: 'thẻ',
  applications: 'đơn',
};
const nounOf = (t: Figure) => (t.metricUnit === 'percent' ? 'điểm %' : (NOUNS[t.metric.split('.')[0] as string] ?? ''));

/** A target's result as a report writes it: "Kết nạp 213/250 đoàn viên (85,2%)". */
function resultPhrase(t: Figure): string {
  const of = `${num(t.actual)}/${num(t.goal)}`;
  switch (t.metric) {
    case 'members.admitted':
      return `Kết nạp ${of} đoàn viên (${pct(t.percent)})`;
    case 'unions.founded':
      return `Thành lập ${of} CĐCS (${pct(t.percent)})`;
    case 'party.introduced':
      return `Giới thiệu ${of} đoàn viên ưu tú cho Đảng xem xét kết nạp (${pct(t.percent)})`;
    case 'party.admitted':
      return `${of} đoàn viên được kết nạp vào Đảng (${pct(t.percent)})`;
    default:
      return t.metricUnit === 'percent'
        ? `${t.label}: đạt ${pct(t.actual)} (chỉ tiêu ${pct(t.goal)})`
        : `${t.label}: ${of} (${pct(t.percent)})`;
  }
}

/** "trong đó 31 lao động phi chính thức": a sub-target's figure after its target's. */
function subPhrase(s: Figure): string {
  const what = withoutTrongDo(s.label);
  return s.metricUnit === 'percent'
    ? `trong đó ${lowerFirst(what)} đạt ${pct(s.actual)}`
    : `trong đó ${num(s.actual)} ${lowerFirst(what)}`;
}

export function resultLine(t: TTargetFigures): string {
  return [resultPhrase(t), ...t.subTargets.map(subPhrase)].join(', ');
}

/**
 * The draft of each section, built from the figures (issue 12 §1): where a report states facts the records
 * hold, the sentence is written for the officer, who edits it. Sections of judgement (direction, strengths,
 * lessons, proposals) start empty.
 */
export function draftSections(
  f: TReviewFigures,
  x: { unitName: string; label: string },
): Partial<Record<ReviewSection, string>> {
  const out: Partial<Record<ReviewSection, string>> = {};
  const a = f.admissions;
  out.situation =
    `Tính đến ngày ${formatViDate(f.asOf)}, trong ${x.label}, ${x.unitName} đã kết nạp ${num(a.total)} đoàn viên ` +
    `(tại CĐCS mới thành lập ${num(a.newUnion)}, tại CĐCS đã có ${num(a.existingUnion)}; lao động phi chính thức ${num(a.informal)}), ` +
    `thành lập ${num(f.founded.length)} CĐCS; giới thiệu ${num(f.party.introduced)} đoàn viên ưu tú cho Đảng, ` +
    `${num(f.party.admitted)} đồng chí được kết nạp vào Đảng.`;
  out.results = f.targets.map((t) => `- ${resultLine(t)}.`).join('\n');
  if (f.lagging.length) {
    const names = f.lagging.slice(0, 10).map((l) => `${l.unitName} (${l.code}: ${pct(l.percent)})`);
    out.difficulties = `- Một số đơn vị thực hiện chỉ tiêu còn chậm: ${names.join('; ')}.`;
  }
  const open = f.targets.filter((t) => t.comparator === 'at_least' && t.actual < t.goal);
  if (open.length) {
    out.next_tasks = open
      .map(
        (t) =>
          `- Phấn đấu hoàn thành chỉ tiêu ${t.code}: còn ${num(Math.max(0, t.goal - t.actual))} ${nounOf(t)}`.trimEnd() +
          '.',
      )
      .join('\n');
  }
  return out;
}

/**
 * The figure fields a section may cite as {T3.actual}: resolved from the review's figures when the report is
 * shown or printed, so a frozen report prints its frozen figures.
 */
const FIELDS = ['actual', 'goal', 'percent', 'pending', 'change', 'inPeriod'] as const;
export function placeholderValues(f: TReviewFigures, label: string): Map<string, string> {
  const out = new Map<string, string>([
    ['asOf', formatViDate(f.asOf)],
    ['period', label],
    ['founded.count', num(f.founded.length)],
    ['admissions.newUnion', num(f.admissions.newUnion)],
    ['admissions.existingUnion', num(f.admissions.existingUnion)],
  ]);
  for (const t of f.targets.flatMap((x) => [x, ...x.subTargets])) {
    for (const k of FIELDS) {
      const v = t[k];
      out.set(`${t.code}.${k}`, v === null ? '—' : k === 'percent' ? pct(v) : num(v));
    }
  }
  return out;
}

const TOKEN = /\{([A-Za-z0-9_.]+)\}/g;
/** The placeholders of a text that the figures do not have. */
export function unknownPlaceholders(text: string, known: Map<string, string>): string[] {
  return [...new Set([...text.matchAll(TOKEN)].map((m) => m[1] as string).filter((k) => !known.has(k)))];
}
export function fillPlaceholders(text: string, known: Map<string, string>): string {
  return text.replace(TOKEN, (all, k: string) => known.get(k) ?? all);
}
