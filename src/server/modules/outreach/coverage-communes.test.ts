/**
 * Issue 9 §2: coverage "by commune" counts by the commune each enterprise resolves to in the official
 * list — from its code, its commune name or its address — and never merges unknown ones into another.
 * The lists are the demo's handful of Phú Riềng units plus two real "Xã Tân Thành" of Bình Phước.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_UNITS } from '../../demo/admin-units-data.js';
import { uploadFile, writeXlsx } from '../../test/files.js';
import { createTestEnv, makeUnit, makeUser, type TestEnv, uniq } from '../../test/harness.js';
import { importLists } from '../admin-units/admin-units.service.js';
import { nextMst, survey } from '../enterprises/enterprises.fixtures.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
  const tanThanh = (code: string, districtCode: string, districtName: string) => ({
    code,
    name: 'Xã Tân Thành',
    kind: 'xa' as const,
    provinceCode: '70',
    provinceName: 'Tỉnh Bình Phước',
    districtCode,
    districtName,
  });
  await importLists(env.ctx.db, [
    ...DEMO_ADMIN_UNITS,
    {
      layout: 'before',
      fileName: 'test',
      units: [tanThanh('25210', '689', 'Thành phố Đồng Xoài'), tanThanh('25345', '697', 'Huyện Bù Đốp')],
    },
  ]);
});
afterAll(async () => {
  await env?.close();
});

async function setup() {
  const province = await makeUnit(env, {
    name: 'LĐLĐ tỉnh Bình Phước',
    typeCode: 'LDLD_TINH',
    parentId: env.rootId,
    from: '2000-01-01',
    area: ['70', 'Tỉnh Bình Phước'],
  });
  const district = await makeUnit(env, {
    name: 'LĐLĐ huyện Phú Riềng',
    typeCode: 'LDLD_HUYEN',
    parentId: province,
    from: '2010-01-01',
    area: ['698', 'Huyện Phú Riềng'],
  });
  const officer = await makeUser(env, 'officer', district);
  const mk = async (body: Record<string, unknown>) => {
    const r = await officer.post('/api/enterprises', {
      unitId: district,
      ownershipCode: 'PRIVATE',
      mst: nextMst(),
      survey: survey(40),
      ...body,
    });
    if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
    return r.data;
  };
  const coverage = async (from: string, to: string) =>
    (await officer.get(`/api/outreach/coverage?unitId=${district}&from=${from}&to=${to}`)).data;
  return { district, officer, mk, coverage };
}

type Row = {
  adminAreaCode: string | null;
  adminAreaName: string | null;
  enterprisesInScope: number;
  unresolved: boolean;
};
/** The rows as [code, name, enterprises, unresolved], in the answer's order (by province, then name; unresolved last). */
const rows = (c: { byCommune: Row[] }) =>
  c.byCommune.map((r) => [r.adminAreaCode, r.adminAreaName, r.enterprisesInScope, r.unresolved]);

