import { expect } from 'vitest';
import { type Client, makeTree, makeUser, type TestEnv } from './harness.js';

/** What the members' API tests share: a tree with an officer and an administrator of district A. */
export async function membersSetup(env: TestEnv) {
  const t = await makeTree(env);
  const officer = await makeUser(env, 'officer', t.districtA);
  const adminA = await makeUser(env, 'federation_admin', t.districtA);
  return { t, officer, adminA };
}

/** An admission decision of 15/03/2024 (unless `extra` says otherwise) for these people. */
export function admit(c: Client, unitId: number, people: unknown[], extra: Record<string, unknown> = {}) {
  return c.post('/api/members/admissions', {
    unitId,
    applicationDate: '2024-03-01',
    decisionNo: '12/QĐ-CĐCS',
    decisionDate: '2024-03-15',
    ceremonyDate: '2024-03-20',
    people,
    ...extra,
  });
}

export async function admitOk(c: Client, unitId: number, people: unknown[], extra: Record<string, unknown> = {}) {
  const r = await admit(c, unitId, people, extra);
  if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
  return r.data.admitted;
}

export async function countsOf(c: Client, unitId: number, from = '2024-01-01', to = '2024-12-31') {
  const r = await c.get(`/api/members/counts?unitId=${unitId}&from=${from}&to=${to}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.data;
}

/** A field → message map of an error's issues. */
export const byPath = (issues: { path: string; message: string }[] = []) =>
  Object.fromEntries(issues.map((i) => [i.path, i.message]));
