// Real office files through the engine: title rows, a total row and a signature block, Excel error cells,
// a damaged shared-string reference, hidden control characters, unknown spellings and duplicate keys.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.js';
import { storedZip } from '../../test/files.js';
import {
  cellFault,
  endOfTable,
  type FieldSpec,
  type ImportSpec,
  parseEnum,
  parseMst,
  parseText,
  runImport,
} from './index.js';

type Key = 'mst' | 'name' | 'ownership';
const FIELDS: FieldSpec<Key>[] = [
  { key: 'mst', label: 'Mã số thuế', synonyms: ['MST'] },
  { key: 'name', label: 'Tên doanh nghiệp', synonyms: ['Tên DN'], required: true },
  { key: 'ownership', label: 'Loại hình', synonyms: [] },
];
type Row = { mst: string | null; name: string; ownership: string | null };
const OWNERSHIP = [
  { code: 'PRIVATE', labels: ['Ngoài nhà nước', 'TNHH'] },
  { code: 'FDI', labels: ['Có vốn nước ngoài'] },
];

/** A spec that writes nothing: the runs below are previews, the engine's reading is what is tested. */
const spec: ImportSpec<Key, Row> = {
  fields: FIELDS,
  parsers: { mst: parseMst, name: parseText(255), ownership: parseEnum(OWNERSHIP) },
  choices: {
    ownership: [
      { code: 'PRIVATE', name: 'Ngoài nhà nước' },
      { code: 'FDI', name: 'Có vốn nước ngoài' },
    ],
  },
  build(v) {
    const name = (v.name as string | null | undefined) ?? null;
    if (!name) return { value: null, issues: [{ field: 'name', message: { vi: 'Thiếu tên', en: 'No name' } }] };
    return {
      value: { mst: (v.mst as string | null) ?? null, name, ownership: (v.ownership as string | null) ?? null },
      issues: [],
    };
  },
  keyField: 'mst',
  keyOf: (v) => v.mst,
  labelOf: (v) => v.name,
  findExisting: async () => new Map(),
  insertMany: async () => [],
  update: async () => [],
};
const noDb = null as unknown as Db;
const preview = (file: string, extra: Partial<Parameters<typeof runImport>[2]> = {}) =>
  runImport(noDb, spec, { file, onDuplicate: 'update', mode: 'all', dryRun: true, batchId: null, ...extra });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-office-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The list as a district office sends it: title, merged header, 3 enterprises, a total row, the signatures. */
