import { makeTree, makeUser, type TestEnv } from '../../test/harness.js';

/** What the enterprise and outreach tests start from: a fresh tree, an officer, a way to add enterprises. */

// Fresh valid tax codes for each call (check digit by the rule in shared/domain/union-rules.md §5),
// so tests never collide on an MST and need not clear the table.
const W = [31, 29, 23, 19, 17, 13, 7, 5, 3];
let seq = Math.floor(Math.random() * 1_000_000);
export const nextMst = (): string => {
  for (;;) {
    const base = `38${String(1_000_000 + (seq++ % 9_000_000)).padStart(7, '0')}`;
    const rem = W.reduce((s, w, i) => s + w * Number(base[i]), 0) % 11;
    if (rem !== 0) return `${base}${(10 - rem) % 10}`;
  }
};

export async function enterpriseSetup(env: TestEnv) {
  const t = await makeTree(env);
  const officer = await makeUser(env, 'officer', t.districtA);
  const mk = async (body: Record<string, unknown>) => {
    const r = await officer.post('/api/enterprises', { unitId: t.districtA, ownershipCode: 'PRIVATE', ...body });
    if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
    return r.data;
  };
  return { t, officer, mk };
}

export const survey = (workerCount: number, extra: Record<string, unknown> = {}) => ({
  surveyDate: '2024-04-20',
  workerCount,
  ...extra,
});
