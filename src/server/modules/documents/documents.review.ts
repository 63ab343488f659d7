import { AlignmentType, LineRuleType, Packer, Paragraph, type Table, TableRow } from 'docx';
import type { ReviewSection, TReview, TReviewFigures } from '../../../shared/reviews/contract.js';
import { formatViDate } from '../../../shared/text/index.js';
import { body, centred, rule, run, SIZE, TEXT_WIDTH, textWidth, vnDateLine, vnShortDate } from './documents.format.js';
import { type HeaderTexts, headerTable } from './documents.header.js';
import {
  columnsWithRest,
  fixedTable,
  officialDocument,
  sectionParagraphs,
  spacer,
  tableCell,
} from './documents.layout.js';
import { type SignatureTexts, signatureTable } from './documents.signature.js';

/** Everything a review report prints, read and checked by the service; sections already have their figures filled in. */
export type ReviewDocumentInput = {
  header: HeaderTexts;
  review: Pick<TReview, 'label' | 'kind' | 'number' | 'plan' | 'unitName' | 'meeting' | 'figures'>;
  /** Place and date of the report ("Phú Riềng", the report's date). */
  place: string | null;
  date: string;
  /** "Số: 15/BC-LĐLĐ", or the number left blank for the clerk ("Số:      /BC-LĐLĐ"). */
  numberLine: string;
  /** The level above the report goes to ("Kính gửi: Ban Thường vụ LĐLĐ tỉnh …"); null at the root. */
  to: string | null;
  sections: Partial<Record<ReviewSection, string>>;
  signature: SignatureTexts;
};

const num = (n: number | null) =>
  n === null ? '—' : new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(n);
const signed = (n: number | null) => (n === null ? '—' : n > 0 ? `+${num(n)}` : num(n));
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

/** A year's review (and the November cut-off) is a "tổng kết"; the others are "sơ kết". */
export const isFinal = (kind: string) => kind === 'year' || kind === 'cutoff_nov';

/** "Sơ kết quý II năm 2024 thực hiện Kế hoạch số 8/KH-LĐLĐ ngày 15/4/2024 về phát triển đoàn viên …". */
export function reviewSummary(r: ReviewDocumentInput['review']): string {
  const p = r.plan;
  return `${isFinal(r.kind) ? 'Tổng kết' : 'Sơ kết'} ${r.label} thực hiện Kế hoạch số ${p.reference} ngày ${vnShortDate(p.issuedOn)} về ${lowerFirst(p.title)}`;
}

const head = (cols: number[], names: string[]) =>
  new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: names.map((n, i) => tableCell(cols[i] as number, n, { bold: true })),
  });
const line = (cols: number[], cells: string[], o: { italics?: boolean; bold?: boolean } = {}) =>
  new TableRow({
    cantSplit: true,
    children: cells.map((c, i) => tableCell(cols[i] as number, c, { ...o, align: i === 1 ? 'left' : 'center' })),
  });

/** Targets: goal, actual, %, the change since the previous review. */
function targetsTable(f: TReviewFigures) {
  const cols = columnsWithRest([700, 1200, 1200, 1000, 1400], 1);
  const rows = [head(cols, ['STT', 'Chỉ tiêu', 'Chỉ tiêu giao', 'Thực hiện', 'Tỷ lệ (%)', 'So với kỳ trước'])];
  for (const [i, t] of f.targets.entries()) {
    rows.push(line(cols, [String(i + 1), t.label, num(t.goal), num(t.actual), num(t.percent), signed(t.change)]));
    for (const [j, s] of t.subTargets.entries())
      rows.push(
        line(cols, [`${i + 1}.${j + 1}`, s.label, num(s.goal), num(s.actual), num(s.percent), signed(s.change)], {
          italics: true,
        }),
      );
  }
  return fixedTable(cols, rows);
}

/**
 * One target by child unit: its share and its subtree's actual, and what the unit itself reported when any
 * child has reported (a district's grassroots unions do not send reports; a province's districts do).
 */
function childrenTable(t: TReviewFigures['targets'][number]) {
  const reported = t.children.some((c) => c.submitted);
  const cols = columnsWithRest(reported ? [700, 1100, 1100, 900, 1300] : [700, 1300, 1300, 1100], 1);
  const names = ['STT', 'Đơn vị', 'Chỉ tiêu giao', 'Thực hiện', 'Tỷ lệ (%)', ...(reported ? ['Đơn vị báo cáo'] : [])];
  const rows = [head(cols, names)];
  for (const [i, c] of t.children.entries()) {
    const cells = [String(i + 1), c.unitName, num(c.share), num(c.actual), num(c.percent)];
    if (reported) cells.push(c.submitted ? num(c.submitted.actual) : 'Chưa báo cáo');
    rows.push(line(cols, cells));
  }
  return fixedTable(cols, rows);
}

/** A child table says something when a child was given a share or has done some of the work. */
const worthListing = (t: TReviewFigures['targets'][number]) =>
  t.children.length > 0 && t.children.some((c) => c.share !== null || c.actual > 0 || c.submitted);

/**
 * Rows a list prints in the report itself; a longer list (a province founds hundreds of unions a year) is
 * printed in full in the Excel annex, and the report says so, as officers do with a "phụ lục".
 */
export const DOCUMENT_LIST_MAX = 100;

