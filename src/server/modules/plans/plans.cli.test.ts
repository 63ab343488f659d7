import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, makeTree, type TestEnv } from '../../test/harness.js';
import { admitOk } from '../../test/members.js';
import { person } from '../../test/people.js';
import { CliProblem, progressJson, progressReport, progressText } from './plans.cli.js';
import { planBody } from './plans.fixture.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('npm run cli -- progress <plan> [--as-of dd/mm/yyyy] [--unit CODE] [--json]', () => {
  it('prints the same figures as the API, by reference, number or id', async () => {
    const t = await makeTree(env);
    const created = await env.admin.post('/api/plans', planBody(t.districtA, { number: '77' }));
    expect(created.statusCode, created.body).toBe(201);
    await env.admin.post(`/api/plans/${created.data.id}/issue`);
    await admitOk(
      env.admin,
      t.cdcsA,
      [person('Lê Văn Một'), person('Lê Thị Hai', { gender: 'female', informalTradeCode: 'PORTER' })],
      {
        decisionDate: '2024-05-02',
        applicationDate: '2024-05-01',
        ceremonyDate: null,
      },
    );
    const api = (await env.admin.get(`/api/plans/${created.data.id}/progress?asOf=2024-10-30`)).data;
    const p = await progressReport(env.ctx, '77/KH-LĐLĐ', { asOf: '30/10/2024' });
    const json = progressJson(p);
    expect(json.plan.reference).toBe('77/KH-LĐLĐ');
    expect(json.asOf).toBe('2024-10-30');
    expect(json.targets.map((x) => [x.metric, x.goal, x.actual, x.percent, x.status])).toEqual(
      api.targets.map((x) => [x.metric, x.goal, x.actual, x.percent, x.status]),
    );
    expect(json.targets[0]).toMatchObject({ metric: 'members.admitted', goal: 4, actual: 2, pending: 0, percent: 50 });
    expect(json.targets[0]?.subTargets[0]).toMatchObject({ metric: 'members.admitted', goal: 1, actual: 1 });
    expect(typeof json.targets[0]?.forecast).toBe('number');
    expect(progressText(p)).toContain('T3. Đoàn viên kết nạp mới: 2/4 (50%)');
    // By number and by id: the same plan.
    expect((await progressReport(env.ctx, '77', { asOf: '30/10/2024' })).plan.id).toBe(created.data.id);
    expect((await progressReport(env.ctx, String(created.data.id), { asOf: '2024-10-30' })).plan.id).toBe(
      created.data.id,
    );
  });

  it('says what is wrong: an unknown plan, an ambiguous number, a bad date', async () => {
    const t = await makeTree(env);
    await env.admin.post('/api/plans', planBody(t.districtA, { number: '88' }));
    await env.admin.post('/api/plans', planBody(t.districtB, { number: '88' }));
    await expect(progressReport(env.ctx, '999999/KH-X', {})).rejects.toThrow(CliProblem);
    await expect(progressReport(env.ctx, '88', {})).rejects.toThrow(/Có 2 kế hoạch số "88".*--unit/);
    await env.admin.post('/api/plans', planBody(t.districtA, { number: '89' }));
    await expect(progressReport(env.ctx, '89/KH-LĐLĐ', { asOf: '31/02/2024' })).rejects.toThrow(/dd\/mm\/yyyy/);
  });
});
