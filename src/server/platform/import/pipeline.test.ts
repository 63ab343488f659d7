// The pieces together, on real files: open, find the header, parse the cells.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  detectHeader,
  type FieldSpec,
  openTable,
  type ParseResult,
  parseCount,
  parseDate,
  parseMst,
  parseText,
  type TableRow,
  type ValueParser,
} from './index.js';

type Key = 'mst' | 'name' | 'workers' | 'female' | 'founded';
const FIELDS: FieldSpec<Key>[] = [
  { key: 'mst', label: 'Mã số thuế', synonyms: ['MST', 'Mã số DN', 'Mã số doanh nghiệp'], required: true },
  { key: 'name', label: 'Tên doanh nghiệp', synonyms: ['Tên DN', 'Tên đơn vị'], required: true },
  { key: 'workers', label: 'Số lao động', synonyms: ['Tổng số lao động', 'Tổng số LĐ', 'Số LĐ', 'Tổng số'] },
  { key: 'female', label: 'Lao động nữ', synonyms: ['Số lao động nữ', 'Nữ'] },
  { key: 'founded', label: 'Ngày thành lập', synonyms: ['Ngày cấp phép'] },
];
const PARSERS: Record<Key, ValueParser<unknown>> = {
  mst: parseMst,
  name: parseText(255),
  workers: parseCount,
  female: parseCount,
  founded: parseDate,
};

interface Outcome {
  row: number;
  values: Partial<Record<Key, unknown>>;
  problems: string[];
}

