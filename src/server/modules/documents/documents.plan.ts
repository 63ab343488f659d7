import { type Document, Packer, type Paragraph, type Table, TableRow } from 'docx';
import type { TPlan } from '../../../shared/plans/contract.js';
import { BODY, body, centred, rule, SIZE, TEXT_WIDTH, textWidth, vnDateLine, vnShortDate } from './documents.format.js';
import { type HeaderTexts, headerTable } from './documents.header.js';
import { fixedTable, officialDocument, sectionParagraphs, spacer, tableCell } from './documents.layout.js';
import { type SignatureTexts, signatureTable } from './documents.signature.js';

/** Everything the plan's document prints, already read and checked by the service. */
export type PlanDocumentInput = {
  header: HeaderTexts;
  plan: Pick<TPlan, 'reference' | 'place' | 'issuedOn' | 'title' | 'periodFrom' | 'periodTo' | 'sections' | 'targets'>;
  /** "Căn cứ Kế hoạch số 60/KH-LĐLĐ ngày 17/4/2024 của …": one line per legal basis, in order. */
  bases: string[];
  signature: SignatureTexts;
};

type Target = TPlan['targets'][number];
type AnyTarget = Target | Target['subTargets'][number];

/** What a count is counted in, for the table's "Đơn vị tính" and the goal in words. */
function unitNoun(t: AnyTarget): string {
  if (t.metricUnit === 'percent') return '%';
  const family = t.metric.split('.')[0];
  if (family === 'unions') return 'CĐCS';
  if (family === 'enterprises' || family === 'outreach') return 'doanh nghiệp';
  if (family === 'members' || family === 'party') return 'đoàn viên';
  return '';
}

const FILTER_WORDS: Record<string, (v: boolean | number) => string> = {
  nonState: (v) => (v ? 'ngoài khu vực nhà nước' : 'khu vực nhà nước'),
  minWorkers: (v) => `có từ ${v} lao động trở lên`,
  informal: (v) => (v ? 'lao động phi chính thức' : 'không phải lao động phi chính thức'),
  female: (v) => (v ? 'nữ' : 'nam'),
  foreign: (v) => (v ? 'người nước ngoài' : 'người Việt Nam'),
  newUnion: (v) => (v ? 'tại CĐCS mới thành lập' : 'tại CĐCS đã có'),
};

const num = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

function goalWords(t: AnyTarget): string {
  const noun = unitNoun(t);
  const amount = noun === '%' ? `${num(t.goal)}%` : `${num(t.goal)}${noun ? ` ${noun}` : ''}`;
  if (t.comparator === 'at_most') return `không quá ${amount}`;
  return noun === '%' && t.goal === 100 ? `đạt ${amount}` : `ít nhất ${amount}`;
}

/**
 * A target as the sentence a plan writes: its own label when the label already says the goal ("Phấn đấu
 * kết nạp từ 250 người lao động trở lên…"), else the label (or the metric's name with its filters in words)
 * and the goal: "Công đoàn cơ sở được thành lập (ngoài khu vực nhà nước, có từ 25 lao động trở lên): ít
 * nhất 1 CĐCS".
 */
export function targetSentence(t: AnyTarget): string {
  const label = t.label?.trim();
  if (label && new RegExp(`(^|\\D)0*${t.goal}(\\D|$)`).test(label)) return label;
  const filters = Object.entries(t.filters)
    .map(([k, v]) => FILTER_WORDS[k]?.(v))
    .filter(Boolean);
  const what = label || `${t.metricLabel}${filters.length ? ` (${filters.join(', ')})` : ''}`;
  return `${what}: ${goalWords(t)}`;
}

