import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personSortKey } from '../../shared/text/index.js';
import { createTestEnv, login, type TestEnv } from '../test/harness.js';
import { loadDemo } from './demo.js';
import { MEMBER_DECISIONS } from './demo-members.js';
import { ADMISSIONS, INTRODUCED } from './demo-plans.js';

/** People the plans' demo admits in 2024, in Phú Riềng's unions or anywhere, and of them informal workers. */
const of2024 = ADMISSIONS.filter(([, , date]) => date.startsWith('2024'));
const sum = (rows: typeof ADMISSIONS) => rows.reduce((n, r) => n + r[3], 0);
const inPhuRieng = of2024.filter(([unit]) => !unit.startsWith('CDCS-BD'));
const fromMembers = MEMBER_DECISIONS.reduce((n, d) => n + d.people.length, 0);

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
  it('names every past parent (names are not secret) and links only those inside the caller’s scope', async () => {
    const a = accounts.find((x) => x.username === 'phurieng.canbo');
    if (!a) throw new Error('missing demo account');
    const officer = await login(env.app, a.username, a.password);
    const d = await officer.get(`/api/org/units/${await idOf('CDCS-PR-003')}`);
    expect(
      d.data.history.map((h: { parentName: string | null; parentId: number | null }) => [h.parentName, h.parentId]),
    ).toEqual([
      ['Liên đoàn Lao động huyện Phú Riềng', await idOf('PHURIENG')],
      ['Công đoàn xã Phú Riềng', null],
    ]);
    expect(d.data.parentName).toBe('Công đoàn xã Phú Riềng');
    expect(d.data.ancestors).toEqual([]);
  });

  it('refuses the ended district’s new records, naming the commune union that took over', async () => {
    const a = accounts.find((x) => x.username === 'phurieng.canbo');
    if (!a) throw new Error('missing demo account');
    const officer = await login(env.app, a.username, a.password);
    const r = await officer.post('/api/enterprises', {
      unitId: await idOf('PHURIENG'),
      ownershipCode: 'PRIVATE',
      name: 'Công ty TNHH Sau Cải Cách',
    });
    expect(r.statusCode).toBe(400);
    expect(r.data.error?.issues?.[0]?.message).toBe(
      'Liên đoàn Lao động huyện Phú Riềng đã kết thúc ngày 01/07/2025; đơn vị tiếp nhận: Công đoàn xã Phú Riềng',
    );
  });
});

