import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, makeTree, makeUnit, makeUser, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('the audit log', () => {
  it('shows an administrator the changes about units in their subtree only, newest first', async () => {
    const t = await makeTree(env);
    const adminA = await makeUser(env, 'federation_admin', t.districtA);
    const inA = await makeUnit(env, { name: 'CĐCS Nhật ký A', typeCode: 'CDCS', parentId: t.districtA });
    const inB = await makeUnit(env, { name: 'CĐCS Nhật ký B', typeCode: 'CDCS', parentId: t.districtB });
    const r = await adminA.get('/api/audit?action=org.create&limit=200');
    expect(r.statusCode).toBe(200);
    const units = r.data.items.map((e) => e.unitId);
    expect(units).toContain(inA);
    expect(units).not.toContain(inB);
    const mine = r.data.items.find((e) => e.unitId === inA);
    expect(mine).toMatchObject({
      action: 'org.create',
      entity: 'org_unit',
      entityId: String(inA),
      unitName: 'CĐCS Nhật ký A',
      username: env.admin.username,
      before: null,
    });
    expect(mine?.after).toMatchObject({ name: 'CĐCS Nhật ký A', typeCode: 'CDCS' });
    const ids = r.data.items.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    // Another subtree's unit answers as if it did not exist.
    expect((await adminA.get(`/api/audit?unitId=${inB}`)).statusCode).toBe(404);
    const one = await adminA.get(`/api/audit?unitId=${inA}`);
    expect(one.data.total).toBe(1);
  });

  it('is for those who manage users', async () => {
    const t = await makeTree(env);
    const officer = await makeUser(env, 'officer', t.districtA);
    expect((await officer.get('/api/audit')).statusCode).toBe(403);
  });

  it('names a bad page size in English for an English reader', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const vi = await admin.get('/api/audit?limit=500');
    expect(vi.statusCode).toBe(400);
    expect(vi.data.error?.issues?.[0]?.path).toBe('querystring.limit');
    expect((await admin.put('/api/auth/me/locale', { locale: 'en' })).statusCode).toBe(200);
    const en = await admin.get('/api/audit?limit=500');
    expect(en.statusCode).toBe(400);
    expect(en.data.error?.issues).toEqual([
      { path: 'querystring.limit', message: 'Too big: expected number to be <=200' },
    ]);
    expect(en.data.error?.issues?.[0]?.message).not.toBe(vi.data.error?.issues?.[0]?.message);
  });
});
