import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  detectHeader,
  openTable,
  type TableRow,
  TEMPLATE_LIST_SHEET,
  writeRowsXlsx,
  writeTemplateXlsx,
} from './index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-out-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

type Validations = { model: Record<string, ExcelJS.DataValidation> };

describe('writeRowsXlsx', () => {
  it('writes a bold, frozen header, typed cells and a red error column', async () => {
    const path = join(dir, 'errors.xlsx');
    await writeRowsXlsx(path, {
      sheetName: 'Lỗi: nhập/xuất',
      headers: ['Dòng', 'Mã số thuế', 'Tên doanh nghiệp', 'Ngày thành lập'],
      rows: [
        [5, '0312345673', 'Công ty TNHH Hải Đăng', new Date(Date.UTC(2020, 2, 15)), 'Ngày không hợp lệ'],
        [6, '0301234562', 'Có ký tự lạ \u0001 ở đây', null, null],
        [7, '=1+1', true, Number.NaN, { toString: () => 'đối tượng' }],
      ],
      errorColumn: 'Lỗi',
    });
    const wb = await load(path);
    const ws = wb.worksheets[0];
    expect(ws?.name).toBe('Lỗi  nhập xuất');
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws?.getRow(1).values).toEqual([
      undefined,
      'Dòng',
      'Mã số thuế',
      'Tên doanh nghiệp',
      'Ngày thành lập',
      'Lỗi',
    ]);
    expect(ws?.getCell('A1').font?.bold).toBe(true);
    expect(ws?.getCell('E2').value).toBe('Ngày không hợp lệ');
    expect(ws?.getCell('E2').font?.color?.argb).toBe('FFC00000');
    expect(ws?.getCell('D2').value).toEqual(new Date(Date.UTC(2020, 2, 15)));
    expect(ws?.getCell('D2').numFmt).toBe('dd/mm/yyyy');
    expect(ws?.getCell('C3').value).toBe('Có ký tự lạ  ở đây');
    // Text that looks like a formula stays text.
    // Text that looks like a formula stays text (see 'export safety').
    expect(ws?.getCell('B4').text).toBe('=1+1');
    expect(ws?.getCell('B4').formula).toBeUndefined();
    expect(ws?.getCell('C4').value).toBe(true);
    expect(ws?.getCell('D4').value).toBeNull();
    expect(ws?.getCell('E4').value).toBe('đối tượng');
  });

  it('streams rows from a generator into a stream', async () => {
    const path = join(dir, 'generated.xlsx');
    function* rows() {
      for (let i = 1; i <= 2000; i++) yield [i, `Công ty ${i}`];
    }
    const out = createWriteStream(path);
    await writeRowsXlsx(out, { sheetName: 'DS', headers: ['STT', 'Tên'], rows: rows() });
    await finished(out);
    const t = await openTable(path);
    let last: TableRow | undefined;
    let n = 0;
    for await (const r of t.rows()) {
      last = r;
      n++;
    }
    expect(n).toBe(2001);
    expect(last).toEqual({ row: 2001, cells: [2000, 'Công ty 2000'] });
  });
});

