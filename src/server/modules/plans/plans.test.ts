import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestEnv, makeTree, makeUnit, makeUser, type TestEnv } from '../../test/harness.js';
import { admitOk, byPath } from '../../test/members.js';
import { person } from '../../test/people.js';
import { planBody, planCounts } from './plans.fixture.js';

let env: TestEnv;
let t: Awaited<ReturnType<typeof makeTree>>;
let adminA: Client;
let province: Client;
let chairA: Client;

beforeAll(async () => {
  env = await createTestEnv();
  t = await makeTree(env);
  adminA = await makeUser(env, 'federation_admin', t.districtA);
  province = await makeUser(env, 'federation_admin', t.province);
  chairA = await makeUser(env, 'officer', t.cdcsA);
});
afterAll(async () => {
  await env?.close();
});

/** Runs a call that must be refused with these field paths, and checks nothing was written. */
async function refusedWith(call: () => Promise<{ statusCode: number; data: unknown; body: string }>, paths: string[]) {
  const before = await planCounts(env);
  const r = await call();
  expect(r.statusCode, r.body).toBe(400);
  const issues = byPath((r.data as { error: { issues: { path: string; message: string }[] } }).error.issues);
  for (const p of paths) expect(Object.keys(issues), r.body).toContain(p);
  expect(await planCounts(env)).toEqual(before);
  return issues;
}