async function officeList(rows: unknown[][], name = 'list.xlsx'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.getCell('A1').value = 'LIÊN ĐOÀN LAO ĐỘNG HUYỆN PHÚ RIỀNG';
  ws.getCell('A2').value = 'DANH SÁCH DOANH NGHIỆP CHƯA CÓ TỔ CHỨC CÔNG ĐOÀN';
  ws.mergeCells('A2:E2');
  ws.getRow(4).values = ['STT', 'Mã số thuế', 'Tên doanh nghiệp', 'Loại hình', 'Số LĐ'];
  rows.forEach((r, i) => {
    ws.getRow(5 + i).values = r as ExcelJS.CellValue[];
  });
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

const MSTS = ['0312345673', '0301234562', '3800601245'];

describe('end of the table', () => {
  it('recognises total rows and signature lines by their shape, not data rows that look alike', () => {
    const r = (cells: unknown[]) => ({ row: 9, cells: cells as never[] });
    expect(endOfTable(r([null, null, 'Tổng cộng: 60 đơn vị', null, 1250]))).toBe('Tổng cộng: 60 đơn vị');
    expect(endOfTable(r(['Cộng', null, null, 3, 120]))).toBe('Cộng');
    expect(endOfTable(r([null, 'TỔNG SỐ', null, 45]))).toBe('TỔNG SỐ');
    expect(endOfTable(r([null, 'Người lập biểu', null, null, 'GIÁM ĐỐC']))).toBe('Người lập biểu');
    expect(endOfTable(r([null, null, null, 'Phú Riềng, ngày 15 tháng 3 năm 2024']))).not.toBeNull();
    expect(endOfTable(r([null, 'TM. BAN THƯỜNG VỤ']))).toBe('TM. BAN THƯỜNG VỤ');
    expect(endOfTable(r(['CHỦ TỊCH']))).toBe('CHỦ TỊCH');
    expect(endOfTable(r(['Nơi nhận:', '- Như trên;']))).toBe('Nơi nhận:');
    // Records are not the end of anything.
    expect(endOfTable(r([1, '0312345673', 'Công ty TNHH Cộng Hòa', 'TNHH', 12]))).toBeNull();
    expect(endOfTable(r([2, null, 'Cộng đồng Xanh', 'HTX']))).toBeNull();
    expect(endOfTable(r([3, '0312345673', 'Giám đốc Nguyễn Văn A', 'TNHH', 5]))).toBeNull();
  });

  it('stops reading at the total row: the rows after it are counted as info, not rejected', async () => {
    const file = await officeList([
      [1, MSTS[0], 'Công ty TNHH Hải Đăng', 'TNHH', 15],
      [2, MSTS[1], 'Công ty CP Sao Mai', 'TNHH', 30],
      [3, MSTS[2], 'Công ty TNHH Long Hà', 'Ngoài nhà nước', 15],
      [null, null, 'Tổng cộng: 3 đơn vị', null, 60],
      [],
      [null, 'Người lập biểu', null, 'GIÁM ĐỐC'],
      [null, null, null, 'Phú Riềng, ngày 15 tháng 3 năm 2024'],
      [],
      [],
      [null, 'Nguyễn Thị Hoa', null, 'Trần Văn Bình'],
    ]);
    const report = await preview(file);
    expect(report.rejected).toEqual([]);
    expect(report.rows).toBe(3);
    expect(report.inserted).toBe(3);
    expect(report.endOfTable).toMatchObject({ row: 8, text: 'Tổng cộng: 3 đơn vị', ignored: 4 });
    expect(report.info.map((m) => m.vi).join()).toMatch(/dòng 8.*Tổng cộng: 3 đơn vị.*4 dòng/);
  });

  it('ends at a signature block after a blank gap even without a total row', async () => {
    const file = await officeList([
      [1, MSTS[0], 'Công ty TNHH Hải Đăng', 'TNHH', 15],
      [],
      [],
      [null, 'TM. BAN THƯỜNG VỤ'],
      [null, 'CHỦ TỊCH'],
    ]);
    const report = await preview(file);
    expect(report.rejected).toEqual([]);
    expect(report.rows).toBe(1);
    expect(report.endOfTable?.text).toBe('TM. BAN THƯỜNG VỤ');
  });
});

describe('cells that are not data', () => {
  it('names Excel error values, damaged strings and control characters', () => {
    expect(cellFault('#REF!')?.vi).toMatch(/#REF!/);
    expect(cellFault('#N/A')?.vi).toMatch(/#N\/A/);
    expect(cellFault('#VALUE!')?.vi).toMatch(/giá trị lỗi/);
    expect(cellFault('Nguyễn \u202EnAV')?.vi).toMatch(/U\+202E/);
    expect(cellFault('Cty\u2066 A')?.vi).toMatch(/U\+2066/);
    expect(cellFault('A\u0007B')?.vi).toMatch(/U\+0007/);
    expect(cellFault('Dòng 1\nDòng 2')).toBeNull();
    expect(cellFault('#1 Công ty')).toBeNull();
    expect(cellFault(42)).toBeNull();
  });

  it('rejects error cells and bidi names with a message naming the row and the column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.getRow(1).values = ['Mã số thuế', 'Tên doanh nghiệp', 'Loại hình'];
    ws.getRow(2).values = [MSTS[0], { error: '#REF!' } as unknown as ExcelJS.CellValue, 'TNHH'];
    ws.getRow(3).values = [MSTS[1], 'Công ty \u202Eabc', 'TNHH'];
    ws.getRow(4).values = [MSTS[2], 'Công ty TNHH Long Hà', 'TNHH'];
    ws.getCell('B5').value = { formula: 'VLOOKUP(A5,X!A:B,2,0)', result: { error: '#N/A' } } as ExcelJS.CellValue;
    ws.getCell('A5').value = '0100109106';
    const file = join(dir, 'errors.xlsx');
    await wb.xlsx.writeFile(file);
    const report = await preview(file);
    const got = report.rejected.map((i) => `${i.row}|${i.column.vi}|${i.message.vi}`);
    expect(got).toHaveLength(3);
    expect(got[0]).toMatch(/^2\|Tên doanh nghiệp \(cột B\)\|.*#REF!/);
    expect(got[1]).toMatch(/^3\|Tên doanh nghiệp \(cột B\)\|.*U\+202E/);
    expect(got[2]).toMatch(/^5\|Tên doanh nghiệp \(cột B\)\|.*#N\/A/);
    expect(report.inserted).toBe(1);
  });

  it('a shared-string index that is fractional or out of range is a damaged cell, not the header text', async () => {
    const strings = ['Mã số thuế', 'Tên doanh nghiệp', 'Loại hình', 'TNHH', 'Công ty TNHH Hải Đăng'];
    const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`;
    const s = (ref: string, i: string) => `<c r="${ref}" t="s"><v>${i}</v></c>`;
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1">${s('A1', '0')}${s('B1', '1')}${s('C1', '2')}</row>
<row r="2"><c r="A2" t="str"><v>${MSTS[0]}</v></c>${s('B2', '4')}${s('C2', '3')}</row>
<row r="3"><c r="A3" t="str"><v>${MSTS[1]}</v></c>${s('B3', '1.5')}${s('C3', '3')}</row>
<row r="4"><c r="A4" t="str"><v>${MSTS[2]}</v></c>${s('B4', '99')}${s('C4', '3')}</row>
</sheetData></worksheet>`;
    const file = join(dir, 'broken-sst.xlsx');
    await writeFile(
      file,
      storedZip({
        '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        'xl/workbook.xml':
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>',
        'xl/_rels/workbook.xml.rels':
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        'xl/sharedStrings.xml': sst,
        'xl/worksheets/sheet1.xml': sheet,
      }),
    );
    const report = await preview(file);
    expect(report.preview.filter((p) => p.action === 'insert').map((p) => p.label)).toEqual(['Công ty TNHH Hải Đăng']);
    expect(report.rejected.map((i) => [i.row, i.column.vi])).toEqual([
      [3, 'Tên doanh nghiệp (cột B)'],
      [4, 'Tên doanh nghiệp (cột B)'],
    ]);
    expect(report.rejected[0]?.message.vi).toMatch(/Ô bị hỏng/);
  });
});

describe('values and keys', () => {
  it('offers an unknown spelling once per file, and reads it once it is mapped', async () => {
    const file = await officeList([
      [1, MSTS[0], 'Công ty A', 'Cty liên doanh', 15],
      [2, MSTS[1], 'Công ty B', 'Cty liên doanh', 30],
      [3, MSTS[2], 'Công ty C', 'CTY LIÊN DOANH', 15],
      [4, '0100109106', 'Công ty D', 'TNHH', 15],
    ]);
    const first = await preview(file);
    expect(first.unknownValues).toMatchObject([
      { field: 'ownership', raw: 'Cty liên doanh', folded: 'ctyliendoanh', rows: [5, 6, 7], count: 3 },
    ]);
    expect(first.unknownValues[0]?.choices.map((c) => c.code)).toEqual(['PRIVATE', 'FDI']);
    // One issue for the spelling, not one per row; the rows are still held back.
    expect(first.rejected).toHaveLength(1);
    expect(first.rejected[0]?.message.vi).toMatch(/«Cty liên doanh».*3 dòng/);
    expect(first.rejectedRows).toHaveLength(3);
    const mapped = await preview(file, { valueMapping: { ownership: { ctyliendoanh: 'FDI' } } });
    expect(mapped.rejected).toEqual([]);
    expect(mapped.inserted).toBe(4);
    // Still listed, with its meaning, so the preview's table keeps the row and the choice can be changed.
    expect(mapped.unknownValues).toMatchObject([
      { field: 'ownership', raw: 'Cty liên doanh', folded: 'ctyliendoanh', count: 3, mappedTo: 'FDI' },
    ]);
    expect(first.unknownValues[0]?.mappedTo).toBeNull();
    // A code that is not an entry of the list is not taken.
    const wrong = await preview(file, { valueMapping: { ownership: { ctyliendoanh: 'NOPE' } } });
    expect(wrong.unknownValues).toMatchObject([{ folded: 'ctyliendoanh', mappedTo: null }]);
  });

  it('reports a duplicate key even when the first row with it was rejected', async () => {
    const file = await officeList([
      [1, MSTS[0], null, 'TNHH', 15],
      [2, MSTS[0], 'Công ty TNHH Hải Đăng', 'TNHH', 30],
    ]);
    const report = await preview(file);
    expect(report.rejected.map((i) => [i.row, i.message.vi])).toEqual([
      [5, 'Thiếu tên'],
      [6, `Trùng ${MSTS[0]} với dòng 5 trong tệp (dòng đó cũng bị từ chối)`],
    ]);
  });
});
