import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, makeTree, makeUnit, makeUser, type TestEnv } from '../test/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

/**
 * The session, the user and the roles are read in one statement per request, and scopes are kept across
 * requests by the tree's version (issue 11 §2): what is kept must never outlive a role change, a logout
 * or a change of the tree.
 */
describe('the session and scope read once, kept only while nothing they depend on changed', () => {
  it('follows a role granted and withdrawn, its district moved, a district merged into it, and a logout, at the next request', async () => {
    const t = await makeTree(env);
    const officer = await makeUser(env, 'officer', t.districtA);
    const seeB = async () => (await officer.get(`/api/org/units/${t.cdcsB}`)).statusCode;
    // Warm every cache first: the same answer twice.
    expect(await seeB()).toBe(404);
    expect(await seeB()).toBe(404);

    const users = await env.admin.get('/api/users?limit=200');
    const me = (users.data.items as { id: number; username: string }[]).find((u) => u.username === officer.username);
    expect(me).toBeDefined();
    const granted = await env.admin.post(`/api/users/${me?.id}/roles`, { unitId: t.districtB, role: 'viewer' });
    expect(granted.statusCode).toBe(200);
    expect(await seeB()).toBe(200);
    const role = (granted.data.roles as { id: number; unitId: number }[]).find((r) => r.unitId === t.districtB);
    expect((await env.admin.delete(`/api/users/${me?.id}/roles/${role?.id}`)).statusCode).toBe(200);
    expect(await seeB()).toBe(404);

    // The officer's own district moved under another province: the units under it now stand on paths its
    // old scope did not hold, and are still the officer's at once; a district merged into it brings its units.
    const other = await makeUnit(env, {
      name: 'LĐLĐ tỉnh Khác',
      typeCode: 'LDLD_TINH',
      parentId: env.rootId,
      from: '2000-01-01',
    });
    const seeA = async () => (await officer.get(`/api/org/units/${t.cdcsA}`)).statusCode;
    expect(await seeA()).toBe(200);
    const moved = await env.admin.post(`/api/org/units/${t.districtA}/move`, {
      effectiveDate: '2024-01-01',
      newParentId: other,
    });
    expect(moved.statusCode).toBe(200);
    expect(await seeA()).toBe(200);
    const merged = await env.admin.post(`/api/org/units/${t.districtB}/merge`, {
      effectiveDate: '2024-06-01',
      targetId: t.districtA,
    });
    expect(merged.statusCode).toBe(200);
    expect(await seeB()).toBe(200);

    expect((await officer.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await officer.get('/api/auth/me')).statusCode).toBe(401);
  });
});