describe('coverage by resolved commune', () => {
  it('counts 6 enterprises of 5 communes entered without codes in 5 rows, and exports them so', async () => {
    const { mk, coverage, officer, district } = await setup();
    await mk({ name: 'Công ty A', adminAreaName: 'Xã Phước Tân' });
    await mk({ name: 'Công ty B', adminAreaName: 'xa phuoc tan' });
    await mk({ name: 'Công ty C', address: 'Ấp 3, xã Long Hà, huyện Phú Riềng, tỉnh Bình Phước' });
    const d = await mk({ name: 'Công ty D', adminAreaName: 'X. Bù Nho' });
    await mk({ name: 'Công ty E', address: 'Tổ 5, TT. Đức Phong, H. Bù Đăng' });
    await mk({ name: 'Công ty F', adminAreaName: 'Long Tân' });
    expect(d.commune).toMatchObject({ how: 'name', note: null, unit: { code: '25252', name: 'Xã Bù Nho' } });
    // Bù Nho went whole into the new Xã Phú Riềng, which holds the same code as the old Xã Bù Nho.
    expect(d.commune.now).toMatchObject({ code: '25252', name: 'Xã Phú Riềng', provinceName: 'Tỉnh Đồng Nai' });
    const c = await coverage('2024-04-01', '2024-10-30');
    expect(c.enterprisesInScope).toBe(6);
    expect(rows(c)).toEqual([
      ['25252', 'Xã Bù Nho', 1, false],
      ['25396', 'Thị trấn Đức Phong', 1, false],
      ['25255', 'Xã Long Hà', 1, false],
      ['25258', 'Xã Long Tân', 1, false],
      ['25250', 'Xã Phước Tân', 2, false],
    ]);
    // The export says the same: the commune as written, as found in the official list, and from 2025.
    const xlsx = await env.app.inject({
      method: 'GET',
      url: `/api/enterprises/export.xlsx?unitId=${district}&from=2024-04-01&to=2024-10-30`,
      headers: { cookie: officer.cookie },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const cells = (n: number) => [4, 5, 6, 7].map((c) => String(ws?.getRow(n).getCell(c).value ?? ''));
    const rowOf = (name: string) => {
      let found = 0;
      ws?.eachRow((row, n) => {
        if (String(row.getCell(3).value) === name) found = n;
      });
      return cells(found);
    };
    expect(rowOf('Công ty D')).toEqual([
      '',
      'X. Bù Nho',
      'Xã Bù Nho, Huyện Phú Riềng, Tỉnh Bình Phước (25252)',
      'Xã Phú Riềng, Tỉnh Đồng Nai (25252)',
    ]);
    expect(rowOf('Công ty C')[2]).toBe('Xã Long Hà, Huyện Phú Riềng, Tỉnh Bình Phước (25255)');
  });

  it('leaves a name found in two districts unresolved, in a row of its own, listed by the filter', async () => {
    const { mk, coverage, officer, district } = await setup();
    const amb = await mk({ name: 'Công ty Tân Thành', adminAreaName: 'Xã Tân Thành' });
    await mk({ name: 'Công ty Không Rõ', address: 'Khu công nghiệp, đường số 7' });
    await mk({ name: 'Công ty Long Hà', adminAreaName: 'Long Hà' });
    expect(amb.commune).toMatchObject({ how: 'unresolved', note: 'ambiguous', unit: null, now: null });
    expect(amb.commune.detail).toContain('Thành phố Đồng Xoài');
    expect(amb.commune.detail).toContain('Huyện Bù Đốp');
    const c = await coverage('2024-01-01', '2024-12-31');
    expect(rows(c)).toEqual([
      ['25255', 'Xã Long Hà', 1, false],
      [null, null, 2, true],
    ]);
    const list = await officer.get(
      `/api/enterprises?unitId=${district}&communeUnresolved=true&from=2024-01-01&to=2024-12-31`,
    );
    expect(list.data.items.map((e: { name: string }) => e.name).sort()).toEqual([
      'Công ty Không Rõ',
      'Công ty Tân Thành',
    ]);
    // Telling it the address settles it.
    const fixed = await officer.patch(`/api/enterprises/${amb.id}`, { address: 'Xã Tân Thành, Huyện Bù Đốp' });
    expect(fixed.data.commune).toMatchObject({ how: 'address', unit: { code: '25345', districtName: 'Huyện Bù Đốp' } });
  });

  it('rolls old communes into their new commune after the reform, and keeps them apart before it', async () => {
    const { mk, coverage, officer, district } = await setup();
    await mk({ name: 'Công ty Long Bình', adminAreaName: 'Xã Long Bình' });
    await mk({ name: 'Công ty Long Hưng', address: 'Thôn 2, Long Hưng, Phú Riềng, Bình Phước' });
    // Code and name together say which list: 25246 was Xã Long Hưng and is now Xã Bình Tân.
    const coded = await mk({ name: 'Công ty Mới', adminAreaCode: '25246', adminAreaName: 'Xã Bình Tân' });
    expect(coded.commune).toMatchObject({
      how: 'code',
      unit: { code: '25246', name: 'Xã Bình Tân', provinceName: 'Tỉnh Đồng Nai' },
    });
    await mk({ name: 'Công ty Phước Tân', adminAreaName: 'Phước Tân' });
    const before = await coverage('2024-01-01', '2024-12-31');
    expect(rows(before)).toEqual([
      ['25240', 'Xã Long Bình', 1, false],
      ['25246', 'Xã Long Hưng', 1, false],
      ['25250', 'Xã Phước Tân', 1, false],
      ['25246', 'Xã Bình Tân', 1, false],
    ]);
    const after = await coverage('2025-07-01', '2025-12-31');
    expect(rows(after)).toEqual([
      ['25246', 'Xã Bình Tân', 3, false],
      ['25261', 'Xã Phú Trung', 1, false],
    ]);
    const binhTan = coded.commune.unit?.id as number;
    const list = await officer.get(
      `/api/enterprises?unitId=${district}&communeId=${binhTan}&from=2025-07-01&to=2025-12-31`,
    );
    expect(list.data.total).toBe(3);
  });

  it('resolves the communes of an imported file', async () => {
    const { district, officer, coverage } = await setup();
    const file = await writeXlsx(env.ctx.config.dataDir, `${uniq('ds')}.xlsx`, [
      ['MST', 'Tên DN', 'Địa chỉ', 'Xã', 'Loại hình DN', 'Tổng số LĐ', 'Ngày khảo sát'],
      [nextMst(), 'Công ty Nhập 1', 'Ấp 1, xã Phú Trung, huyện Phú Riềng', '', 'TNHH', 30, '20/04/2024'],
      [nextMst(), 'Công ty Nhập 2', '', 'P. Phước Bình', 'TNHH', 30, '20/04/2024'],
      [nextMst(), 'Công ty Nhập 3', '', 'Xã Tân Thành', 'TNHH', 30, '20/04/2024'],
    ]);
    const up = await uploadFile(env, officer, '/api/imports/enterprises', file, {
      unitId: String(district),
      source: 'test',
    });
    expect(up.statusCode).toBe(200);
    const commit = await officer.post(`/api/imports/${up.data.batchId}/commit`, { mode: 'all' });
    expect(commit.statusCode).toBe(200);
    const c = await coverage('2024-01-01', '2024-12-31');
    // Phường Phước Bình is of the new list only: found there, counted under it.
    expect(rows(c)).toEqual([
      ['25261', 'Xã Phú Trung', 1, false],
      ['25220', 'Phường Phước Bình', 1, false],
      [null, null, 1, true],
    ]);
  });
});