describe('writeTemplateXlsx', () => {
  const longOptions = Array.from({ length: 40 }, (_, i) => `Phường/xã số ${i + 1} thuộc tỉnh Đồng Nai`);

  it('writes title, header, example and drop-down lists (inline or from the hidden sheet)', async () => {
    const path = join(dir, 'template.xlsx');
    const out = createWriteStream(path);
    await writeTemplateXlsx(out, {
      title: 'MẪU NHẬP DANH SÁCH DOANH NGHIỆP',
      fields: [
        { label: 'Mã số thuế', example: '0312345673', note: '10 chữ số, chi nhánh: 10 chữ số-3 chữ số' },
        { label: 'Tên doanh nghiệp', example: 'Công ty TNHH Hải Đăng' },
        { label: 'Loại hình', example: 'Tư nhân', options: ['Nhà nước', 'Tư nhân', 'Vốn nước ngoài'] },
        { label: 'Phường/xã', example: longOptions[0], options: longOptions },
        { label: 'Ngày thành lập', example: new Date(Date.UTC(2020, 2, 15)) },
        { label: 'Ghi chú', options: ['Có, đã liên hệ', 'Chưa'] },
      ],
    });
    await finished(out);

    const wb = await load(path);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    expect(ws.getCell('A1').value).toBe('MẪU NHẬP DANH SÁCH DOANH NGHIỆP');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('F1').isMerged).toBe(true);
    expect(ws.getRow(2).values).toEqual([
      undefined,
      'Mã số thuế',
      'Tên doanh nghiệp',
      'Loại hình',
      'Phường/xã',
      'Ngày thành lập',
      'Ghi chú',
    ]);
    expect(ws.getCell('B2').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getCell('A2').note).toBeTruthy();
    expect(ws.getCell('A3').value).toBe('0312345673');
    expect(ws.getCell('E3').value).toEqual(new Date(Date.UTC(2020, 2, 15)));

    // ExcelJS's reader expands each validated range into one entry per cell.
    const dv = (ws as unknown as { dataValidations: Validations }).dataValidations.model;
    for (const row of [3, 500, 1000]) {
      expect(dv[`C${row}`]).toMatchObject({ type: 'list', formulae: ['"Nhà nước,Tư nhân,Vốn nước ngoài"'] });
      // Too long for an inline list, and a list with a comma in an option: both read from the hidden sheet.
      expect(dv[`D${row}`]).toMatchObject({ type: 'list', formulae: [`'${TEMPLATE_LIST_SHEET}'!$A$2:$A$41`] });
      expect(dv[`F${row}`]).toMatchObject({ type: 'list', formulae: [`'${TEMPLATE_LIST_SHEET}'!$B$2:$B$3`] });
    }
    expect(dv.C2).toBeUndefined();
    expect(dv.C1001).toBeUndefined();
    expect(dv.A3).toBeUndefined();
    const lists = wb.getWorksheet(TEMPLATE_LIST_SHEET);
    expect(lists?.state).toBe('hidden');
    expect(lists?.getCell('A1').value).toBe('Phường/xã');
    expect(lists?.getCell('A41').value).toBe(longOptions[39]);
    expect(lists?.getCell('B2').value).toBe('Có, đã liên hệ');
  });

  it('produces a file the importer reads back, header found in row 2', async () => {
    const path = join(dir, 'template2.xlsx');
    await writeTemplateXlsx(path, {
      title: 'MẪU NHẬP',
      fields: [
        { label: 'Mã số thuế', example: '0312345673' },
        { label: 'Tên doanh nghiệp', example: 'Công ty A' },
      ],
    });
    const t = await openTable(path);
    const rows: TableRow[] = [];
    for await (const r of t.rows()) rows.push(r);
    const h = detectHeader(rows, [
      { key: 'mst', label: 'Mã số thuế', synonyms: [] },
      { key: 'name', label: 'Tên doanh nghiệp', synonyms: [] },
    ]);
    expect(h).toMatchObject({ headerRows: [2], dataStartRow: 3, mapping: { mst: 0, name: 1 } });
    expect(rows.at(-1)).toEqual({ row: 3, cells: ['0312345673', 'Công ty A'] });
  });
});

describe('export safety', () => {
  it('writes text that looks like a formula as a real string, never a formula or its result', async () => {
    const path = join(dir, 'formula.xlsx');
    const evil = ['=HYPERLINK("http://x","bấm")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', 'Công ty An Bình'];
    await writeRowsXlsx(path, { sheetName: 'DS', headers: ['Tên'], rows: evil.map((e) => [e]) });
    const { openZip } = await import('./zip.js');
    const zip = await openZip(path);
    const entry = [...zip.entries.keys()].find((k) => k.startsWith('xl/worksheets/'));
    const xml = (await zip.read(zip.entries.get(entry as string) as never, 1 << 20)).toString('utf8');
    zip.close();
    expect(xml).not.toMatch(/<f>/);
    expect(xml).not.toMatch(/t="str"><v>[=+\-@\t]/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const read = [2, 3, 4, 5, 6, 7].map((r) => wb.worksheets[0]?.getCell(`A${r}`).text);
    expect(read).toEqual(evil);
  });
});