describe('demo members', () => {
  const as = async (username: string) => {
    const a = accounts.find((x) => x.username === username);
    if (!a) throw new Error(`missing demo account ${username}`);
    return login(env.app, a.username, a.password);
  };

  it('admits the 2024 members across the Phú Riềng unions (and Bù Đăng), listed by given name', async () => {
    const list = await env.admin.get('/api/members?limit=500');
    expect(list.statusCode).toBe(200);
    // Everyone admitted (members' demo and plans' demo), plus the continuing row of the one transfer,
    // plus this year's approved self-application (demo-work).
    expect(list.data.total).toBe(fromMembers + sum(ADMISSIONS) + 2);
    const keys = list.data.items.map((m: { fullName: string }) => personSortKey(m.fullName));
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const units = new Set(list.data.items.map((m: { unitName: string }) => m.unitName));
    expect(units).toEqual(
      new Set([
        'CĐCS Công ty TNHH May mặc Phú Riềng',
        'CĐCS Công ty TNHH Chế biến Nông sản Long Hưng',
        'Nghiệp đoàn cơ sở Cạo mủ cao su xã Phú Trung',
        'CĐCS Công ty TNHH Chế biến Mủ cao su Đức Phong',
      ]),
    );
    for (const m of list.data.items) expect(m.cccdMasked).toMatch(/^\d{4}•+\d{3}$/);
    const informal = await env.admin.get('/api/members?informal=true&limit=500');
    expect(informal.data.items.every((m) => m.informalTradeCode === 'RUBBER_TAPPER')).toBe(true);
    expect(informal.data.total).toBe(12 + sum(ADMISSIONS.filter((r) => r[4] !== null)));
    expect((await env.admin.get('/api/members?cardIssued=true')).data.total).toBe(3);
    expect((await env.admin.get('/api/members?status=left')).data.total).toBe(1);
    expect((await env.admin.get('/api/members?status=transferred')).data.total).toBe(1);
  });

  it('counts 2024 for the district: admissions, informal, female, left, Party introductions', async () => {
    const officer = await as('phurieng.canbo');
    const c = await officer.get(`/api/members/counts?unitId=${await idOf('PHURIENG')}&from=2024-01-01&to=2024-12-31`);
    expect(c.statusCode).toBe(200);
    const added = sum(inPhuRieng);
    const informalAdded = sum(inPhuRieng.filter((r) => r[4] !== null));
    // The plans' demo also introduces members to the Party in September and October 2024.
    expect(c.data).toMatchObject({
      admitted: fromMembers + added,
      admittedInformal: 12 + informalAdded,
      left: 1,
      net: fromMembers + added - 1,
      partyIntroduced: 2 + INTRODUCED['CDCS-PR-003'] + INTRODUCED['CDCS-PR-001'],
    });
    expect(c.data.admittedFemale).toBeGreaterThan(15);
    // The transfer stays inside the district: neither in nor out.
    expect(c.data.transfersIn).toBe(0);
    // Nothing of Phú Riềng for the Bù Đăng officer: only Bù Đăng's own members.
    const other = await as('budang.canbo');
    const theirs = await other.get('/api/members?limit=500');
    expect(theirs.data.total).toBe(sum(of2024.filter(([unit]) => unit.startsWith('CDCS-BD'))));
    expect(new Set(theirs.data.items.map((m) => m.unitName))).toEqual(
      new Set(['CĐCS Công ty TNHH Chế biến Mủ cao su Đức Phong']),
    );
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

describe('demo plans (issue 10)', () => {
  const signIn = async (username: string) => {
    const a = accounts.find((x) => x.username === username);
    if (!a) throw new Error(`no account ${username}`);
    return login(env.app, a.username, a.password);
  };

  it('the Phú Riềng officer lands on Plan 8/KH-LĐLĐ with its four targets, one union ahead, one behind, one with nothing', async () => {
    const officer = await signIn('phurieng.canbo');
    const dash = await officer.get('/api/dashboard?asOf=2024-10-30');
    expect(dash.statusCode, dash.body).toBe(200);
    const [plan] = dash.data.plans;
    expect(plan?.plan.reference).toBe('8/KH-LĐLĐ');
    expect(plan?.targets.map((t) => t.code)).toEqual(['T1', 'T2', 'T3', 'T4']);
    const t3 = plan?.targets.find((t) => t.code === 'T3');
    expect(t3?.goal).toBe(250);
    expect(t3?.subTargets[0]?.goal).toBe(30);
    const kids = new Map(t3?.children.map((c) => [c.unitId, c]));
    const ahead = kids.get(await idOf('CDCS-PR-003'));
    const behind = kids.get(await idOf('CDCS-PR-001'));
    const nothing = kids.get(await idOf('CDCS-PR-004'));
    expect(ahead?.status).toBe('on_track');
    expect(behind?.status).toBe('behind');
    expect(nothing?.actual).toBe(0);
    // Lagging first: the union with nothing yet leads the table.
    expect(t3?.children[0]?.unitId).toBe(await idOf('CDCS-PR-004'));
    // The district's figure is its subtree's records, not a sum of the rows shown.
    expect(t3?.actual).toBeGreaterThan(0);
    expect(t3?.drill.path).toBe('/members');
    // After the district ended (01/07/2025) the plan keeps its figures; the landing page still shows it.
    const later = await officer.get('/api/dashboard?asOf=2026-11-24');
    expect(later.data.plans[0]?.plan.reference).toBe('8/KH-LĐLĐ');
    expect(later.data.plans[0]?.targets.find((t) => t.code === 'T3')?.actual).toBe(t3?.actual);
  });

  it('the province plan and Decision 175 assign Phú Riềng and Bù Đăng; the 2026 commune plan under Đồng Nai counts today’s units', async () => {
    const province = await signIn('binhphuoc.admin');
    const list = await province.get('/api/plans?limit=50');
    const p60 = list.data.items.find((p) => p.reference === '60/KH-LĐLĐ');
    if (!p60) throw new Error('no plan 60');
    const plan = (await province.get(`/api/plans/${p60.id}`)).data;
    expect(plan.assignments.map((a) => a.number)).toEqual(['175/QĐ-LĐLĐ']);
    const t3 = plan.targets.find((t) => t.code === 'T3');
    expect(t3?.shares.map((s) => [s.unitId, s.goal]).sort()).toEqual(
      [
        [await idOf('PHURIENG'), 250],
        [await idOf('BUDANG'), 200],
      ].sort(),
    );
    const commune = await signIn('cdxa.phurieng');
    const dash = await commune.get('/api/dashboard?asOf=2026-09-30');
    expect(dash.data.plans[0]?.plan.reference).toBe('02/KH-CĐX');
    expect(dash.data.plans[0]?.targets[0]?.actual).toBe(29);
  });
});
