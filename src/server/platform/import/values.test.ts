import { describe, expect, it } from 'vitest';
import type { CellValue } from './types.js';
import * as values from './values.js';

/** The parsers with their messages as a Vietnamese reader sees them (each message carries both languages). */
function vi<T>(r: values.ParseResult<T>) {
  if ('error' in r) return { error: r.error.vi };
  if ('warning' in r) return { value: r.value, warning: r.warning.vi };
  return r;
}
const inVi =
  <T>(parse: values.ValueParser<T>) =>
  (raw: CellValue | undefined) =>
    vi(parse(raw));
const parseCount = inVi(values.parseCount);
const parseDate = inVi(values.parseDate);
const parseMst = inVi(values.parseMst);
const parseText = (max: number) => inVi(values.parseText(max));
const parseEnum = (options: Parameters<typeof values.parseEnum>[0], fillers?: string[]) =>
  inVi(values.parseEnum(options, fillers));
const MST_ZERO_WARNING = values.MST_ZERO_WARNING.vi;

describe('parseCount', () => {
  it.each([
    [15, 15],
    ['15', 15],
    ['15 người', 15],
    ['  15 lao động ', 15],
    ['15 LĐ', 15],
    ['1.250', 1250],
    ['1,250', 1250],
    ['1 250', 1250],
    ['12.500.000', 12_500_000],
    ['1.250,0', 1250],
    ['1,250.00', 1250],
    ['15.0', 15],
    [15.000000000000002, 15],
    [0, 0],
    ['0', 0],
  ])('%j → %j', (raw, value) => {
    expect(parseCount(raw)).toEqual({ value });
  });

  it.each([-1, '-3', 1.5, '1,5', '1.25', '0.500', '1.250,5'])('%j is not a whole non-negative number', (raw) => {
    const r = parseCount(raw);
    expect(r).toHaveProperty('error');
    expect((r as { error: string }).error).toMatch(/^Số lượng phải là số nguyên không âm/);
  });

  it.each(['mười lăm', 'khoảng 15', '10-15', '1.25.0', 'x', true, new Date()])('%j is not a number', (raw) => {
    expect(parseCount(raw)).toEqual({ error: expect.stringMatching(/^Số lượng không hợp lệ: «.*»/) });
  });

  it('leaves blanks to the caller', () => {
    expect(parseCount(null)).toEqual({ value: null });
    expect(parseCount('  ')).toEqual({ value: null });
    expect(parseCount(undefined)).toEqual({ value: null });
  });
});

describe('parseDate', () => {
  it.each([
    [new Date(Date.UTC(2020, 2, 15)), '2020-03-15'],
    [43905, '2020-03-15'],
    [43905.75, '2020-03-15'],
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    ['15/03/2020', '2020-03-15'],
    ['5/3/2020', '2020-03-05'],
    ['15-03-2020', '2020-03-15'],
    ['15.03.2020', '2020-03-15'],
    ['2020-03-15', '2020-03-15'],
    ['15/03/2020 00:00:00', '2020-03-15'],
    ['2020-03-15T00:00:00', '2020-03-15'],
    ['29/02/2024', '2024-02-29'],
  ])('%j → %s', (raw, value) => {
    expect(parseDate(raw)).toEqual({ value });
  });

  it.each(['31/02/2020', '29/02/2023', '15/13/2020', '15/03/20', '15/03-2020', 'hôm qua', '2020', 0, -5, 60, true])(
    '%j is not a date',
    (raw) => {
      expect(parseDate(raw)).toEqual({
        error: expect.stringMatching(/^Ngày không hợp lệ: «.*» \(cần dd\/mm\/yyyy\)$/),
      });
    },
  );

  it('rejects implausible years', () => {
    expect(parseDate('01/01/1899')).toEqual({ error: 'Ngày không hợp lệ: «01/01/1899» (năm phải từ 1900 đến 2100)' });
    expect(parseDate('01/01/2101')).toHaveProperty('error');
    expect(parseDate(1_000_000)).toHaveProperty('error');
    expect(parseDate(new Date(Date.UTC(1850, 0, 1)))).toHaveProperty('error');
  });

  it('quotes the input in the message', () => {
    expect(parseDate('15 tháng 3')).toEqual({ error: 'Ngày không hợp lệ: «15 tháng 3» (cần dd/mm/yyyy)' });
  });
});

