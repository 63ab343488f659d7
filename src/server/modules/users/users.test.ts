import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, login, makeTree, makeUser, type TestEnv, writeCounts } from '../../test/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const uname = (p: string) => `${p}${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

describe('user management inside a subtree', () => {
  it('a federation admin creates an officer in their subtree; the generated password works once shown', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const username = uname('canbo.');
    const r = await admin.post('/api/users', {
      username,
      fullName: 'Nguyễn Thị Hoà',
      roles: [{ unitId: t.cdcsA, role: 'officer' }],
    });
    expect(r.statusCode).toBe(201);
    expect(r.data.generatedPassword).toMatch(/^[A-Za-z2-9]{14}$/);
    expect(r.data.user.roles).toEqual([
      {
        id: expect.any(Number),
        unitId: t.cdcsA,
        unitName: 'CĐCS Công ty TNHH An Phát',
        unitCode: expect.any(String),
        role: 'officer',
      },
    ]);
    expect(JSON.stringify(r.data.user)).not.toContain('scrypt');
    const officer = await login(env.app, username, r.data.generatedPassword ?? '');
    expect((await officer.get(`/api/org/units/${t.cdcsA}`)).statusCode).toBe(200);
    expect((await officer.get(`/api/org/units/${t.districtA}`)).statusCode).toBe(404);
    // Found by unaccented name.
    const list = await admin.get(`/api/users?q=${encodeURIComponent('nguyen thi hoa')}`);
    expect(list.data.items.map((u: { username: string }) => u.username)).toEqual([username]);
    // The change is in the audit log, without the password.
    const audit = await admin.get(`/api/audit?unitId=${t.cdcsA}`);
    const entry = audit.data.items.find((e: { action: string }) => e.action === 'user.create');
    expect(entry?.username).toBe(admin.username);
    expect(JSON.stringify(entry)).not.toContain(r.data.generatedPassword);
  });

  it('cannot grant system_admin, and an officer cannot manage users at all', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const before = await writeCounts(env);
    const r = await admin.post('/api/users', {
      username: uname('x'),
      fullName: 'Leo Quyền',
      roles: [{ unitId: t.cdcsA, role: 'system_admin' }],
    });
    expect(r.statusCode).toBe(403);
    expect(r.data.error?.message).toBe('Bạn không thể cấp vai trò này');
    expect(await writeCounts(env)).toEqual(before);
    const officer = await makeUser(env, 'officer', t.districtA);
    expect((await officer.get('/api/users')).statusCode).toBe(403);
  });

  it('refuses a taken username with a clear message and writes nothing', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const before = await writeCounts(env);
    const r = await admin.post('/api/users', {
      username: admin.username,
      fullName: 'Trùng Tên',
      roles: [{ unitId: t.cdcsA, role: 'viewer' }],
    });
    expect(r.statusCode).toBe(409);
    expect(r.data.error?.message).toBe(`Tên đăng nhập "${admin.username}" đã có người dùng`);
    expect(await writeCounts(env)).toEqual(before);
  });

  it('resets a password (old sessions end) and deactivates a user (cannot sign in)', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const officer = await makeUser(env, 'officer', t.cdcsA);
    const id = (await officer.get('/api/auth/me')).data.user.id;
    const reset = await admin.post(`/api/users/${id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    expect((await officer.get('/api/auth/me')).statusCode).toBe(401);
    const again = await login(env.app, officer.username, reset.data.generatedPassword);
    expect((await admin.patch(`/api/users/${id}`, { active: false })).data.active).toBe(false);
    expect((await again.get('/api/auth/me')).statusCode).toBe(401);
    const r = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: officer.username, password: reset.data.generatedPassword },
    });
    expect(r.statusCode).toBe(401);
  });

  it('adds and removes roles, keeping at least one', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const viewer = await makeUser(env, 'viewer', t.cdcsA);
    const id = (await viewer.get('/api/auth/me')).data.user.id;
    const added = await admin.post(`/api/users/${id}/roles`, { unitId: t.districtA, role: 'officer' });
    expect(added.data.roles).toHaveLength(2);
    const first = added.data.roles[0]?.id;
    const removed = await admin.delete(`/api/users/${id}/roles/${first}`);
    expect(removed.data.roles).toHaveLength(1);
    const last = await admin.delete(`/api/users/${id}/roles/${removed.data.roles[0]?.id}`);
    expect(last.statusCode).toBe(422);
    expect(last.data.error?.code).toBe('LAST_ROLE');
  });

  it('a user with roles in two subtrees is listed by both admins, but only a common superior changes the account', async () => {
    const t = await makeTree(env);
    const adminA = await makeUser(env, 'federation_admin', t.districtA);
    const both = await makeUser(env, 'officer', t.cdcsA);
    const id = (await both.get('/api/auth/me')).data.user.id;
    await env.admin.post(`/api/users/${id}/roles`, { unitId: t.cdcsB, role: 'viewer' });
    const seen = await adminA.get(`/api/users/${id}`);
    expect(seen.data.roles.map((r: { unitId: number }) => r.unitId)).toEqual([t.cdcsA]);
    const r = await adminA.post(`/api/users/${id}/reset-password`);
    expect(r.statusCode).toBe(403);
    expect(r.data.error?.code).toBe('USER_OUTSIDE_SCOPE');
    const province = await makeUser(env, 'federation_admin', t.province);
    expect((await province.post(`/api/users/${id}/reset-password`)).statusCode).toBe(200);
  });
});

describe('field messages in the reader’s language', () => {
  it('names each bad field in Vietnamese, and in English once the user chose English', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const bad = { username: 'ab', fullName: 'Lê Văn Tám', email: 'khong-phai-email', roles: [], extra: 1 };
    const before = await writeCounts(env);
    const vi = await admin.post('/api/users', bad);
    expect(vi.statusCode).toBe(400);
    const viText = Object.fromEntries((vi.data.error?.issues ?? []).map((i) => [i.path, i.message]));
    expect(viText).toMatchObject({
      username: 'Tên đăng nhập cần ít nhất 3 ký tự',
      email: 'Email không hợp lệ',
      roles: 'Cần ít nhất một vai trò',
      '': 'Trường không được phép: extra',
    });

    expect(await writeCounts(env)).toEqual(before);

    expect((await admin.put('/api/auth/me/locale', { locale: 'en' })).statusCode).toBe(200);
    const beforeEn = await writeCounts(env);
    const en = await admin.post('/api/users', { ...bad, fullName: 42 });
    expect(en.statusCode).toBe(400);
    const enText = Object.fromEntries((en.data.error?.issues ?? []).map((i) => [i.path, i.message]));
    expect(enText).toMatchObject({
      username: 'A username needs at least 3 characters',
      email: 'Invalid email address',
      roles: 'At least one role is needed',
      '': 'Field not allowed: extra',
    });
    // zod's own message, in English too.
    expect(enText.fullName).toMatch(/^Invalid input: expected string, received number$/);
    expect(await writeCounts(env)).toEqual(beforeEn);
  });
});
