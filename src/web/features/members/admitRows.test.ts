import { describe, expect, it } from 'vitest';
import { humanisePaths, isEmptyRow, issuesByRow, parsePastedRows, parseViDate, toPerson } from './admitRows.js';

describe('collective admission rows', () => {
  it('reads rows pasted from Excel, skipping the STT column and a header line', () => {
    const text = [
      'STT\tHọ và tên\tNgày sinh\tGiới tính\tSố CCCD\tSĐT',
      '1\tNguyễn Thị Lan\t15/07/1994\tNữ\t070 194 000 123\t0912345678',
      '2\tTrần Văn Bình\t1/2/1990\tNam\t070090000456',
      '',
      'Lê Văn Cường\t31/02/1991\tkhông rõ\t',
    ].join('\r\n');
    const rows = parsePastedRows(text);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      fullName: 'Nguyễn Thị Lan',
      birthDate: '1994-07-15',
      gender: 'female',
      cccd: '070194000123',
      phone: '0912345678',
      nationality: 'VN',
    });
    expect(rows[1]).toMatchObject({ fullName: 'Trần Văn Bình', birthDate: '1990-02-01', gender: 'male' });
    // An impossible date and an unknown gender are left for the officer.
    expect(rows[2]).toMatchObject({ fullName: 'Lê Văn Cường', birthDate: null, gender: undefined });
  });

  it('parses Vietnamese and ISO dates and refuses impossible ones', () => {
    expect(parseViDate('05.03.2000')).toBe('2000-03-05');
    expect(parseViDate('2000-03-05')).toBe('2000-03-05');
    expect(parseViDate('29/02/2023')).toBeNull();
    expect(parseViDate('abc')).toBeNull();
  });

  it('sends trimmed values and leaves empty optional fields out', () => {
    expect(
      toPerson({ fullName: ' An ', birthDate: '1990-01-01', gender: 'male', cccd: '070 090 000 001', phone: ' ' }),
    ).toEqual({
      fullName: 'An',
      birthDate: '1990-01-01',
      gender: 'male',
      cccd: '070090000001',
      phone: undefined,
      ethnicityCode: undefined,
      religionCode: undefined,
      nationality: 'VN',
      employerEnterpriseId: undefined,
      informalTradeCode: undefined,
      confirmWarnings: false,
    });
    expect(isEmptyRow({ nationality: 'VN', confirmWarnings: false })).toBe(true);
    expect(isEmptyRow({ fullName: 'x' })).toBe(false);
  });

  it('puts the server issues on the rows on screen (empty rows were not sent)', () => {
    // Screen rows 0, 2 and 3 were sent as people.0, people.1, people.2.
    const sent = [0, 2, 3];
    const { rows, other } = issuesByRow(
      [
        { path: 'people.1.cccd', message: 'Số CCCD phải có 12 chữ số' },
        { path: 'people.1.phone', message: 'Đầu số 012 …' },
        { path: 'people.2', message: 'Thiếu dữ liệu' },
        { path: 'decisionNo', message: 'Bắt buộc' },
      ],
      sent,
    );
    expect(rows.get(2)?.errors.get('cccd')).toEqual(['Số CCCD phải có 12 chữ số']);
    expect(rows.get(2)?.errors.get('phone')).toHaveLength(1);
    expect(rows.get(3)?.errors.get('fullName')).toEqual(['Thiếu dữ liệu']);
    expect(other).toEqual([{ path: 'decisionNo', message: 'Bắt buộc' }]);
    const warned = issuesByRow([{ path: 'people.0.cccd', message: 'năm sinh' }], sent, 'warnings');
    expect(warned.rows.get(0)?.warnings.get('cccd')).toEqual(['năm sinh']);
  });

  it('names rows by their number on screen in messages', () => {
    const label = (n: number) => `dòng ${n}`;
    expect(humanisePaths('Trùng số giấy tờ với người ở dòng people.0', [1, 4], label)).toBe(
      'Trùng số giấy tờ với người ở dòng 2',
    );
    expect(humanisePaths('ví dụ people.1.cccd: sai', [1, 4], label)).toBe('ví dụ dòng 5: sai');
  });
});