/** One pass over the file: the first 30 rows are held back for header detection, then the same stream goes on. */
async function importFile(path: string) {
  const table = await openTable(path);
  const iterator = table.rows()[Symbol.asyncIterator]();
  const head: TableRow[] = [];
  let next = await iterator.next();
  while (!next.done && head.length < 30) {
    head.push(next.value);
    next = await iterator.next();
  }
  const header = detectHeader(head, FIELDS);
  if (!header) throw new Error('no header');
  const outcomes: Outcome[] = [];
  const handle = (r: TableRow) => {
    if (r.row < header.dataStartRow) return;
    const values: Partial<Record<Key, unknown>> = {};
    const problems: string[] = [];
    for (const f of FIELDS) {
      const col = header.mapping[f.key];
      const result: ParseResult<unknown> = PARSERS[f.key](col === null ? null : r.cells[col]);
      if ('error' in result) problems.push(result.error.vi);
      else {
        values[f.key] = result.value;
        if ('warning' in result) problems.push(result.warning.vi);
      }
    }
    outcomes.push({ row: r.row, values, problems });
  };
  head.forEach(handle);
  while (!next.done) {
    handle(next.value);
    next = await iterator.next();
  }
  return { table, header, outcomes };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-pipeline-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('import pipeline', () => {
  it('an export with title rows, a header in row 4, renamed columns and mixed value forms', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DN');
    ws.getCell('A1').value = 'DANH SÁCH DOANH NGHIỆP TRÊN ĐỊA BÀN XÃ PHÚ RIỀNG';
    ws.mergeCells('A1:F1');
    ws.getCell('A2').value = 'Ngày 15 tháng 01 năm 2025';
    ws.getRow(4).values = ['STT', 'Mã số DN', 'Tên DN', 'Tổng số LĐ', 'Ngày cấp phép', 'Ghi chú'];
    ws.getRow(5).values = [1, 312345673, 'Công ty TNHH Hải Đăng', '15 người', 43905];
    ws.getRow(6).values = [2, '0301234562', 'Công ty CP Sao Mai', '1.250', new Date(Date.UTC(2019, 5, 5))];
    ws.getRow(7).values = [3, '0301234563', 'Công ty Lỗi', -2, '31/02/2020'];
    ws.getRow(8).values = [4, '7901234567-001', 'Chi nhánh Đồng Nai', 20, '05/06/2019'];
    const path = join(dir, 'renamed.xlsx');
    await wb.xlsx.writeFile(path);

    const { header, outcomes } = await importFile(path);
    expect(header).toMatchObject({
      headerRows: [4],
      dataStartRow: 5,
      mapping: { mst: 1, name: 2, workers: 3, female: null, founded: 4 },
      unmapped: [
        { index: 0, header: 'STT' },
        { index: 5, header: 'Ghi chú' },
      ],
    });
    expect(outcomes).toEqual([
      {
        row: 5,
        values: { mst: '0312345673', name: 'Công ty TNHH Hải Đăng', workers: 15, female: null, founded: '2020-03-15' },
        problems: ['MST được bổ sung số 0 ở đầu'],
      },
      {
        row: 6,
        values: { mst: '0301234562', name: 'Công ty CP Sao Mai', workers: 1250, female: null, founded: '2019-06-05' },
        problems: [],
      },
      {
        row: 7,
        values: { name: 'Công ty Lỗi', female: null },
        problems: [
          'Mã số thuế «0301234563» sai chữ số kiểm tra',
          'Số lượng phải là số nguyên không âm: «-2»',
          'Ngày không hợp lệ: «31/02/2020» (cần dd/mm/yyyy)',
        ],
      },
      {
        row: 8,
        values: { mst: '7901234567-001', name: 'Chi nhánh Đồng Nai', workers: 20, female: null, founded: '2019-06-05' },
        problems: [],
      },
    ]);
  });

  it('a two-row header built with real merged cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tổng hợp');
    ws.getCell('A1').value = 'BÁO CÁO TÌNH HÌNH LAO ĐỘNG';
    ws.mergeCells('A1:G1');
    ws.getCell('A3').value = 'STT';
    ws.mergeCells('A3:A4');
    ws.getCell('B3').value = 'Thông tin doanh nghiệp';
    ws.mergeCells('B3:D3');
    ws.getCell('E3').value = 'Số lao động';
    ws.mergeCells('E3:F3');
    ws.getCell('G3').value = 'Ghi chú';
    ws.mergeCells('G3:G4');
    ws.getRow(4).getCell(2).value = 'Mã số thuế';
    ws.getRow(4).getCell(3).value = 'Tên doanh nghiệp';
    ws.getRow(4).getCell(4).value = 'Ngày thành lập';
    ws.getRow(4).getCell(5).value = 'Tổng số';
    ws.getRow(4).getCell(6).value = 'Nữ';
    ws.getRow(5).values = [1, '0312345673', 'Công ty A', '15/03/2020', 120, 80];
    const path = join(dir, 'two-row.xlsx');
    await wb.xlsx.writeFile(path);

    const { header, outcomes } = await importFile(path);
    expect(header).toMatchObject({
      headerRows: [3, 4],
      dataStartRow: 5,
      mapping: { mst: 1, name: 2, founded: 3, workers: 4, female: 5 },
    });
    expect(outcomes).toEqual([
      {
        row: 5,
        values: { mst: '0312345673', name: 'Công ty A', founded: '2020-03-15', workers: 120, female: 80 },
        problems: [],
      },
    ]);
  });

  it('a UTF-16 "Unicode text" export with tabs and a multi-line quoted field', async () => {
    const text = [
      'DANH SÁCH DOANH NGHIỆP',
      '',
      'MST\tTên DN\tTổng số LĐ\tSố lao động nữ',
      '312345673\t"Công ty Hải Đăng, chi nhánh\r\nBình Dương"\t15 người\t7',
    ].join('\r\n');
    const path = join(dir, 'unicode.txt');
    await writeFile(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const { table, header, outcomes } = await importFile(path);
    expect(table).toMatchObject({ kind: 'csv', encoding: 'utf-16le', delimiter: '\t' });
    expect(header.headerRows).toEqual([3]);
    expect(outcomes).toEqual([
      {
        row: 4,
        values: {
          mst: '0312345673',
          name: 'Công ty Hải Đăng, chi nhánh Bình Dương',
          workers: 15,
          female: 7,
          founded: null,
        },
        problems: ['MST được bổ sung số 0 ở đầu'],
      },
    ]);
  });
});
