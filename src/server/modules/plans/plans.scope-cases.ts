import { expect } from 'vitest';
import type { Client, makeTree, TestEnv } from '../../test/harness.js';
import { planBody, planCounts } from './plans.fixture.js';

type Fx = { env: TestEnv; a: Client; tree: Awaited<ReturnType<typeof makeTree>> };

/**
 * The scope-matrix cases of the plan routes (spread into platform/scope-matrix.test.ts): A, a federation
 * officer of district A, gets nothing of sibling district B's plans — 404 for each, lists without them — and
 * cannot assign A's targets to B's units.
 */
export function planScopeCases(get: () => Fx): Record<string, () => Promise<void>> {
  let made: { draft: number; issued: number; target: number; aPlan: number; aTarget: number } | null = null;
  const plans = async () => {
    if (made) return made;
    const { env, tree, a } = get();
    const draft = await env.admin.post('/api/plans', planBody(tree.districtB, { number: '1' }));
    const issued = await env.admin.post('/api/plans', planBody(tree.cdcsB, { number: '2' }));
    if (draft.statusCode !== 201 || issued.statusCode !== 201) throw new Error(draft.body + issued.body);
    await env.admin.post(`/api/plans/${issued.data.id}/issue`);
    const aPlan = await a.post('/api/plans', planBody(tree.districtA, { number: '3' }));
    if (aPlan.statusCode !== 201) throw new Error(aPlan.body);
    made = {
      draft: draft.data.id,
      issued: issued.data.id,
      target: issued.data.targets[0]?.id ?? 0,
      aPlan: aPlan.data.id,
      aTarget: aPlan.data.targets[0]?.id ?? 0,
    };
    return made;
  };
  const is404 = (r: { statusCode: number; body: string }) => expect(r.statusCode, r.body).toBe(404);
  async function refused(call: () => Promise<{ statusCode: number; body: string }>, status = 404) {
    const before = await planCounts(get().env);
    const r = await call();
    expect(r.statusCode, r.body).toBe(status);
    expect(await planCounts(get().env)).toEqual(before);
  }
  const a = () => get().a;
  const tree = () => get().tree;
  return {
    'GET /api/plans': async () => {
      const p = await plans();
      const ids = (await a().get('/api/plans?limit=200')).data.items.map((x) => x.id);
      expect(ids).toContain(p.aPlan);
      expect(ids).not.toContain(p.draft);
      expect(ids).not.toContain(p.issued);
      is404(await a().get(`/api/plans?unitId=${tree().districtB}`));
    },
    'POST /api/plans': async () => {
      for (const unitId of [tree().districtB, tree().cdcsB])
        await refused(() => a().post('/api/plans', planBody(unitId)));
    },
    'GET /api/plans/:id': async () => {
      const p = await plans();
      for (const id of [p.draft, p.issued]) is404(await a().get(`/api/plans/${id}`));
    },
    'PATCH /api/plans/:id': async () => {
      const p = await plans();
      const { unitId: _, ...body } = planBody(tree().districtB);
      await refused(() => a().patch(`/api/plans/${p.draft}`, body));
    },
    'DELETE /api/plans/:id': async () => {
      await refused(async () => a().delete(`/api/plans/${(await plans()).draft}`));
    },
    'POST /api/plans/:id/issue': async () => {
      await refused(async () => a().post(`/api/plans/${(await plans()).draft}/issue`));
    },
    'POST /api/plans/:id/amendments': async () => {
      const p = await plans();
      await refused(() =>
        a().post(`/api/plans/${p.issued}/amendments`, {
          targetId: p.target,
          amendedOn: '2024-06-01',
          goal: 9,
          reason: 'x',
        }),
      );
    },
    'GET /api/plans/:id/targets/:targetId/shares': async () => {
      const p = await plans();
      is404(await a().get(`/api/plans/${p.issued}/targets/${p.target}/shares`));
      // A's own plan with B's target id: not a target of that plan.
      is404(await a().get(`/api/plans/${p.aPlan}/targets/${p.target}/shares`));
    },
    'PUT /api/plans/:id/targets/:targetId/shares': async () => {
      const p = await plans();
      await refused(() => a().put(`/api/plans/${p.issued}/targets/${p.target}/shares`, { shares: [] }));
      // Nor can A give a share of its own target to B's union.
      await refused(
        () =>
          a().put(`/api/plans/${p.aPlan}/targets/${p.aTarget}/shares`, { shares: [{ unitId: tree().cdcsB, goal: 1 }] }),
        400,
      );
    },
    'GET /api/plans/:id/progress': async () => {
      is404(await a().get(`/api/plans/${(await plans()).issued}/progress`));
    },
    'GET /api/plans/:id/progress.xlsx': async () => {
      is404(await a().get(`/api/plans/${(await plans()).issued}/progress.xlsx`));
    },
    'GET /api/plans/:id/targets/:targetId/series': async () => {
      const p = await plans();
      is404(await a().get(`/api/plans/${p.issued}/targets/${p.target}/series`));
      is404(await a().get(`/api/plans/${p.aPlan}/targets/${p.aTarget}/series?unitId=${tree().cdcsB}`));
    },
    'GET /api/plans/:id/targets/:targetId/drill': async () => {
      const p = await plans();
      is404(await a().get(`/api/plans/${p.issued}/targets/${p.target}/drill`));
      is404(await a().get(`/api/plans/${p.aPlan}/targets/${p.aTarget}/drill?unitId=${tree().cdcsB}`));
    },
    'GET /api/dashboard': async () => {
      const p = await plans();
      is404(await a().get(`/api/dashboard?unitId=${tree().cdcsB}`));
      const mine = await a().get('/api/dashboard?asOf=2024-06-01');
      expect(mine.data.unit.id).toBe(tree().districtA);
      expect(mine.data.plans.map((x) => x.plan.id)).not.toContain(p.issued);
    },
  };
}
