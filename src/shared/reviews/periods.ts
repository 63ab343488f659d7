/**
 * The periods a review covers (issue 12 §1): the calendar ones of the review meetings (quarter, 6 and 9
 * months, year), the union's statistical cut-offs (the VGCL yearly forms count from 1 December of the year
 * before to 31 May and to 30 November) and a custom range. Shared, so the form shows the dates the server
 * will use.
 */
export const REVIEW_KINDS = ['quarter', 'half', 'nine_months', 'year', 'cutoff_may', 'cutoff_nov', 'custom'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export type PeriodInput = { kind: ReviewKind; year?: number; part?: number; from?: string; to?: string };
export type Period = { from: string; to: string; label: string };

const ROMAN = ['I', 'II', 'III', 'IV'];
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthEnd = (y: number, m: number) => `${y}-${pad(m)}-${pad(lastDay(y, m))}`;
const shortDay = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${pad(d)}/${m <= 2 ? pad(m) : m}/${y}`;
};

/** Which of `year`, `part`, `from`/`to` a kind needs (the form shows those fields, the server checks them). */
export function periodNeeds(kind: ReviewKind): { year: boolean; part: 0 | 2 | 4; range: boolean } {
  if (kind === 'custom') return { year: false, part: 0, range: true };
  return { year: true, part: kind === 'quarter' ? 4 : kind === 'half' ? 2 : 0, range: false };
}

/** The period of a kind, or null when its fields are missing or out of range. */
export function periodOf(p: PeriodInput): Period | null {
  const need = periodNeeds(p.kind);
  if (need.range) {
    if (!p.from || !p.to || p.to < p.from) return null;
    return { from: p.from, to: p.to, label: `từ ngày ${shortDay(p.from)} đến ngày ${shortDay(p.to)}` };
  }
  const y = p.year;
  if (y === undefined || !Number.isInteger(y) || y < 1990 || y > 2100) return null;
  if (need.part && (p.part === undefined || !Number.isInteger(p.part) || p.part < 1 || p.part > need.part)) return null;
  const part = p.part ?? 1;
  switch (p.kind) {
    case 'quarter':
      return {
        from: `${y}-${pad(part * 3 - 2)}-01`,
        to: monthEnd(y, part * 3),
        label: `quý ${ROMAN[part - 1]} năm ${y}`,
      };
    case 'half':
      return part === 1
        ? { from: `${y}-01-01`, to: `${y}-06-30`, label: `6 tháng đầu năm ${y}` }
        : { from: `${y}-07-01`, to: `${y}-12-31`, label: `6 tháng cuối năm ${y}` };
    case 'nine_months':
      return { from: `${y}-01-01`, to: `${y}-09-30`, label: `9 tháng đầu năm ${y}` };
    case 'year':
      return { from: `${y}-01-01`, to: `${y}-12-31`, label: `năm ${y}` };
    case 'cutoff_may':
      return { from: `${y - 1}-12-01`, to: `${y}-05-31`, label: `6 tháng đầu năm ${y} (số liệu đến 31/5/${y})` };
    case 'cutoff_nov':
      return { from: `${y - 1}-12-01`, to: `${y}-11-30`, label: `năm ${y} (số liệu đến 30/11/${y})` };
    default:
      return null;
  }
}
