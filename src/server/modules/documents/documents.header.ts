import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import { centred, rule, run, SIZE, TEXT_WIDTH, textWidth } from './documents.format.js';

/** The texts of the two-column header: dated configuration of the issuing unit (document_header), or its default. */
export type HeaderTexts = {
  /** The body above the issuer ("LĐLĐ TỈNH BÌNH PHƯỚC"), capitals regular; null for a unit with none. */
  superior: string | null;
  /** The issuing body ("LĐLĐ HUYỆN PHÚ RIỀNG"), capitals bold, a short rule beneath. */
  issuer: string;
  /** Right column: union documents carry the Quốc hiệu and Tiêu ngữ (union-rules.md §6). */
  nationalTitle: string;
  motto: string;
};

/**
 * The left column is as wide as the issuer's name usually needs; the right one holds the Quốc hiệu at 12 pt
 * bold on one line (about 95 mm), the two together exactly the text width, so nothing spills into a margin.
 */
export const HEADER_COLUMNS = [3900, TEXT_WIDTH - 3900] as const;

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
export const CELL_NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER } as const;

export function cell(width: number, children: Paragraph[], align: 'top' | 'bottom' = 'top') {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: CELL_NO_BORDERS,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    verticalAlign: align === 'top' ? VerticalAlign.TOP : VerticalAlign.BOTTOM,
    children,
  });
}

/** A borderless table of fixed layout and explicit widths: Word and LibreOffice lay it out alike. */
export function layoutTable(columns: readonly number[], rows: TableRow[]) {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...columns],
    borders: TableBorders.NONE,
    rows,
  });
}

/**
 * The header of a document: superior body (regular) and issuer (bold, short centred rule of 40 % of its
 * name) on the left, Quốc hiệu and Tiêu ngữ (single-spaced, the rule as long as the Tiêu ngữ) on the right;
 * then, on one row so they share a line, "Số: …" centred under the issuer and the place and date in italics.
 */
export function headerTable(h: HeaderTexts, numberLine: string, dateLine: string) {
  const [left, right] = HEADER_COLUMNS;
  const issuerWidth = Math.min(left, textWidth(h.issuer, SIZE.issuer, true));
  const leftTop = [
    ...(h.superior ? [centred(h.superior.toLocaleUpperCase('vi'), { size: SIZE.superior })] : []),
    centred(h.issuer.toLocaleUpperCase('vi'), { size: SIZE.issuer, bold: true }),
    rule(left, Math.round(issuerWidth * 0.4)),
  ];
  const rightTop = [
    centred(h.nationalTitle, { size: SIZE.nationalTitle, bold: true }),
    centred(h.motto, { size: SIZE.motto, bold: true }),
    rule(right, Math.min(right, textWidth(h.motto, SIZE.motto, true))),
  ];
  // The second row begins after the taller column; a little space sets the number and date off the rules.
  const numberPara = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 160, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    children: [run(numberLine, { size: SIZE.number })],
  });
  const datePara = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 160, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    children: [run(dateLine, { size: SIZE.dateLine, italics: true })],
  });
  return layoutTable(HEADER_COLUMNS, [
    new TableRow({ cantSplit: true, children: [cell(left, leftTop), cell(right, rightTop)] }),
    new TableRow({ cantSplit: true, children: [cell(left, [numberPara]), cell(right, [datePara])] }),
  ]);
}
