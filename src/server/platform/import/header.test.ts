import { describe, expect, it } from 'vitest';
import { detectHeader, type FieldSpec, foldHeader } from './header.js';
import type { CellValue, TableRow } from './types.js';

const FIELDS: FieldSpec<'mst' | 'name' | 'address' | 'workers' | 'female' | 'founded' | 'note'>[] = [
  {
    key: 'mst',
    label: 'Mã số thuế',
    synonyms: ['MST', 'Mã số DN', 'Mã số doanh nghiệp', 'Mã số thuế doanh nghiệp'],
    required: true,
  },
  { key: 'name', label: 'Tên doanh nghiệp', synonyms: ['Tên DN', 'Tên đơn vị', 'Tên công ty'], required: true },
  { key: 'address', label: 'Địa chỉ', synonyms: ['Địa chỉ trụ sở', 'Trụ sở chính'] },
  { key: 'workers', label: 'Số lao động', synonyms: ['Tổng số lao động', 'Tổng số LĐ', 'Số LĐ', 'Tổng số'] },
  { key: 'female', label: 'Lao động nữ', synonyms: ['Số lao động nữ', 'Nữ', 'LĐ nữ'] },
  { key: 'founded', label: 'Ngày thành lập', synonyms: ['Ngày cấp phép', 'Ngày cấp GCN ĐKDN'] },
  { key: 'note', label: 'Ghi chú', synonyms: [] },
];

const rows = (...specs: [number, CellValue[]][]): TableRow[] => specs.map(([row, cells]) => ({ row, cells }));

describe('foldHeader', () => {
  it('folds marks, đ, case and punctuation', () => {
    expect(foldHeader('  Mã số thuế (MST)\n')).toBe('ma so thue mst');
    expect(foldHeader('Tổng số LĐ:')).toBe('tong so ld');
    expect(foldHeader('Địa chỉ/Trụ sở')).toBe('dia chi tru so');
    expect(foldHeader('Hoà')).toBe(foldHeader('Hòa'));
  });
});