describe('parseText', () => {
  const p = parseText(10);
  it('trims, collapses whitespace and normalises to NFC', () => {
    expect(p('  Hải\n  Đăng ')).toEqual({ value: 'Hải Đăng' });
    expect(p('Ha\u0300 Nô\u0323i')).toEqual({ value: 'Hà Nội' });
    expect(p(1250)).toEqual({ value: '1250' });
    expect(p(new Date(Date.UTC(2020, 2, 5)))).toEqual({ value: '05/03/2020' });
    expect(p('   ')).toEqual({ value: null });
  });
  it('counts characters, not UTF-16 units or bytes, and names the maximum', () => {
    expect(p('Đặng Thị Ả')).toEqual({ value: 'Đặng Thị Ả' });
    expect(p('Nguyễn Văn An')).toEqual({ error: 'Quá dài: 13 ký tự, tối đa 10 ký tự' });
  });
});

describe('parseEnum', () => {
  const ownership = parseEnum([
    { code: 'DNNN', labels: ['Doanh nghiệp nhà nước', 'Nhà nước'] },
    { code: 'FDI', labels: ['Doanh nghiệp có vốn đầu tư nước ngoài', 'Vốn nước ngoài'] },
    { code: 'NGOAI_NN', labels: ['Doanh nghiệp ngoài nhà nước', 'Tư nhân'] },
  ]);
  it('matches codes and labels ignoring case, marks and punctuation', () => {
    expect(ownership('dnnn')).toEqual({ value: 'DNNN' });
    expect(ownership('Doanh nghiệp Nhà nước')).toEqual({ value: 'DNNN' });
    expect(ownership('doanh nghiep co von dau tu nuoc ngoai')).toEqual({ value: 'FDI' });
    expect(ownership(' Tư  nhân. ')).toEqual({ value: 'NGOAI_NN' });
    expect(ownership(null)).toEqual({ value: null });
  });
  it('tries a value without the words put before it ("Cty TNHH 1TV"), only when the whole matches nothing', () => {
    const kinds = parseEnum(
      [
        { code: 'PRIVATE', labels: ['TNHH 1TV', 'Tư nhân', 'DNTN'] },
        { code: 'FDI', labels: ['Liên doanh'] },
      ],
      ['Công ty', 'Cty', 'DN'],
    );
    expect(kinds('Cty TNHH 1TV')).toEqual({ value: 'PRIVATE' });
    expect(kinds('Công ty liên doanh')).toEqual({ value: 'FDI' });
    expect(kinds('DN tư nhân')).toEqual({ value: 'PRIVATE' });
    expect(kinds('DNTN')).toEqual({ value: 'PRIVATE' });
    expect(kinds('Cty liên kết')).toHaveProperty('error');
    // Without fillers the lookup is the whole value only.
    expect(ownership('Cty Tư nhân')).toHaveProperty('error');
  });
  it('lists the allowed values when it does not know one', () => {
    expect(ownership('Hợp tác xã')).toEqual({
      error:
        'Giá trị «Hợp tác xã» không có trong danh sách. Chọn một trong: Doanh nghiệp nhà nước, Doanh nghiệp có vốn đầu tư nước ngoài, Doanh nghiệp ngoài nhà nước',
    });
  });
});

describe('parseMst', () => {
  it('accepts valid codes in canonical form', () => {
    expect(parseMst('0312345673')).toEqual({ value: '0312345673' });
    expect(parseMst(' 0312 345 673 ')).toEqual({ value: '0312345673' });
    expect(parseMst('0312345673001')).toEqual({ value: '0312345673-001' });
  });
  it('puts back a lost leading zero, with a warning', () => {
    expect(parseMst(312345673)).toEqual({ value: '0312345673', warning: MST_ZERO_WARNING });
    expect(parseMst('312345673')).toEqual({ value: '0312345673', warning: 'MST được bổ sung số 0 ở đầu' });
  });
  it('names the fault', () => {
    expect(parseMst('0312345674')).toEqual({ error: 'Mã số thuế «0312345674» sai chữ số kiểm tra' });
    expect(parseMst(312345674)).toEqual({ error: 'Mã số thuế «312345674» sai chữ số kiểm tra' });
    expect(parseMst('0100000003')).toEqual({ error: expect.stringContaining('toàn số 0') });
    expect(parseMst('031234567')).toEqual({ error: expect.stringContaining('sai chữ số kiểm tra') });
    expect(parseMst('MST 0312')).toEqual({ error: expect.stringContaining('không đúng định dạng') });
    expect(parseMst(new Date())).toEqual({ error: expect.stringContaining('không đúng định dạng') });
    expect(parseMst('')).toEqual({ value: null });
  });
});
