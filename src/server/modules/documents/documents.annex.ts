import ExcelJS from 'exceljs';
import type { TReview } from '../../../shared/reviews/contract.js';
import { formatViDate } from '../../../shared/text/index.js';
import { STATUS_VI } from '../plans/plans.export.js';
import type { HeaderTexts } from './documents.header.js';
import { reviewSummary } from './documents.review.js';

type Col = { header: string; width: number; total?: boolean };
const FONT = { name: 'Times New Roman', size: 12 } as const;
const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;

/**
 * The report's figures annex (issue 12 §5): one sheet per table, each with the report's title block and
 * "as of" line, printable on A4 (fit to the page width, header row repeated), totals as SUM formulas where a
 * reader adds a column up (children's shares and actuals), never as typed numbers.
 */
function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: { header: HeaderTexts; summary: string; asOf: string; table: string },
  cols: Col[],
  rows: (string | number | null)[][],
  landscape = false,
) {
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.79, right: 0.59, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 },
    },
  });
  ws.columns = cols.map((c) => ({ width: c.width }));
  const lines = [
    title.header.issuer.toLocaleUpperCase('vi'),
    title.table,
    title.summary,
    `Số liệu tính đến ngày ${formatViDate(title.asOf)}`,
  ];
  for (const [i, text] of lines.entries()) {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, cols.length);
    row.getCell(1).font = { ...FONT, bold: i < 2, italic: i === 3 };
    row.getCell(1).alignment = { horizontal: i === 0 ? 'left' : 'center', vertical: 'middle', wrapText: true };
    if (i === 2) row.height = 32;
  }
  ws.addRow([]);
  const headRow = ws.addRow(cols.map((c) => c.header));
  headRow.eachCell((c) => {
    c.font = { ...FONT, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  });
  const first = headRow.number + 1;
  for (const r of rows) {
    const row = ws.addRow(r);
    row.eachCell({ includeEmpty: true }, (c) => {
      c.font = FONT;
      c.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      c.alignment = { vertical: 'middle', wrapText: true };
    });
  }
  if (cols.some((c) => c.total) && rows.length) {
    const last = first + rows.length - 1;
    const total = ws.addRow(
      cols.map((c, i) => {
        if (i === 1) return 'Tổng cộng';
        const letter = ws.getColumn(i + 1).letter;
        return c.total ? { formula: `SUM(${letter}${first}:${letter}${last})` } : null;
      }),
    );
    total.eachCell({ includeEmpty: true }, (c) => {
      c.font = { ...FONT, bold: true };
      c.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    });
  }
  ws.pageSetup.printTitlesRow = `${headRow.number}:${headRow.number}`;
  ws.views = [{ state: 'frozen', ySplit: headRow.number }];
}

export async function reviewAnnex(review: TReview, header: HeaderTexts): Promise<Buffer> {
  const f = review.figures;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Đoàn Viên';
  const base = { header, summary: reviewSummary(review), asOf: f.asOf };
  sheet(
    wb,
    'Chỉ tiêu',
    { ...base, table: 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU' },
    [
      { header: 'Mã', width: 8 },
      { header: 'Chỉ tiêu', width: 44 },
      { header: 'Chỉ tiêu giao', width: 12 },
      { header: 'Thực hiện', width: 12 },
      { header: 'Tỷ lệ (%)', width: 10 },
      { header: 'Trong kỳ', width: 10 },
      { header: 'So với kỳ trước', width: 12 },
      { header: 'Đang chờ xét', width: 11 },
      { header: 'Tình trạng', width: 16 },
    ],
    f.targets.flatMap((t) =>
      [t, ...t.subTargets].map((x) => [
        x.code,
        x.label,
        x.goal,
        x.actual,
        x.percent,
        x.inPeriod,
        x.change,
        x.pending,
        STATUS_VI[x.status],
      ]),
    ),
    true,
  );
  for (const t of f.targets.filter((x) => x.children.length)) {
    // A sum of percentages means nothing, so only counts get a total row.
    const counts = t.metricUnit !== 'percent';
    sheet(
      wb,
      `Theo đơn vị ${t.code}`.slice(0, 31),
      { ...base, table: `CHỈ TIÊU ${t.code} THEO ĐƠN VỊ: ${t.label.toLocaleUpperCase('vi')}` },
      [
        { header: 'STT', width: 6 },
        { header: 'Đơn vị', width: 40 },
        { header: 'Chỉ tiêu giao', width: 12, total: counts },
        { header: 'Thực hiện', width: 12, total: counts },
        { header: 'Tỷ lệ (%)', width: 10 },
        { header: 'Đơn vị báo cáo', width: 14, total: counts },
        { header: 'Tình trạng', width: 16 },
      ],
      t.children.map((c, i) => [
        i + 1,
        c.unitName,
        c.share,
        c.actual,
        c.percent,
        c.submitted?.actual ?? null,
        STATUS_VI[c.status],
      ]),
    );
  }
  sheet(
    wb,
    'CĐCS thành lập',
    { ...base, table: 'CÔNG ĐOÀN CƠ SỞ ĐƯỢC THÀNH LẬP TRONG KỲ' },
    [
      { header: 'STT', width: 6 },
      { header: 'Công đoàn cơ sở', width: 44 },
      { header: 'Ngày thành lập', width: 14 },
      { header: 'Quyết định số', width: 18 },
      { header: 'Trực thuộc', width: 28 },
    ],
    f.founded.map((u, i) => [i + 1, u.name, formatViDate(u.foundedOn), u.decisionNo, u.parentName]),
  );
  const notReached = f.notReached ?? [];
  sheet(
    wb,
    'DN chưa tiếp cận',
    {
      ...base,
      table: `DOANH NGHIỆP NGOÀI NHÀ NƯỚC CHƯA ĐƯỢC TIẾP CẬN (${notReached.length}/${Math.max(0, f.outreach.frame - f.outreach.reached)})`,
    },
    [
      { header: 'STT', width: 6 },
      { header: 'Doanh nghiệp', width: 50 },
      { header: 'Mã số thuế', width: 16 },
      { header: 'Số lao động', width: 12 },
    ],
    notReached.map((e, i) => [i + 1, e.name, e.mst, e.workers]),
  );
  sheet(
    wb,
    'Đơn vị chậm tiến độ',
    { ...base, table: 'ĐƠN VỊ CHẬM TIẾN ĐỘ' },
    [
      { header: 'STT', width: 6 },
      { header: 'Đơn vị', width: 44 },
      { header: 'Chỉ tiêu', width: 10 },
      { header: 'Tỷ lệ (%)', width: 10 },
      { header: 'Tình trạng', width: 18 },
    ],
    f.lagging.map((l, i) => [i + 1, l.unitName, l.code, l.percent, STATUS_VI[l.status]]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
