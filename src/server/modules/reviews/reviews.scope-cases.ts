import { expect } from 'vitest';
import type { Client, makeTree, TestEnv } from '../../test/harness.js';
import { planBody } from '../plans/plans.fixture.js';

type Fx = { env: TestEnv; a: Client; tree: Awaited<ReturnType<typeof makeTree>> };

/**
 * The scope-matrix cases of the review routes (spread into platform/scope-matrix.test.ts): A, a federation
 * officer of district A, reads, edits, freezes, versions, sends and decides nothing of sibling district B's
 * reviews — a 404 for each, with nothing written — and finds none of B's in its lists.
 */
export function reviewScopeCases(get: () => Fx): Record<string, () => Promise<void>> {
  let made: { plan: number; draft: number; frozen: number; sent: number } | null = null;
  const reviews = async () => {
    if (made) return made;
    const { env, tree } = get();
    const admin = env.admin;
    const plan = await admin.post('/api/plans', planBody(tree.cdcsB, { number: '77' }));
    if (plan.statusCode !== 201) throw new Error(plan.body);
    await admin.post(`/api/plans/${plan.data.id}/issue`);
    const mk = async (part: number) => {
      const r = await admin.post(`/api/plans/${plan.data.id}/reviews`, { kind: 'quarter', year: 2024, part });
      if (r.statusCode !== 201) throw new Error(r.body);
      return r.data.id;
    };
    const draft = await mk(2);
    const frozen = await mk(3);
    await admin.post(`/api/reviews/${frozen}/freeze`);
    const sent = await mk(4);
    await admin.post(`/api/reviews/${sent}/freeze`);
    const s = await admin.post(`/api/reviews/${sent}/submit`, { toUnitId: tree.districtB });
    if (s.statusCode !== 200) throw new Error(s.body);
    made = { plan: plan.data.id, draft, frozen, sent };
    return made;
  };
  const count = async () => {
    const r = await get()
      .env.ctx.db.selectFrom('plan_review')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const statuses = await get()
      .env.ctx.db.selectFrom('plan_review')
      .select(['id', 'status', 'sections'])
      .orderBy('id')
      .execute();
    return { n: Number(r.n), statuses };
  };
  async function refused(call: () => Promise<{ statusCode: number; body: string }>) {
    await reviews();
    const before = await count();
    const r = await call();
    expect(r.statusCode, r.body).toBe(404);
    expect(await count()).toEqual(before);
  }
  const a = () => get().a;
  return {
    'GET /api/plans/:id/reviews': async () => {
      await refused(async () => a().get(`/api/plans/${(await reviews()).plan}/reviews`));
    },
    'POST /api/plans/:id/reviews': async () => {
      await refused(async () =>
        a().post(`/api/plans/${(await reviews()).plan}/reviews`, { kind: 'quarter', year: 2024, part: 1 }),
      );
    },
    'GET /api/reviews/received': async () => {
      const r = await reviews();
      const own = await a().get('/api/reviews/received');
      expect(own.data.items.map((x) => x.id)).not.toContain(r.sent);
      await refused(async () => a().get(`/api/reviews/received?unitId=${get().tree.districtB}`));
    },
    'GET /api/reviews/:id': async () => {
      const r = await reviews();
      for (const id of [r.draft, r.frozen, r.sent]) await refused(() => a().get(`/api/reviews/${id}`));
    },
    'PATCH /api/reviews/:id': async () => {
      await refused(async () => a().patch(`/api/reviews/${(await reviews()).draft}`, { sections: { lessons: 'x' } }));
    },
    'POST /api/reviews/:id/freeze': async () => {
      await refused(async () => a().post(`/api/reviews/${(await reviews()).draft}/freeze`));
    },
    'POST /api/reviews/:id/versions': async () => {
      await refused(async () => a().post(`/api/reviews/${(await reviews()).frozen}/versions`));
    },
    'POST /api/reviews/:id/submit': async () => {
      await refused(async () =>
        a().post(`/api/reviews/${(await reviews()).frozen}/submit`, { toUnitId: get().tree.districtA }),
      );
    },
    'POST /api/reviews/:id/acknowledge': async () => {
      await refused(async () => a().post(`/api/reviews/${(await reviews()).sent}/acknowledge`));
    },
    'POST /api/reviews/:id/return': async () => {
      await refused(async () => a().post(`/api/reviews/${(await reviews()).sent}/return`, { comment: 'x' }));
    },
    'GET /api/reviews/:id/document.docx': async () => {
      const r = await reviews();
      for (const q of ['', '?format=pdf']) await refused(() => a().get(`/api/reviews/${r.frozen}/document.docx${q}`));
    },
    'GET /api/reviews/:id/annex.xlsx': async () => {
      await refused(async () => a().get(`/api/reviews/${(await reviews()).frozen}/annex.xlsx`));
    },
  };
}