function foundedTable(f: TReviewFigures) {
  const cols = columnsWithRest([700, 1500, 2200], 1);
  const rows = [head(cols, ['STT', 'Công đoàn cơ sở', 'Ngày thành lập', 'Quyết định số'])];
  for (const [i, u] of f.founded.slice(0, DOCUMENT_LIST_MAX).entries())
    rows.push(line(cols, [String(i + 1), u.name, formatViDate(u.foundedOn), u.decisionNo ?? '—']));
  return fixedTable(cols, rows);
}

function meetingText(m: ReviewDocumentInput['review']['meeting']): string | null {
  if (!m.date) return null;
  const who = m.attendees.map((a) => [a.name, a.role].filter(Boolean).join(', ')).filter(Boolean);
  return (
    `Hội nghị ${m.place ? `tại ${m.place} ` : ''}ngày ${vnShortDate(m.date)}` +
    `${m.chair ? ` do đồng chí ${m.chair} chủ trì` : ''}` +
    `${who.length ? `, với sự tham dự của: ${who.join('; ')}` : ''}.`
  );
}

function reviewBody(x: ReviewDocumentInput): (Paragraph | Table)[] {
  const r = x.review;
  const f = r.figures;
  const s = x.sections;
  const out: (Paragraph | Table)[] = [];
  out.push(
    body(
      `Thực hiện Kế hoạch số ${r.plan.reference} ngày ${vnShortDate(r.plan.issuedOn)} về ${lowerFirst(r.plan.title)}, ` +
        `${r.unitName} báo cáo kết quả ${r.label} như sau:`,
    ),
  );
  out.push(body(`Số liệu tính đến ngày ${formatViDate(f.asOf)}.`, { italics: true }));
  const meeting = meetingText(r.meeting);
  if (meeting) out.push(body(meeting));
  let n = 0;
  const heading = (text: string) => out.push(body(`${ROMAN[n++]}. ${text}`, { bold: true }));
  if (s.situation) {
    heading('TÌNH HÌNH CHUNG');
    out.push(...sectionParagraphs(s.situation));
  }
  if (s.direction) {
    heading('CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO');
    out.push(...sectionParagraphs(s.direction));
  }
  heading('KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU');
  out.push(...sectionParagraphs(s.results));
  if (f.targets.length) {
    out.push(targetsTable(f), spacer(120));
  }
  for (const t of f.targets.filter(worthListing)) {
    out.push(
      body(`Chỉ tiêu ${t.code} theo đơn vị: ${lowerFirst(t.label)}`, { italics: true }),
      childrenTable(t),
      spacer(120),
    );
  }
  if (f.founded.length) {
    out.push(
      body(`Công đoàn cơ sở được thành lập trong kỳ: ${num(f.founded.length)}`, { italics: true }),
      foundedTable(f),
      spacer(120),
    );
  }
  const left = Math.max(0, f.outreach.frame - f.outreach.reached);
  if (f.outreach.frame > 0) {
    out.push(
      body(
        `Doanh nghiệp ngoài khu vực nhà nước trong diện khảo sát được tiếp cận: ${num(f.outreach.reached)}/${num(f.outreach.frame)}; ` +
          `chưa được tiếp cận: ${num(left)}${left > 0 ? ' (danh sách tại Phụ lục kèm theo)' : ''}.`,
        { italics: true },
      ),
    );
  }
  const assessment: [string, string | undefined][] = [
    ['Ưu điểm', s.strengths],
    ['Tồn tại, hạn chế, khó khăn, vướng mắc và nguyên nhân', s.difficulties],
    ['Bài học kinh nghiệm, cách làm hay', s.lessons],
  ];
  const present = assessment.filter(([, t]) => t);
  if (present.length) {
    heading('ĐÁNH GIÁ CHUNG');
    for (const [i, [title, text]] of present.entries()) {
      out.push(body(`${i + 1}. ${title}`, { bold: true }), ...sectionParagraphs(text));
    }
  }
  if (s.next_tasks) {
    heading('NHIỆM VỤ, GIẢI PHÁP KỲ TỚI');
    out.push(...sectionParagraphs(s.next_tasks));
  }
  if (s.proposals) {
    heading('KIẾN NGHỊ, ĐỀ XUẤT');
    out.push(...sectionParagraphs(s.proposals));
  }
  return out;
}

/** "Kính gửi: …" centred under the summary, as a report to the level above carries it. */
function addressee(to: string) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 240, line: 240, lineRule: LineRuleType.AUTO },
    children: [run('Kính gửi: ', { size: SIZE.body }), run(to, { size: SIZE.body })],
  });
}

export function reviewDocument(x: ReviewDocumentInput) {
  const summary = reviewSummary(x.review);
  const summaryWidth = Math.min(TEXT_WIDTH, textWidth(summary, SIZE.summary, true));
  return officialDocument(`Báo cáo ${summary}`, [
    headerTable(x.header, x.numberLine, vnDateLine(x.place, x.date)),
    spacer(240),
    centred('BÁO CÁO', { size: SIZE.docType, bold: true }),
    centred(summary, { size: SIZE.summary, bold: true }),
    rule(TEXT_WIDTH, Math.round(Math.min(summaryWidth, TEXT_WIDTH) / 3)),
    x.to ? addressee(x.to) : spacer(240),
    ...reviewBody(x),
    spacer(120),
    signatureTable(x.signature),
  ]);
}

export const reviewDocx = (x: ReviewDocumentInput): Promise<Buffer> => Packer.toBuffer(reviewDocument(x));