describe('plan lifecycle', () => {
  it('creates a draft, edits it, issues it; an issued plan changes only by an amendment that keeps the old value', async () => {
    const created = await adminA.post('/api/plans', planBody(t.districtA));
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.data;
    expect(plan.status).toBe('draft');
    expect(plan.reference).toBe('8/KH-LĐLĐ');
    expect(plan.signerAuthority).toBe('TM. BAN THƯỜNG VỤ / CHỦ TỊCH');
    expect(plan.bases[0]?.display).toContain('60/KH-LĐLĐ');
    expect(plan.targets.map((x) => x.code)).toEqual(['T3', 'T4']);
    expect(plan.targets[0]?.subTargets[0]?.filters).toEqual({ informal: true });
    const t3 = plan.targets[0];
    if (!t3) throw new Error('no T3');

    // Editing a draft keeps a target given by id (and so its shares), drops the others.
    const body = planBody(t.districtA);
    const edited = await adminA.patch(`/api/plans/${plan.id}`, {
      ...body,
      unitId: undefined,
      title: 'Kế hoạch phát triển đoàn viên 2024 (sửa)',
      targets: [{ ...body.targets[0], id: t3.id, goal: 5 }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.data.targets.map((x) => [x.id, x.goal])).toEqual([[t3.id, 5]]);

    // An amendment of a draft is refused: a draft is edited directly.
    await refusedWith(
      () =>
        adminA.post(`/api/plans/${plan.id}/amendments`, {
          targetId: t3.id,
          amendedOn: '2024-06-01',
          goal: 6,
          reason: 'x',
        }),
      ['status'],
    );

    const issued = await adminA.post(`/api/plans/${plan.id}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.data.status).toBe('issued');
    await refusedWith(() => adminA.patch(`/api/plans/${plan.id}`, { ...body, unitId: undefined }), ['status']);
    const del = await adminA.delete(`/api/plans/${plan.id}`);
    expect(del.statusCode).toBe(400);

    const amended = await adminA.post(`/api/plans/${plan.id}/amendments`, {
      targetId: t3.id,
      amendedOn: '2024-07-01',
      goal: 8,
      decisionNo: '20/QĐ-LĐLĐ',
      reason: 'Tỉnh giao thêm chỉ tiêu',
    });
    expect(amended.statusCode, amended.body).toBe(201);
    expect(amended.data.targets[0]?.goal).toBe(8);
    expect(amended.data.amendments).toMatchObject([
      {
        targetId: t3.id,
        field: 'goal',
        oldValue: '5',
        newValue: '8',
        amendedOn: '2024-07-01',
        decisionNo: '20/QĐ-LĐLĐ',
      },
    ]);
    // Progress as of a day before the amendment measures against the goal then in force.
    const before = await adminA.get(`/api/plans/${plan.id}/progress?asOf=2024-06-30`);
    const after = await adminA.get(`/api/plans/${plan.id}/progress?asOf=2024-07-01`);
    expect(before.data.targets[0]?.goal).toBe(5);
    expect(after.data.targets[0]?.goal).toBe(8);

    const listed = await adminA.get(`/api/plans?unitId=${t.districtA}`);
    expect(listed.data.items.map((p) => p.id)).toContain(plan.id);
  });

  it('a draft can be deleted; reading needs the scope, managing needs plan.manage', async () => {
    const created = await adminA.post('/api/plans', planBody(t.districtA, { number: '9' }));
    expect(created.statusCode, created.body).toBe(201);
    // The CĐCS chair reads neither the district's plan nor may make one.
    expect((await chairA.get(`/api/plans/${created.data.id}`)).statusCode).toBe(404);
    expect((await chairA.post('/api/plans', planBody(t.cdcsA))).statusCode).toBe(403);
    expect((await adminA.delete(`/api/plans/${created.data.id}`)).statusCode).toBe(200);
    expect((await adminA.get(`/api/plans/${created.data.id}`)).statusCode).toBe(404);
  });
});

describe('bad input: a Vietnamese message naming the field, nothing written', () => {
  it('goal, percent, period, metric and filter, sub-target', async () => {
    const base = planBody(t.districtA, { number: '10' });
    const withTarget = (target: Record<string, unknown>) => ({ ...base, targets: [target] });
    const goalNaN = await refusedWith(
      () => adminA.post('/api/plans', withTarget({ code: 'T3', metric: 'members.admitted', goal: 'nhiều' })),
      ['targets.0.goal'],
    );
    expect(goalNaN['targets.0.goal']).toBe('Chỉ tiêu phải là một số');
    const negative = await refusedWith(
      () => adminA.post('/api/plans', withTarget({ code: 'T3', metric: 'members.admitted', goal: -5 })),
      ['targets.0.goal'],
    );
    expect(negative['targets.0.goal']).toBe('Chỉ tiêu không được âm');
    const pct = await refusedWith(
      () => adminA.post('/api/plans', withTarget({ code: 'T1', metric: 'outreach.coverage', goal: 120 })),
      ['targets.0.goal'],
    );
    expect(pct['targets.0.goal']).toContain('không được lớn hơn 100');
    const period = await refusedWith(
      () => adminA.post('/api/plans', { ...base, periodFrom: '2024-10-30', periodTo: '2024-04-01' }),
      ['periodTo'],
    );
    expect(period.periodTo).toContain('sớm hơn ngày bắt đầu');
    const filter = await refusedWith(
      () =>
        adminA.post(
          '/api/plans',
          withTarget({ code: 'T4', metric: 'party.introduced', goal: 9, filters: { informal: true } }),
        ),
      ['targets.0.filters.informal'],
    );
    expect(filter['targets.0.filters.informal']).toContain('không nhận bộ lọc "informal"');
    const metric = await refusedWith(
      () => adminA.post('/api/plans', withTarget({ code: 'T9', metric: 'members.happy', goal: 9 })),
      ['targets.0.metric'],
    );
    expect(metric['targets.0.metric']).toContain('không có trong danh mục');
    const sub = await refusedWith(
      () =>
        adminA.post(
          '/api/plans',
          withTarget({
            code: 'T3',
            metric: 'members.admitted',
            goal: 250,
            subTargets: [{ code: 'T3.1', metric: 'members.admitted', filters: { informal: true }, goal: 300 }],
          }),
        ),
      ['targets.0.subTargets.0.goal'],
    );
    expect(sub['targets.0.subTargets.0.goal']).toContain('lớn hơn chỉ tiêu T3');
  });
});

describe('assignment down the tree (giao chỉ tiêu)', () => {
  it('shows sum vs goal and children without a share; over the goal needs confirm; refuses units outside or not in the period', async () => {
    const plan = (
      await province.post('/api/plans', {
        ...planBody(t.province, { number: '60', issuedOn: '2024-04-17' }),
        targets: [{ code: 'T3', metric: 'members.admitted', goal: 10 }],
      })
    ).data;
    const target = plan.targets[0];
    if (!target) throw new Error('no target');
    const url = `/api/plans/${plan.id}/targets/${target.id}/shares` as const;
    const empty = await province.get(url);
    expect(empty.data).toMatchObject({ goal: 10, sum: 0, exceeds: false, shares: [] });
    expect(empty.data.withoutShare.map((u) => u.unitId).sort()).toEqual([t.districtA, t.districtB].sort());

    const over = {
      shares: [
        { unitId: t.districtA, goal: 6 },
        { unitId: t.districtB, goal: 5 },
      ],
      assignment: { number: '175/QĐ-LĐLĐ', decidedOn: '2024-03-18' },
    };
    const warned = await refusedWith(() => province.put(url, over), ['confirm']);
    expect(warned.confirm).toContain('Tổng chỉ tiêu giao (11) vượt chỉ tiêu T3 (10)');
    const saved = await province.put(url, { ...over, confirm: true });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.data).toMatchObject({ goal: 10, sum: 11, exceeds: true, withoutShare: [] });
    expect(saved.data.shares[0]?.assignment?.number).toBe('175/QĐ-LĐLĐ');

    const fine = await province.put(url, {
      shares: [
        { unitId: t.districtA, goal: 6 },
        { unitId: t.districtB, goal: 4 },
      ],
    });
    expect(fine.data).toMatchObject({ sum: 10, exceeds: false });
    expect(fine.data.shares.every((s) => s.assignment === null)).toBe(true);

    // A unit outside the plan's unit, and a unit founded only after the period.
    const later = await makeUnit(env, {
      name: 'CĐCS Mới 2025',
      typeCode: 'CDCS',
      parentId: t.districtA,
      from: '2025-02-01',
    });
    const outsider = await makeUnit(env, {
      name: 'LĐLĐ tỉnh Khác',
      typeCode: 'LDLD_TINH',
      parentId: env.rootId,
      from: '2000-01-01',
    });
    const bad = await refusedWith(
      () =>
        province.put(url, {
          shares: [
            { unitId: outsider, goal: 1 },
            { unitId: later, goal: 1 },
            { unitId: t.districtA, goal: 2.5 },
          ],
        }),
      ['shares.0.unitId', 'shares.1.unitId', 'shares.2.goal'],
    );
    await refusedWith(() => province.put(url, { shares: [{ unitId: t.districtA, goal: -1 }] }), ['shares.0.goal']);
    expect(bad['shares.0.unitId']).toContain('không thuộc đơn vị ban hành kế hoạch');
    expect(bad['shares.1.unitId']).toContain('không hoạt động trong kỳ kế hoạch');

    // District A's own plan adopts its share as its goal and follows it.
    const own = await adminA.post('/api/plans', {
      ...planBody(t.districtA, { number: '11' }),
      bases: [{ planId: plan.id }],
      targets: [{ code: 'T3', metric: 'members.admitted', goal: 0, adoptedShareId: fine.data.shares[0]?.id }],
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.data.targets[0]?.goal).toBe(6);
    expect(own.data.bases[0]?.display).toContain('60/KH-LĐLĐ');
    await province.put(url, {
      shares: [
        { unitId: t.districtA, goal: 7 },
        { unitId: t.districtB, goal: 3 },
      ],
    });
    expect((await adminA.get(`/api/plans/${own.data.id}`)).data.targets[0]?.goal).toBe(7);
    // A's officer cannot assign the province's target.
    expect((await adminA.put(url, { shares: [] })).statusCode).toBe(404);
  });
});

describe('progress: the roll-up of the records, never an average of children', () => {
  it('the province figure counts every admission of its subtree; children are lagging first', async () => {
    const tree = await makeTree(env);
    const prov = await makeUser(env, 'federation_admin', tree.province);
    const plan = (
      await prov.post('/api/plans', {
        ...planBody(tree.province, { number: '61' }),
        targets: [{ code: 'T3', metric: 'members.admitted', goal: 20 }],
      })
    ).data;
    const target = plan.targets[0];
    if (!target) throw new Error('no target');
    await prov.post(`/api/plans/${plan.id}/issue`);
    await prov.put(`/api/plans/${plan.id}/targets/${target.id}/shares`, {
      shares: [
        { unitId: tree.districtA, goal: 15 },
        { unitId: tree.districtB, goal: 5 },
      ],
    });
    const people = (n: number, p: string) =>
      Array.from({ length: n }, (_, i) => person(`${p} Văn ${String.fromCharCode(65 + i)}`));
    await admitOk(prov, tree.cdcsA, people(9, 'Lê'), { decisionDate: '2024-05-10', ceremonyDate: null });
    await admitOk(prov, tree.cdcsB, people(1, 'Trần'), { decisionDate: '2024-05-10', ceremonyDate: null });
    const r = await prov.get(`/api/plans/${plan.id}/progress?asOf=2024-10-30`);
    expect(r.statusCode, r.body).toBe(200);
    const p = r.data.targets[0];
    if (!p) throw new Error('no progress');
    expect(p.actual).toBe(10);
    expect(p.percent).toBe(50);
    const kids = p.children.map((c) => [c.unitId, c.actual, c.share, c.percent]);
    // B (1 of 5 = 20%) lags A (9 of 15 = 60%); the average of 60% and 20% (40%) is not the province's 50%.
    expect(kids).toEqual([
      [tree.districtB, 1, 5, 20],
      [tree.districtA, 9, 15, 60],
    ]);
    expect(p.drill).toMatchObject({
      page: 'members',
      query: { unitId: String(tree.province), admittedFrom: '2024-04-01', admittedTo: '2024-10-30' },
    });
    const xlsx = await prov.get(`/api/plans/${plan.id}/progress.xlsx?asOf=2024-10-30`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});
