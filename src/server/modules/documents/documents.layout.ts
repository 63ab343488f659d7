import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  type TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { body, FONT, halfPoints, PAGE, run, SIZE, TEXT_WIDTH } from './documents.format.js';

/**
 * The pieces every official document is built of (the plan, the review report): text sections, plain
 * tables of fixed layout, page numbers from page 2 and the A4 page itself.
 */

/**
 * A section's text as paragraphs: one per line; "1. Về công tác …" (a numbered sub-heading) in bold, any
 * other line ("- Tập trung …") as running text. Plain text with these two conventions is what officers
 * paste from their Word drafts.
 */
export function sectionParagraphs(text: string | null | undefined): Paragraph[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => (/^(\d+(\.\d+)*|[IVX]+)\.\s/.test(l) ? body(l, { bold: true }) : body(l)));
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

export function tableCell(
  width: number,
  text: string,
  o: { bold?: boolean; italics?: boolean; align?: 'left' | 'center' | 'right' },
) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE },
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    verticalAlign: VerticalAlign.CENTER,
    children: [
      new Paragraph({
        alignment:
          o.align === 'left' ? AlignmentType.LEFT : o.align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
        spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
        children: [run(text, { size: SIZE.table, bold: o.bold, italics: o.italics })],
      }),
    ],
  });
}

/** A table of fixed layout whose explicit column widths add up to the text width, so no viewer widens it. */
export function fixedTable(columns: readonly number[], rows: TableRow[]) {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [...columns],
    rows,
  });
}

/** Columns from fixed widths and one that takes the rest of the text width (the name or label column). */
export function columnsWithRest(fixed: number[], restAt: number): number[] {
  const rest = TEXT_WIDTH - fixed.reduce((a, b) => a + b, 0);
  return [...fixed.slice(0, restAt), rest, ...fixed.slice(restAt)];
}

/** An empty paragraph of the given space after (twips): between blocks, and after a table (Word adds one anyway). */
export const spacer = (after: number) => new Paragraph({ spacing: { before: 0, after }, children: [] });

/** Page numbers from page 2: a centred PAGE field in the default header, an empty header on page 1 (titlePg). */
function pageHeaders() {
  return {
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: halfPoints(SIZE.pageNumber) })],
        }),
      ],
    }),
    first: new Header({ children: [new Paragraph({ children: [] })] }),
  };
}

/** The A4 portrait page with the decree's margins, the body font and the page numbers, around `children`. */
export function officialDocument(title: string, children: (Paragraph | Table)[]): Document {
  return new Document({
    creator: 'Đoàn Viên',
    title,
    styles: { default: { document: { run: { font: FONT, size: halfPoints(SIZE.body) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: PAGE.margin,
          },
        },
        headers: pageHeaders(),
        children,
      },
    ],
  });
}
