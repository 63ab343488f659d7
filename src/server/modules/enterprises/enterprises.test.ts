import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeForUnits } from '../../platform/scope.js';
import { createTestEnv, makeUser, type TestEnv, writeCounts } from '../../test/harness.js';
import { enterpriseSetup, nextMst, survey } from './enterprises.fixtures.js';
import * as repo from './enterprises.repository.js';
import { thresholds } from './enterprises.service.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});
const setup = () => enterpriseSetup(env);

describe('enterprises', () => {
  it('validates the MST check digit and names the field', async () => {
    const { officer, t } = await setup();
    const before = await writeCounts(env);
    const r = await officer.post('/api/enterprises', {
      unitId: t.districtA,
      ownershipCode: 'PRIVATE',
      name: 'Công ty Sai Mã',
      mst: '3800601239',
    });
    expect(r.statusCode).toBe(400);
    expect(r.data.error?.issues).toEqual([{ path: 'mst', message: 'Mã số thuế 3800601239 sai chữ số kiểm tra' }]);
    expect(await writeCounts(env)).toEqual(before);
  });

  it('catches a duplicate MST, and creates it only with a reason', async () => {
    const { mk, officer, t } = await setup();
    const mst = nextMst();
    const a = await mk({ name: 'Công ty TNHH Cao su Phú Thịnh', mst });
    expect(a.mst).toBe(mst);
    const dup = await officer.post('/api/enterprises', {
      unitId: t.districtA,
      ownershipCode: 'PRIVATE',
      name: 'Trùng',
      mst,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.data.error?.message).toContain('Công ty TNHH Cao su Phú Thịnh');
    const ok = await officer.post('/api/enterprises', {
      unitId: t.districtA,
      ownershipCode: 'PRIVATE',
      name: 'Chi nhánh ghi riêng',
      mst,
      duplicateReason: 'Hai cơ sở sản xuất ở hai xã, báo cáo riêng',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.data.duplicateReason).toContain('Hai cơ sở');
  });

  it('keeps dated surveys and derives the flags from the latest one and the thresholds', async () => {
    const { mk, officer } = await setup();
    const e = await mk({
      name: 'Công ty TNHH Hạt điều Hoà Phát',
      mst: nextMst(),
      survey: survey(18, { femaleCount: 10 }),
    });
    expect(e.inSurveyScope).toBe(true);
    expect(e.eligibleForFounding).toBe(false);
    const r = await officer.post(`/api/enterprises/${e.id}/surveys`, {
      surveyDate: '2024-09-01',
      workerCount: 40,
      femaleCount: 22,
      memberCount: 0,
      employerAttitude: 'neutral',
      contactName: 'Trần Văn Tư',
      contactPhone: '0912345678',
    });
    expect(r.statusCode).toBe(200);
    expect(r.data.workerCount).toBe(40);
    expect(r.data.eligibleForFounding).toBe(true);
    expect(r.data.lastSurveyDate).toBe('2024-09-01');
    expect(r.data.surveys.map((s: { workerCount: number }) => s.workerCount)).toEqual([40, 18]);
    expect(r.data.timeline.map((i: { kind: string }) => i.kind)).toEqual(expect.arrayContaining(['survey', 'created']));
    const bad = await officer.post(`/api/enterprises/${e.id}/surveys`, {
      surveyDate: '2024-10-01',
      workerCount: 10,
      femaleCount: 12,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error?.issues?.[0]).toEqual({
      path: 'femaleCount',
      message: 'Số lao động nữ không được lớn hơn tổng số lao động',
    });
  });

  it('filters, searches without diacritics, sorts, and queues the eligible by oldest contact', async () => {
    const { mk, officer, t } = await setup();
    await mk({ name: 'Công ty Cao su Sông Bé', mst: null, survey: survey(120) });
    await mk({ name: 'Công ty TNHH Gỗ Minh Long', survey: { ...survey(30), surveyDate: '2024-02-01' } });
    await mk({ name: 'Công ty Nhà nước Điện lực', ownershipCode: 'STATE', survey: survey(300) });
    await mk({ name: 'Tiệm may Hạnh', ownershipCode: 'HOUSEHOLD', survey: survey(4) });
    await mk({ name: 'Công ty Có Công đoàn', survey: survey(80), grassrootsUnitId: t.cdcsA });
    const q = async (qs: string) =>
      (await officer.get(`/api/enterprises?unitId=${t.districtA}&${qs}`)).data.items.map(
        (e: { name: string }) => e.name,
      );
    expect(await q(`q=${encodeURIComponent('cong ty cao su')}`)).toEqual(['Công ty Cao su Sông Bé']);
    expect(await q('nonState=false')).toEqual(['Công ty Nhà nước Điện lực']);
    expect(await q('inSurveyScope=false')).toEqual(['Tiệm may Hạnh']);
    expect(await q('sizeBand=25_99')).toEqual(['Công ty Có Công đoàn', 'Công ty TNHH Gỗ Minh Long']);
    expect(await q('hasUnion=true')).toEqual(['Công ty Có Công đoàn']);
    expect(await q('sort=workerCount&order=desc&limit=2')).toEqual([
      'Công ty Nhà nước Điện lực',
      'Công ty Cao su Sông Bé',
    ]);
    const queue = await officer.get(`/api/enterprises/queue?unitId=${t.districtA}`);
    expect(queue.data.items.map((e: { name: string }) => e.name)).toEqual([
      'Công ty TNHH Gỗ Minh Long',
      'Công ty Cao su Sông Bé',
    ]);
  });

  it('reads the same page from the units or in name order, and counts only up to the cap', async () => {
    const { mk, t } = await setup();
    for (const name of ['Công ty Bình An', 'Công ty An Khang', 'Công ty Đại Phát', 'Công ty Cẩm Tú'])
      await mk({ name });
    const scope = await scopeForUnits(env.ctx.db, 'record.read', [t.districtA]);
    const period = { from: '2024-01-01', to: '2024-12-31' };
    const th = await thresholds(env.ctx.db, period.to);
    const f = { sort: 'name', order: 'asc', limit: 3, offset: 1, folded: 'cong ty' } as const;
    const names = async (access: repo.Access) =>
      (await repo.pageOf(repo.filtered(env.ctx.db, scope, th, period, f as never, access), f)).map((e) => e.name);
    expect(await names('order')).toEqual(await names('units'));
    expect((await names('units')).length).toBe(3);
    const q = repo.filtered(env.ctx.db, scope, th, period, f as never);
    expect(await repo.countOf(env.ctx.db, q, 2)).toEqual({ total: 2, capped: true });
    const all = await repo.countOf(env.ctx.db, q);
    expect(all.capped).toBe(false);
    expect(all.total).toBeGreaterThanOrEqual(4);
    const r = await env.admin.get(`/api/enterprises?unitId=${t.districtA}&limit=2`);
    expect(r.data).toMatchObject({ total: all.total, totalCapped: false });
  });

  it('exports exactly what is filtered to a real xlsx, and audits the export', async () => {
    const { mk, officer, t } = await setup();
    await mk({ name: 'Công ty Xuất Một', survey: survey(50) });
    await mk({ name: 'Công ty Xuất Hai', survey: survey(5) });
    const r = await env.app.inject({
      method: 'GET',
      url: `/api/enterprises/export.xlsx?unitId=${t.districtA}&inSurveyScope=true`,
      headers: { cookie: officer.cookie },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const names: string[] = [];
    ws?.eachRow((row, n) => {
      if (n > 2) names.push(String(row.getCell(3).value));
    });
    expect(names).toEqual(['Công ty Xuất Một']);
    expect(String(ws?.getRow(2).getCell(2).value)).toBe('Mã số thuế');
    // Ownership is written by its name from the code list, never by its code.
    expect(String(ws?.getRow(2).getCell(8).value)).toBe('Loại hình');
    // The commune as the official lists resolve it (none given here), beside the commune as written.
    expect(String(ws?.getRow(2).getCell(6).value)).toBe('Xã/phường theo danh mục');
    expect(String(ws?.getRow(3).getCell(6).value)).toBe('Chưa xác định');
    const privateName = await env.ctx.db
      .selectFrom('ownership_type')
      .select('name_vi')
      .where('code', '=', 'PRIVATE')
      .executeTakeFirstOrThrow();
    expect(String(ws?.getRow(3).getCell(8).value)).toBe(privateName.name_vi);
    expect(String(ws?.getRow(3).getCell(8).value)).not.toBe('PRIVATE');
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'enterprise.export')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });
});

describe('enterprise messages in the reader’s language', () => {
  it('names bad fields, a hidden duplicate and the timeline in English once the user chose English', async () => {
    const { mk, officer, t } = await setup();
    expect((await officer.put('/api/auth/me/locale', { locale: 'en' })).statusCode).toBe(200);
    const e = await mk({ name: 'Công ty TNHH Song Ngữ', survey: survey(30, { memberCount: 4 }) });
    const before = await writeCounts(env);
    const mst = await officer.post('/api/enterprises', {
      unitId: t.districtA,
      ownershipCode: 'NO_SUCH_KIND',
      name: 'Công ty Sai Mã',
      mst: '3800601239',
    });
    expect(mst.statusCode).toBe(400);
    expect(mst.data.error?.issues).toEqual([{ path: 'mst', message: 'Tax code 3800601239 has a wrong check digit' }]);
    const kind = await officer.post('/api/enterprises', {
      unitId: t.districtA,
      ownershipCode: 'NO_SUCH_KIND',
      name: 'Công ty Loại Lạ',
    });
    expect(kind.data.error?.issues).toEqual([
      { path: 'ownershipCode', message: 'Ownership kind "NO_SUCH_KIND" is not in the list' },
    ]);
    const bad = await officer.post(`/api/enterprises/${e.id}/surveys`, {
      surveyDate: '2024-10-01',
      workerCount: -1,
      femaleCount: 2.5,
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.fromEntries((bad.data.error?.issues ?? []).map((i) => [i.path, i.message]))).toEqual({
      workerCount: 'The number of workers cannot be negative',
      femaleCount: 'The number of women workers must be a whole number',
    });
    const over = await officer.post(`/api/enterprises/${e.id}/surveys`, {
      surveyDate: '2024-10-01',
      workerCount: 10,
      femaleCount: 12,
    });
    expect(over.data.error?.issues).toEqual([
      { path: 'femaleCount', message: 'Women workers cannot outnumber all workers' },
    ]);
    expect(await writeCounts(env)).toEqual(before);

    // A duplicate in another subtree is named without its name, in English too.
    const other = await makeUser(env, 'officer', t.districtB);
    const code = nextMst();
    await other.post('/api/enterprises', { unitId: t.districtB, ownershipCode: 'PRIVATE', name: 'Bí Mật', mst: code });
    const dup = await officer.post('/api/enterprises', {
      unitId: t.districtA,
      ownershipCode: 'PRIVATE',
      name: 'Trùng',
      mst: code,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.data.error?.message).toContain(`Tax code ${code} is already listed (managed by another unit)`);

    const detail = await officer.get(`/api/enterprises/${e.id}`);
    expect(detail.data.timeline.map((i) => i.summary)).toEqual(
      expect.arrayContaining(['30 workers, 4 members', 'Added to the list']),
    );
  });
});