/** A target and its sub-targets in one sentence: "…; trong đó có ít nhất 30 đoàn viên là lao động phi chính thức". */
export function targetParagraphText(t: Target): string {
  const subs = t.subTargets.map((s) => {
    const text = targetSentence(s);
    // Not \b: JavaScript's word boundary knows only ASCII letters, and "đó" ends in one it does not.
    return /^trong đó(\s|:|$)/i.test(text) ? lowerFirst(text) : `trong đó ${lowerFirst(text)}`;
  });
  return [targetSentence(t), ...subs].join('; ');
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

const TABLE_COLUMNS = [700, TEXT_WIDTH - 700 - 1500 - 1600, 1500, 1600] as const;
/** The targets and sub-targets as a table of fixed layout and explicit widths, the text width and no wider. */
export function targetsTable(targets: Target[]) {
  const [c1, c2, c3, c4] = TABLE_COLUMNS;
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      tableCell(c1, 'STT', { bold: true }),
      tableCell(c2, 'Chỉ tiêu', { bold: true }),
      tableCell(c3, 'Đơn vị tính', { bold: true }),
      tableCell(c4, 'Mức giao', { bold: true }),
    ],
  });
  const line = (no: string, t: AnyTarget, sub: boolean) =>
    new TableRow({
      cantSplit: true,
      children: [
        tableCell(c1, no, { italics: sub }),
        tableCell(c2, sub ? `Trong đó: ${lowerFirst(targetName(t))}` : targetName(t), { italics: sub, align: 'left' }),
        tableCell(c3, unitNoun(t) === '' ? '—' : unitNoun(t) === '%' ? '%' : upperFirst(unitNoun(t)), {
          italics: sub,
        }),
        tableCell(c4, `${t.comparator === 'at_most' ? '≤ ' : '≥ '}${num(t.goal)}`, { italics: sub }),
      ],
    });
  const rows = [head];
  for (const [i, t] of targets.entries()) {
    rows.push(line(String(i + 1), t, false));
    for (const [j, s] of t.subTargets.entries()) rows.push(line(`${i + 1}.${j + 1}`, s, true));
  }
  return fixedTable(TABLE_COLUMNS, rows);
}
const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
/** The name of a target in the table: its label without "trong đó", else the metric's name. */
const targetName = (t: AnyTarget) => (t.label?.trim() || t.metricLabel).replace(/^trong đó(\s+|:\s*|$)/i, '');

/** The plan's body, in the order of an official plan (plan 8/KH-LĐLĐ of 15/04/2024 as the model). */
function planBody(x: PlanDocumentInput): (Paragraph | Table)[] {
  const p = x.plan;
  const s = p.sections;
  const out: (Paragraph | Table)[] = [];
  for (const [i, b] of x.bases.entries())
    out.push(body(`- ${b.replace(/[;.]+$/, '')}${i === x.bases.length - 1 ? '.' : ';'}`));
  out.push(...sectionParagraphs(s.preamble));
  let n = 0;
  const heading = (text: string) => out.push(body(`${ROMAN[n++]}. ${text}`, { bold: true }));
  if (s.purpose || s.requirements) {
    heading(s.purpose && s.requirements ? 'MỤC ĐÍCH, YÊU CẦU' : s.purpose ? 'MỤC ĐÍCH' : 'YÊU CẦU');
    if (s.purpose && s.requirements) out.push(body('1. Mục đích', { bold: true }));
    out.push(...sectionParagraphs(s.purpose));
    if (s.purpose && s.requirements) out.push(body('2. Yêu cầu', { bold: true }));
    out.push(...sectionParagraphs(s.requirements));
  }
  if (p.targets.length) {
    heading('CHỈ TIÊU');
    for (const [i, t] of p.targets.entries()) out.push(body(`${i + 1}. ${targetParagraphText(t)}.`));
    out.push(targetsTable(p.targets));
    // A table is followed by a paragraph in Word anyway; give it the body's spacing.
    out.push(spacer(BODY.after));
  }
  heading('THỜI GIAN, ĐỊA ĐIỂM');
  out.push(body(`- Thời gian: thực hiện từ ngày ${vnShortDate(p.periodFrom)} đến ngày ${vnShortDate(p.periodTo)}.`));
  out.push(...sectionParagraphs(s.schedule));
  if (s.tasks) {
    heading('NHIỆM VỤ, GIẢI PHÁP');
    out.push(...sectionParagraphs(s.tasks));
  }
  if (s.organisation) {
    heading('TỔ CHỨC THỰC HIỆN');
    out.push(...sectionParagraphs(s.organisation));
  }
  out.push(...sectionParagraphs(s.closing));
  return out;
}

export function planDocument(x: PlanDocumentInput): Document {
  const p = x.plan;
  const summaryWidth = Math.min(TEXT_WIDTH, textWidth(p.title, SIZE.summary, true));
  return officialDocument(`Kế hoạch số ${p.reference}`, [
    headerTable(x.header, `Số: ${p.reference}`, vnDateLine(p.place, p.issuedOn)),
    spacer(240),
    centred('KẾ HOẠCH', { size: SIZE.docType, bold: true }),
    centred(p.title, { size: SIZE.summary, bold: true }),
    rule(TEXT_WIDTH, Math.round(summaryWidth / 3)),
    spacer(240),
    ...planBody(x),
    spacer(120),
    signatureTable(x.signature),
  ]);
}

export const planDocx = (x: PlanDocumentInput): Promise<Buffer> => Packer.toBuffer(planDocument(x));
