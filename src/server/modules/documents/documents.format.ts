import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TextRun } from 'docx';
import { formatViDateLong } from '../../../shared/text/index.js';

/**
 * The layout of an official document (Decree 30/2020/NĐ-CP, Annex I, which the union's rule 933/QĐ-TLĐ
 * follows; union-rules.md §6), as numbers in the units Word stores: twips (1/1440 inch) for lengths and
 * half-points for font sizes. Every builder takes its figures from here, and documents.test.ts reads the
 * same numbers back out of the XML, so a change of layout is a change of this file.
 */
const MM = 1440 / 25.4;
export const mm = (v: number) => Math.round(v * MM);

/** A4 portrait; margins inside the decree's ranges (top/bottom 20–25, left 30–35, right 15–20 mm). */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) },
} as const;
/** The width text may take: A4 less the side margins. Tables are laid out to it, never wider. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/** Times New Roman (Unicode, TCVN 6909:2001): LibreOffice draws it with the metric-compatible Liberation Serif. */
export const FONT = 'Times New Roman';

/** Sizes in points per element (the decree's column "cỡ chữ"); docx wants half-points. */
export const SIZE = {
  superior: 13,
  issuer: 13,
  number: 13,
  nationalTitle: 12,
  motto: 13,
  dateLine: 14,
  docType: 14,
  summary: 14,
  body: 14,
  table: 13,
  authority: 14,
  signerName: 14,
  recipientsTitle: 12,
  recipients: 11,
  pageNumber: 14,
} as const;
export const halfPoints = (pt: number) => pt * 2;

/** Body paragraphs: justified, first line indented 1.27 cm, 6 pt after, 1.15 lines (the decree allows 1–1.5). */
export const BODY = { firstLine: 720, after: 120, line: 276 } as const;

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

/**
 * "Phú Riềng, ngày 05 tháng 02 năm 2024": the date line of a document. Days below 10 and months 1 and 2
 * take a leading zero ("tháng 1" could become "tháng 11" after signing; "tháng 4" cannot).
 */
export function vnDateLine(place: string | null | undefined, iso: string): string {
  return formatViDateLong(iso, place ?? undefined);
}

/** "17/4/2024": a date cited in running text, with the same zero rule as the date line. */
export function vnShortDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${String(d).padStart(2, '0')}/${m <= 2 ? String(m).padStart(2, '0') : m}/${y}`;
}

/**
 * Advance widths of Times (the PDF core fonts' metrics, 1/1000 em), enough to size a rule "as long as the
 * line" and the issuer's short rule without laying text out: Vietnamese letters take their base letter's
 * width (the marks sit above or below it), anything else an average.
 */
const WIDTHS: Record<'regular' | 'bold', Record<string, number>> = {
  regular: widths(
    'A722B667C667D722E611F556G722H722I333J389K722L611M889N722O722P556Q722R667S556T611U722V722W944X722Y722Z611' +
      'a444b500c444d500e444f333g500h500i278j278k500l278m778n500o500p500q500r333s389t278u500v500w722x500y500z444',
  ),
  bold: widths(
    'A722B667C722D722E667F611G778H778I389J500K778L667M944N722O778P611Q778R722S556T667U722V722W1000X722Y722Z667' +
      'a500b556c444d556e444f333g500h556i278j333k556l278m833n556o500p556q556r444s389t333u556v500w722x500y500z444',
  ),
};
function widths(spec: string): Record<string, number> {
  const out: Record<string, number> = { ' ': 250, '-': 333, ',': 250, '.': 250, ':': 333, '/': 278 };
  for (const [, ch, w] of spec.matchAll(/([A-Za-z])(\d+)/g)) out[ch as string] = Number(w);
  return out;
}

/** The estimated width of a line of text in twips, at `pt` points. */
export function textWidth(text: string, pt: number, bold = false): number {
  const table = WIDTHS[bold ? 'bold' : 'regular'];
  const base = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/Đ/g, 'D')
    .replace(/đ/g, 'd');
  let em = 0;
  for (const ch of base) em += table[ch] ?? (/\d/.test(ch) ? 500 : 556);
  return Math.round((em / 1000) * pt * 20);
}

export type RunStyle = { size: number; bold?: boolean; italics?: boolean };

/** A run in the document's font at a size in points; the font is named on every run, not left to a style. */
export const run = (text: string, s: RunStyle) =>
  new TextRun({ text, font: FONT, size: halfPoints(s.size), bold: s.bold, italics: s.italics });

/** A centred line (header texts, the document type, the signature block), single-spaced, no space after. */
export function centred(text: string, s: RunStyle, after = 0) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after, line: 240, lineRule: LineRuleType.AUTO },
    children: [run(text, s)],
  });
}

/**
 * A short horizontal rule centred in a column of `columnWidth` twips, `width` long: an empty paragraph of
 * 1 pt whose top border is the rule, its indents leaving `width` between them. Word and LibreOffice draw a
 * paragraph border the same way, where a drawn line would float differently in each.
 */
export function rule(columnWidth: number, width: number) {
  const side = Math.max(0, Math.round((columnWidth - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    // 4 pt above, clear of the descenders and the marks under Vietnamese letters (ạ, ệ).
    spacing: { before: 80, after: 0, line: 20, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } },
    children: [run('', { size: 1 })],
  });
}

/** A paragraph of running text: justified with the first-line indent, 6 pt after. */
export function body(children: TextRun[] | string, opts: { bold?: boolean; italics?: boolean } = {}) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: BODY.firstLine },
    spacing: { before: 0, after: BODY.after, line: BODY.line, lineRule: LineRuleType.AUTO },
    children: typeof children === 'string' ? [run(children, { size: SIZE.body, ...opts })] : children,
  });
}
