import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, makeTree, makeUser, type TestEnv } from '../../test/harness.js';
import { admitOk } from '../../test/members.js';
import { person } from '../../test/people.js';
import { planBody } from './plans.fixture.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const people = (n: number, p: string) =>
  Array.from({ length: n }, (_, i) => person(`${p} Thị ${String.fromCharCode(65 + i)}`));
const on = (decisionDate: string) => ({ decisionDate, applicationDate: decisionDate, ceremonyDate: null });

describe('the dated tree: work counts for the subtree as it was on the day of the work', () => {
  it('a unit moved mid-period counts for the old parent before and the new after; an ended district keeps its figures', async () => {
    const t = await makeTree(env);
    const admin = env.admin;
    const mk = async (unitId: number, number: string) => {
      const r = await admin.post('/api/plans', {
        ...planBody(unitId, { number }),
        targets: [{ code: 'T3', metric: 'members.admitted', goal: 10 }],
      });
      if (r.statusCode !== 201) throw new Error(r.body);
      await admin.post(`/api/plans/${r.data.id}/issue`);
      return r.data.id;
    };
    const planA = await mk(t.districtA, '8');
    const planB = await mk(t.districtB, '8');
    await admitOk(admin, t.cdcsA, people(3, 'Lê'), on('2024-05-10'));
    const moved = await admin.post(`/api/org/units/${t.cdcsA}/move`, {
      effectiveDate: '2024-07-01',
      newParentId: t.districtB,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await admitOk(admin, t.cdcsA, people(2, 'Vũ'), on('2024-08-10'));
    await admitOk(admin, t.cdcsB, people(1, 'Hà'), on('2024-08-11'));

    const actual = async (planId: number, asOf: string) =>
      (await admin.get(`/api/plans/${planId}/progress?asOf=${asOf}`)).data.targets[0]?.actual;
    expect(await actual(planA, '2024-10-30')).toBe(3);
    expect(await actual(planB, '2024-10-30')).toBe(3);
    expect(await actual(planB, '2024-06-30')).toBe(0);
    // B's children at the end of the period include the moved union, with only its work after the move.
    const b = (await admin.get(`/api/plans/${planB}/progress?asOf=2024-10-30`)).data.targets[0];
    expect(b?.children.map((c) => [c.unitId, c.actual]).sort()).toEqual(
      [
        [t.cdcsA, 5],
        [t.cdcsB, 1],
      ].sort(),
    );

    // District A ends in 2025; its 2024 plan keeps its true progress.
    const ended = await admin.post(`/api/org/units/${t.districtA}/dissolve`, { effectiveDate: '2025-07-01' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(await actual(planA, '2025-12-31')).toBe(3);
    // A record entered late with a past date changes the live figure.
    const late = await admitOk(admin, t.cdcsB, people(1, 'Trễ'), on('2024-09-01'));
    expect(late).toHaveLength(1);
    expect(await actual(planB, '2024-10-30')).toBe(4);
  });

  it('pace, forecast, status and pending as of a date', async () => {
    const t = await makeTree(env);
    const admin = env.admin;
    const r = await admin.post('/api/plans', {
      ...planBody(t.districtA, { number: '12', periodFrom: '2024-01-01', periodTo: '2024-12-30' }),
      targets: [
        { code: 'A', metric: 'members.admitted', goal: 4 },
        { code: 'B', metric: 'members.admitted', goal: 100 },
        { code: 'C', metric: 'members.admitted', comparator: 'at_most', goal: 1 },
      ],
    });
    const id = r.data.id;
    await admitOk(admin, t.cdcsA, people(2, 'Đỗ'), on('2024-03-01'));
    // 2 admitted in the first half of 365 days: the pace forecasts ~4 by the end.
    const p = (await admin.get(`/api/plans/${id}/progress?asOf=2024-07-01`)).data;
    expect(p.elapsedDays).toBe(183);
    expect(p.totalDays).toBe(365);
    const [a, b, c] = p.targets;
    expect(a?.actual).toBe(2);
    expect(a?.forecast.basis).toBe('pace');
    expect(a?.forecast.value).toBeCloseTo((2 * 365) / 183, 1);
    // 3.99 of 4 is under the on-track ratio (1) but above the at-risk one (0.85): dated rules of migration 021.
    expect(a?.status).toBe('at_risk');
    expect(a?.expectedNow).toBeCloseTo((4 * 183) / 365, 1);
    expect(a?.pace.neededPerDay).toBeCloseTo(2 / 182, 3);
    expect(b?.status).toBe('behind');
    expect(b?.percent).toBe(2);
    // At most 1: two already is over.
    expect(c?.status).toBe('behind');
    expect(a?.pending).toBe(0);
    const before = (await admin.get(`/api/plans/${id}/progress?asOf=2023-12-01`)).data;
    expect(before.targets[0]?.status).toBe('not_started');
    expect(before.targets[0]?.actual).toBe(0);
  });
});

describe('who sees which targets', () => {
  it('a CĐCS chair sees their own plan and the share given to them, not a sibling’s; the district sees its children’s', async () => {
    const t = await makeTree(env);
    const districtAdmin = await makeUser(env, 'federation_admin', t.districtA);
    const chairA = await makeUser(env, 'officer', t.cdcsA);
    const district = await districtAdmin.post('/api/plans', {
      ...planBody(t.districtA, { number: '8' }),
      targets: [{ code: 'T3', metric: 'members.admitted', goal: 10 }],
    });
    const target = district.data.targets[0];
    if (!target) throw new Error('no target');
    await districtAdmin.post(`/api/plans/${district.data.id}/issue`);
    const shares = await districtAdmin.put(`/api/plans/${district.data.id}/targets/${target.id}/shares`, {
      shares: [{ unitId: t.cdcsA, goal: 6 }],
    });
    const own = await districtAdmin.post('/api/plans', {
      ...planBody(t.cdcsA, { number: '1', symbol: 'KH-CĐCS' }),
      targets: [{ code: 'T3', metric: 'members.admitted', goal: 0, adoptedShareId: shares.data.shares[0]?.id }],
    });
    expect(own.statusCode, own.body).toBe(201);
    await districtAdmin.post(`/api/plans/${own.data.id}/issue`);
    const sibling = await env.admin.post('/api/plans', planBody(t.cdcsB, { number: '1', symbol: 'KH-CĐCS' }));

    expect((await chairA.get(`/api/plans/${own.data.id}`)).statusCode).toBe(200);
    expect((await chairA.get(`/api/plans/${sibling.data.id}`)).statusCode).toBe(404);
    expect((await chairA.get(`/api/plans/${district.data.id}`)).statusCode).toBe(404);
    expect((await districtAdmin.get(`/api/plans/${own.data.id}/progress`)).statusCode).toBe(200);
    expect((await districtAdmin.get(`/api/plans/${sibling.data.id}`)).statusCode).toBe(404);
    // Only the federation manages plans: the chair reads.
    expect(
      (
        await chairA.post(`/api/plans/${own.data.id}/amendments`, {
          targetId: 1,
          amendedOn: '2024-06-01',
          goal: 3,
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);

    await admitOk(districtAdmin, t.cdcsA, people(3, 'Mai'), on('2024-05-02'));
    const dash = await chairA.get('/api/dashboard?asOf=2024-06-01');
    expect(dash.statusCode, dash.body).toBe(200);
    expect(dash.data.unit.id).toBe(t.cdcsA);
    expect(dash.data.plans.map((p) => p.plan.id)).toEqual([own.data.id]);
    expect(dash.data.plans[0]?.targets[0]).toMatchObject({ goal: 6, actual: 3, percent: 50 });
    expect(dash.data.assigned).toMatchObject([
      { planId: district.data.id, code: 'T3', goal: 6, actual: 3, percent: 50 },
    ]);
    const drill = await chairA.get(
      `/api/plans/${own.data.id}/targets/${own.data.targets[0]?.id}/drill?asOf=2024-06-01`,
    );
    expect(drill.data).toMatchObject({
      page: 'members',
      path: '/members',
      query: { unitId: String(t.cdcsA), admittedFrom: '2024-04-01', admittedTo: '2024-06-01' },
    });
    const list = await chairA.get(`/api/members?unitId=${t.cdcsA}&admittedFrom=2024-04-01&admittedTo=2024-06-01`);
    expect(list.data.total).toBe(3);
    const series = await chairA.get(
      `/api/plans/${own.data.id}/targets/${own.data.targets[0]?.id}/series?asOf=2024-06-01`,
    );
    expect(series.statusCode, series.body).toBe(200);
    expect(series.data.points.at(-1)?.value).toBe(3);
  });
});
