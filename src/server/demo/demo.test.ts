import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, login, type TestEnv } from '../test/harness.js';
import { loadDemo } from './demo.js';

/** The demo is the 2024 Phú Riềng situation plus the real 2025 reorganisation: two trees, both right. */
let env: TestEnv;
let accounts: Awaited<ReturnType<typeof loadDemo>>['accounts'];
beforeAll(async () => {
  env = await createTestEnv();
  accounts = (await loadDemo(env.ctx)).accounts;
});
afterAll(async () => {
  await env?.close();
});

const idOf = async (code: string) =>
  (await env.ctx.db.selectFrom('org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const names = async (code: string, asOf: string) =>
  (await env.admin.get(`/api/org/units/${await idOf(code)}/children?asOf=${asOf}`)).data.map(
    (u: { name: string }) => u.name,
  );

describe('demo dataset', () => {
  it('prints an account with a generated password for each level, and loads only once', async () => {
    expect(accounts.map((a) => a.username)).toContain('phurieng.canbo');
    for (const a of accounts) expect(a.password).toMatch(/^[A-Za-z2-9]{14,16}$/);
    expect((await loadDemo(env.ctx)).loaded).toBe(false);
  });

  it('as of 30/06/2025: province Bình Phước → district Phú Riềng → grassroots unions', async () => {
    expect(await names('TLD', '2025-06-30')).toEqual(
      expect.arrayContaining(['Liên đoàn Lao động tỉnh Bình Phước', 'Liên đoàn Lao động tỉnh Đồng Nai']),
    );
    expect(await names('BINHPHUOC', '2025-06-30')).toEqual([
      'Liên đoàn Lao động huyện Bù Đăng',
      'Liên đoàn Lao động huyện Phú Riềng',
    ]);
    const pr = await names('PHURIENG', '2025-06-30');
    expect(pr).toHaveLength(6);
    expect(pr).toContain('CĐCS Công ty TNHH May mặc Phú Riềng');
    expect(pr).toContain('Nghiệp đoàn cơ sở Cạo mủ cao su xã Phú Trung');
  });

  it('as of 01/07/2025 and today: Đồng Nai → commune unions → the same grassroots unions, district gone', async () => {
    for (const asOf of ['2025-07-01', '2026-11-24']) {
      const top = await names('TLD', asOf);
      expect(top).toContain('Liên đoàn Lao động tỉnh Đồng Nai');
      expect(top).not.toContain('Liên đoàn Lao động tỉnh Bình Phước');
      expect(await names('DONGNAI', asOf)).toEqual(
        expect.arrayContaining([
          'Công đoàn xã Bình Tân',
          'Công đoàn xã Phú Riềng',
          'Công đoàn xã Long Hà',
          'Công đoàn xã Phú Trung',
        ]),
      );
      expect(await names('CDXA-BINHTAN', asOf)).toEqual([
        'CĐCS Công ty Cổ phần Gỗ Bình Tân',
        'CĐCS Công ty TNHH Chế biến Nông sản Long Hưng',
      ]);
      expect(await names('PHURIENG', asOf)).toEqual([]);
    }
    const detail = await env.admin.get(`/api/org/units/${await idOf('CDCS-PR-003')}`);
    expect(detail.data.adminAreaName).toBe('Xã Phú Riềng');
    expect(detail.data.history.map((h) => h.parentName)).toEqual([
      'Liên đoàn Lao động huyện Phú Riềng',
      'Công đoàn xã Phú Riềng',
    ]);
    const bp = await env.admin.get(`/api/org/units/${await idOf('BINHPHUOC')}`);
    expect(bp.data.validTo).toBe('2025-07-01');
    expect(bp.data.mergedIntoId).toBe(await idOf('DONGNAI'));
  });

  it('the district officer sees the district as it was, and nothing of Bù Đăng or Đồng Nai', async () => {
    const a = accounts.find((x) => x.username === 'phurieng.canbo');
    if (!a) throw new Error('missing demo account');
    const officer = await login(env.app, a.username, a.password);
    const today = await officer.get('/api/org/roots');
    expect(today.data.units).toEqual([]);
    expect(today.data.inactiveRoleUnits[0]).toMatchObject({
      name: 'Liên đoàn Lao động huyện Phú Riềng',
      validTo: '2025-07-01',
    });
    const past = await officer.get('/api/org/roots?asOf=2025-06-30');
    expect(past.data.units.map((u: { code: string }) => u.code)).toEqual(['PHURIENG']);
    expect((await officer.get(`/api/org/units/${await idOf('BUDANG')}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/org/units/${await idOf('DONGNAI')}`)).statusCode).toBe(404);
    // The unions that were the district's remain readable (their history is the district's).
    expect((await officer.get(`/api/org/units/${await idOf('CDCS-PR-003')}`)).statusCode).toBe(200);
  });

  it('the Đồng Nai admin inherits Bình Phước’s history through the merge', async () => {
    const a = accounts.find((x) => x.username === 'dongnai.admin');
    if (!a) throw new Error('missing demo account');
    const admin = await login(env.app, a.username, a.password);
    const past = await admin.get('/api/org/roots?asOf=2025-06-30');
    expect(past.data.units.map((u: { code: string }) => u.code).sort()).toEqual(['BINHPHUOC', 'DONGNAI']);
    const now = await admin.get('/api/org/roots?asOf=2026-01-01');
    expect(now.data.units.map((u: { code: string }) => u.code)).toEqual(['DONGNAI']);
  });
});

describe('history seen from a subtree that no longer holds the unit', () => {
  it('names parents inside the caller’s scope only', async () => {
    const a = accounts.find((x) => x.username === 'phurieng.canbo');
    if (!a) throw new Error('missing demo account');
    const officer = await login(env.app, a.username, a.password);
    const d = await officer.get(`/api/org/units/${await idOf('CDCS-PR-003')}`);
    expect(d.data.history.map((h: { parentName: string | null }) => h.parentName)).toEqual([
      'Liên đoàn Lao động huyện Phú Riềng',
      null,
    ]);
    expect(JSON.stringify(d.data)).not.toContain('Công đoàn xã');
  });
});

describe('demo members', () => {
  const as = async (username: string) => {
    const a = accounts.find((x) => x.username === username);
    if (!a) throw new Error(`missing demo account ${username}`);
    return login(env.app, a.username, a.password);
  };

  it('admits 40 people in 2024 across three Phú Riềng unions, listed by given name', async () => {
    const list = await env.admin.get('/api/members?limit=500');
    expect(list.statusCode).toBe(200);
    // 40 admitted in 2024, plus the continuing row of the one transfer, plus this year's approved application.
    expect(list.data.total).toBe(42);
    const given = list.data.items.map((m: { fullName: string }) => m.fullName.split(' ').at(-1));
    expect(given.slice(0, 3)).toEqual(['Ánh', 'Bảo', 'Bích']);
    const units = new Set(list.data.items.map((m: { unitName: string }) => m.unitName));
    expect(units).toEqual(
      new Set([
        'CĐCS Công ty TNHH May mặc Phú Riềng',
        'CĐCS Công ty TNHH Chế biến Nông sản Long Hưng',
        'Nghiệp đoàn cơ sở Cạo mủ cao su xã Phú Trung',
      ]),
    );
    for (const m of list.data.items) expect(m.cccdMasked).toMatch(/^\d{4}•+\d{3}$/);
    const informal = await env.admin.get('/api/members?informal=true&limit=500');
    expect(informal.data.items.every((m) => m.informalTradeCode === 'RUBBER_TAPPER')).toBe(true);
    expect(informal.data.total).toBe(12);
    expect((await env.admin.get('/api/members?cardIssued=true')).data.total).toBe(3);
    expect((await env.admin.get('/api/members?status=left')).data.total).toBe(1);
    expect((await env.admin.get('/api/members?status=transferred')).data.total).toBe(1);
  });

  it('counts 2024 for the district: admissions, informal, female, left, Party introductions', async () => {
    const officer = await as('phurieng.canbo');
    const c = await officer.get(`/api/members/counts?unitId=${await idOf('PHURIENG')}&from=2024-01-01&to=2024-12-31`);
    expect(c.statusCode).toBe(200);
    expect(c.data).toMatchObject({ admitted: 40, admittedInformal: 12, left: 1, net: 39, partyIntroduced: 2 });
    expect(c.data.admittedFemale).toBeGreaterThan(15);
    // The transfer stays inside the district: neither in nor out.
    expect(c.data.transfersIn).toBe(0);
    // Nothing of Phú Riềng for the Bù Đăng officer.
    const other = await as('budang.canbo');
    expect((await other.get('/api/members?limit=500')).data.total).toBe(0);
  });

  it('leaves one possible transfer that the garment union sees as the holding side', async () => {
    const garment = await as('cdcs.maymac');
    const r = await garment.get('/api/members/possible-transfers');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.data.items).toHaveLength(1);
    expect(r.data.items[0]).toMatchObject({ fullName: 'Phan Thị Ly', side: 'holding', source: 'admission' });
  });

  it('shows the Party introductions only to those with sensitive access', async () => {
    const found = await env.admin.get(`/api/members?q=${encodeURIComponent('ly thi giang')}`);
    const id = found.data.items[0]?.id;
    const admin = await as('cdxa.phurieng');
    const seen = await admin.get(`/api/members/${id}`);
    expect(seen.data.sensitive?.partyIntroductions).toHaveLength(1);
    const officer = await as('cdcs.maymac');
    const hidden = await officer.get(`/api/members/${id}`);
    expect(hidden.statusCode).toBe(200);
    expect(hidden.data.sensitive).toBeNull();
  });

  it('tells the federations’ work at first look: enterprises, outreach and applications, this year too', async () => {
    const year = new Date().getFullYear();
    const admin = await as('dongnai.admin');
    const all = await admin.get('/api/enterprises?limit=100');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.data.total).toBeGreaterThanOrEqual(8);
    // The default period is this year: some were surveyed in it, under today's commune unions.
    const surveyedThisYear = all.data.items.filter((e: { lastSurveyDate: string | null }) =>
      e.lastSurveyDate?.startsWith(String(year)),
    );
    expect(surveyedThisYear.length).toBeGreaterThan(0);
    const events = await admin.get(`/api/outreach?from=${year}-01-01&to=${year}-12-31`);
    expect(events.data.total).toBeGreaterThan(0);
    const older = await admin.get('/api/outreach?from=2024-01-01&to=2024-12-31');
    expect(older.data.total).toBeGreaterThan(0);
    const garment = await as('cdcs.maymac');
    for (const status of ['pending', 'approved', 'rejected']) {
      const apps = await garment.get(`/api/applications?status=${status}`);
      expect(apps.statusCode, apps.body).toBe(200);
      expect(apps.data.total, status).toBeGreaterThan(0);
    }
  });
});