describe('detectHeader', () => {
  it('finds a header below title rows and maps renamed columns', () => {
    const r = rows(
      [1, ['DANH SÁCH DOANH NGHIỆP TRÊN ĐỊA BÀN PHƯỜNG BẾN NGHÉ']],
      [2, ['Tính đến ngày 15/01/2025']],
      [4, ['STT', 'MST', 'Tên DN', 'Địa chỉ trụ sở', 'Tổng số LĐ', 'Ghi chú']],
      [5, [1, '0312345673', 'Công ty TNHH Hải Đăng', 'Số 1, Lê Lợi', 15, null]],
      [6, [2, '0301234562', 'Công ty CP Sao Mai', 'Quận 3', 20, 'mới']],
    );
    const h = detectHeader(r, FIELDS);
    expect(h).toMatchObject({
      headerRows: [4],
      dataStartRow: 5,
      mapping: { mst: 1, name: 2, address: 3, workers: 4, female: null, founded: null, note: 5 },
      unmapped: [{ index: 0, header: 'STT' }],
      missingRequired: [],
    });
    expect(h?.columns.map((c) => c.header)).toEqual([
      'STT',
      'MST',
      'Tên DN',
      'Địa chỉ trụ sở',
      'Tổng số LĐ',
      'Ghi chú',
    ]);
  });

  it('prefers the exact synonym over a header that merely contains it', () => {
    const h = detectHeader(
      rows(
        [1, ['Mã số thuế người đại diện', 'Tên doanh nghiệp', 'Mã số thuế']],
        [2, ['8012345678', 'A', '0312345673']],
      ),
      FIELDS,
    );
    expect(h?.mapping.mst).toBe(2);
  });

  it('falls back to containment either way: a synonym inside the header, a short header inside a synonym', () => {
    const h = detectHeader(rows([3, ['Mã số thuế (10 số)', 'Tên', 'Địa chỉ liên hệ']]), FIELDS);
    expect(h?.mapping).toMatchObject({ mst: 0, name: 1, address: 2 });
  });

  it('reads a two-row header with merged group labels and skips a column-numbering row', () => {
    // As the streaming reader sees merges: the label only in the top-left cell of each merged range.
    const r = rows(
      [1, ['DANH SÁCH DOANH NGHIỆP']],
      [3, ['STT', 'Thông tin doanh nghiệp', null, null, 'Số lao động', null, 'Ghi chú']],
      [4, [null, 'Mã số DN', 'Tên DN', 'Ngày thành lập', 'Tổng số', 'Nữ']],
      [5, ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)']],
      [6, [1, '0312345673', 'Công ty A', '15/03/2020', 15, 7]],
    );
    const h = detectHeader(r, FIELDS);
    expect(h).toMatchObject({
      headerRows: [3, 4],
      dataStartRow: 6,
      mapping: { mst: 1, name: 2, address: null, workers: 4, female: 5, founded: 3, note: 6 },
    });
    expect(h?.columns).toEqual([
      { index: 0, header: 'STT' },
      { index: 1, header: 'Thông tin doanh nghiệp Mã số DN' },
      { index: 2, header: 'Thông tin doanh nghiệp Tên DN' },
      { index: 3, header: 'Thông tin doanh nghiệp Ngày thành lập' },
      { index: 4, header: 'Số lao động Tổng số' },
      { index: 5, header: 'Số lao động Nữ' },
      { index: 6, header: 'Ghi chú' },
    ]);
  });

  it('does not carry a label merged down over both rows into the next column', () => {
    const r = rows(
      [3, ['STT', 'Thông tin doanh nghiệp', null, 'Ghi chú']],
      [4, [null, 'Mã số thuế', 'Tên DN']],
      [5, [1, '0312345673', 'Công ty A', 'x']],
    );
    const h = detectHeader(r, FIELDS);
    expect(h?.headerRows).toEqual([3, 4]);
    expect(h?.columns.map((c) => c.header)).toEqual([
      'STT',
      'Thông tin doanh nghiệp Mã số thuế',
      'Thông tin doanh nghiệp Tên DN',
      'Ghi chú',
    ]);
  });

  it('does not glue the first data row onto a one-row header', () => {
    const r = rows(
      [4, ['Mã số thuế', 'Tên doanh nghiệp', 'Số lao động']],
      [5, ['0312345673', 'Công ty nữ trang', '15']],
    );
    expect(detectHeader(r, FIELDS)).toMatchObject({ headerRows: [4], dataStartRow: 5 });
  });

  it('does not glue a title line onto the header', () => {
    const r = rows([1, ['Danh sách doanh nghiệp']], [2, ['Mã số thuế', 'Tên', 'Số LĐ']], [3, ['0312345673', 'A', 3]]);
    expect(detectHeader(r, FIELDS)).toMatchObject({ headerRows: [2], mapping: { mst: 0, name: 1, workers: 2 } });
  });

  it('gives each column to one field and each field one column', () => {
    // "Số lao động nữ" could be read as workers; the better match (female) claims it.
    const h = detectHeader(rows([1, ['Số lao động', 'Số lao động nữ', 'Số lao động']]), FIELDS);
    expect(h?.mapping).toMatchObject({ workers: 0, female: 1 });
    expect(h?.unmapped).toEqual([{ index: 2, header: 'Số lao động' }]);
  });

  it('lists required fields that nothing matched', () => {
    const h = detectHeader(rows([1, ['Tên doanh nghiệp', 'Địa chỉ']]), FIELDS);
    expect(h?.missingRequired).toEqual(['mst']);
  });

  it('returns null when nothing looks like a header', () => {
    expect(detectHeader(rows([1, ['abc', 'xyz']], [2, [1, 2, 3]]), FIELDS)).toBeNull();
    expect(detectHeader([], FIELDS)).toBeNull();
  });
});
