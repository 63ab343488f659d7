import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS, type MetricCode, type MetricFilters } from '../../../shared/metrics/catalogue.js';
import { createTestEnv, makeUnit, type TestEnv } from '../../test/harness.js';
import { admitOk, membersSetup } from '../../test/members.js';
import { person } from '../../test/people.js';
import { figures, scratch, series } from './metrics.figures.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const PERIOD = { from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31' };

async function fig(unitId: number, metric: MetricCode, filters: MetricFilters = {}, p: Partial<typeof PERIOD> = {}) {
  const req = { unitId, metric, filters, ...PERIOD, ...p };
  const [summary] = await figures(env.ctx.db, [req]);
  // The engine and the from-scratch definition agree on every figure these tests look at.
  expect(summary).toEqual(await scratch(env.ctx.db, req));
  return summary?.value;
}

describe('metrics: figures over the dated tree', () => {
  it('counts admissions (not transfers), the informal subset, stocks at a date, and a moved unit on both sides', async () => {
    const { t, officer, adminA } = await membersSetup(env);
    const informal = { ...person('Lò Thị Hoa'), informalTradeCode: 'RIDER' };
    const [a] = await admitOk(officer, t.cdcsA, [person('Nguyễn Văn An'), informal]);
    expect(await fig(t.cdcsA, 'members.admitted')).toBe(2);
    expect(await fig(t.districtA, 'members.admitted')).toBe(2);
    expect(await fig(t.province, 'members.admitted')).toBe(2);
    expect(await fig(t.districtB, 'members.admitted')).toBe(0);
    expect(await fig(t.districtA, 'members.admitted', {}, { asOf: '2024-03-14' })).toBe(0);
    expect(await fig(t.districtA, 'members.stock', {}, { asOf: '2024-03-14' })).toBe(0);
    expect(await fig(t.districtA, 'members.stock')).toBe(2);
    expect(await fig(t.districtA, 'members.net')).toBe(2);
    expect(await fig(t.districtA, 'members.admitted', { informal: true })).toBe(1);
    expect(await fig(t.districtA, 'members.admitted', { informal: false })).toBe(1);

    // A transfer inside district A is not an admission anywhere.
    const cdcsA2 = await makeUnit(env, { name: 'CĐCS Gỗ An Lộc', typeCode: 'CDCS', parentId: t.districtA });
    const tr = await officer.post(`/api/members/${a?.membershipId}/transfer`, {
      toUnitId: cdcsA2,
      date: '2024-06-01',
      decisionNo: '3/QĐ',
    });
    expect(tr.statusCode, tr.body).toBe(200);
    expect(await fig(cdcsA2, 'members.admitted')).toBe(0);
    expect(await fig(cdcsA2, 'members.stock')).toBe(1);
    expect(await fig(t.cdcsA, 'members.stock')).toBe(1);
    expect(await fig(t.districtA, 'members.admitted')).toBe(2);

    // CĐCS A moves to district B on 01/09/2024: its March admissions stay with district A.
    const mv = await env.admin.post(`/api/org/units/${t.cdcsA}/move`, {
      newParentId: t.districtB,
      effectiveDate: '2024-09-01',
    });
    expect(mv.statusCode, mv.body).toBe(200);
    expect(await fig(t.districtA, 'members.admitted')).toBe(2);
    expect(await fig(t.districtB, 'members.admitted')).toBe(0);
    expect(await fig(t.districtB, 'members.stock')).toBe(1);
    expect(await fig(t.districtA, 'members.stock')).toBe(1);
    expect(await fig(t.districtA, 'members.stock', {}, { asOf: '2024-08-31' })).toBe(2);
    expect(await fig(t.province, 'members.stock')).toBe(2);
    // Admitted there after the move: district B's.
    await admitOk(adminA, t.cdcsA, [person('Trần Văn Sau')], { decisionDate: '2024-10-01' }).catch(() => undefined);
    const rows = await series(env.ctx.db, { unitId: t.province, metric: 'members.admitted', filters: {}, ...PERIOD });
    expect(rows.at(-1)?.day).toBe('2024-12-31');
    expect(rows.find((r) => r.day >= '2024-03-15')?.value).toBeGreaterThanOrEqual(2);
  });
});

describe('metrics: every catalogue entry', () => {
  it('answers every metric and each filter it accepts, on this database', async () => {
    const { t } = await membersSetup(env);
    for (const m of METRICS) {
      const variants: MetricFilters[] = [{}];
      for (const f of m.filters) {
        if (f === 'minWorkers') variants.push({ minWorkers: 25 });
        else variants.push({ [f]: true }, { [f]: false });
      }
      for (const filters of variants) {
        const r = await scratch(env.ctx.db, { unitId: t.province, metric: m.code, filters, ...PERIOD });
        expect(Number.isFinite(r.value), `${m.code} ${JSON.stringify(filters)}`).toBe(true);
      }
    }
  });
});
