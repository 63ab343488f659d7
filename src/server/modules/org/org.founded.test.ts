import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricFilters } from '../../../shared/metrics/catalogue.js';
import { createTestEnv, makeTree, makeUser, type TestEnv, uniq } from '../../test/harness.js';
import { nextMst, survey } from '../enterprises/enterprises.fixtures.js';
import { figures } from '../metrics/metrics.figures.js';

/**
 * Issue 10: the drill-down of target T2 lists exactly the grassroots unions the figure counts, with the
 * target's filters (non-state, headcount at founding), where each stood when it was founded.
 */
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('the unions behind the T2 figure', () => {
  it('lists the same unions the metric counts, for each filter, and names their enterprises', async () => {
    const t = await makeTree(env);
    const officer = await makeUser(env, 'officer', t.districtA);
    const found = async (name: string, decisionDate: string, enterprise?: { ownership: string; workers: number }) => {
      const u = await env.admin.post('/api/org/units', {
        code: uniq('CDCS'),
        name,
        typeCode: 'CDCS',
        parentId: t.districtA,
        validFrom: decisionDate,
        foundingDecisionNo: `${name.length}/QĐ-LĐLĐ`,
        foundingDecisionDate: decisionDate,
      });
      expect(u.statusCode, u.body).toBe(201);
      if (enterprise) {
        const e = await officer.post('/api/enterprises', {
          unitId: t.districtA,
          ownershipCode: enterprise.ownership,
          mst: nextMst(),
          name: `Công ty của ${name}`,
          grassrootsUnitId: u.data.id,
          survey: survey(enterprise.workers, { surveyDate: '2024-01-10' }),
        });
        expect(e.statusCode, e.body).toBe(201);
      }
      return u.data.id as number;
    };
    const big = await found('CĐCS Công ty Lớn', '2024-05-10', { ownership: 'PRIVATE', workers: 120 });
    const small = await found('CĐCS Công ty Nhỏ', '2024-06-20', { ownership: 'PRIVATE', workers: 12 });
    await found('CĐCS Năm Trước', '2023-05-01', { ownership: 'PRIVATE', workers: 60 });
    const noEnterprise = await found('CĐCS Không Doanh Nghiệp', '2024-08-01');

    const period = { from: '2024-04-15', to: '2024-10-30' };
    const list = async (extra = '') => {
      const r = await officer.get(
        `/api/org/founded?unitId=${t.districtA}&foundedFrom=${period.from}&foundedTo=${period.to}${extra}`,
      );
      expect(r.statusCode, r.body).toBe(200);
      return r.data.items as {
        id: number;
        name: string;
        foundedOn: string;
        parentName: string;
        enterprises: unknown[];
      }[];
    };
    const metric = async (filters: MetricFilters) =>
      (
        await figures(env.ctx.db, [
          { unitId: t.districtA, metric: 'unions.founded', filters, ...period, asOf: period.to },
        ])
      )[0]?.value;

    const all = await list();
    expect(all.map((u) => u.id)).toEqual([big, small, noEnterprise]);
    expect(all.length).toBe(await metric({}));
    expect(all[0]).toMatchObject({
      foundedOn: '2024-05-10',
      parentName: 'LĐLĐ huyện An Bình',
      enterprises: [{ name: 'Công ty của CĐCS Công ty Lớn', workers: 120, nonState: true }],
    });
    const atLeast25 = await list('&minWorkers=25');
    expect(atLeast25.map((u) => u.id)).toEqual([big]);
    expect(atLeast25.length).toBe(await metric({ minWorkers: 25 }));
    const nonState = await list('&nonState=true');
    expect(nonState.map((u) => u.id)).toEqual([big, small]);
    expect(nonState.length).toBe(await metric({ nonState: true }));
    // A bad date is the field's message, not a 500.
    const bad = await officer.get(
      `/api/org/founded?unitId=${t.districtA}&foundedFrom=15/04/2024&foundedTo=${period.to}`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error?.issues?.[0]?.path).toBe('querystring.foundedFrom');
  });
});
