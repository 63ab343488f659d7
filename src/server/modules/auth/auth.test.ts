import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, login, makeTree, makeUser, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('sign-in and sessions', () => {
  it('sets an HttpOnly SameSite=Lax session cookie and answers who is signed in', async () => {
    const t = await makeTree(env);
    const u = await makeUser(env, 'officer', t.districtA);
    const r = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: 'wrong-password' },
    });
    expect(r.statusCode).toBe(401);
    expect(JSON.parse(r.body).error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
    const me = await u.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.data.user.username).toBe(u.username);
    expect(me.data.roles).toEqual([
      {
        unitId: t.districtA,
        unitName: 'LĐLĐ huyện An Bình',
        unitCode: expect.any(String),
        role: 'officer',
        unitEndedOn: null,
        successorName: null,
      },
    ]);
    expect(me.data.permissions).toContain('record.write');
    expect(me.data.permissions).not.toContain('org.manage');
  });

  it('cookie flags', async () => {
    const t = await makeTree(env);
    const u = await makeUser(env, 'viewer', t.districtA);
    const r = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: u.password },
    });
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/dv_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain-HTTP install; Secure comes with PUBLIC_URL=https://…
  });

  it('stores passwords as scrypt hashes, never in clear', async () => {
    const rows = await env.ctx.db.selectFrom('app_user').select('password_hash').execute();
    for (const r of rows) expect(r.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('logs out: the cookie no longer works', async () => {
    const t = await makeTree(env);
    const u = await makeUser(env, 'viewer', t.districtA);
    expect((await u.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await u.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('expires an idle session', async () => {
    const t = await makeTree(env);
    const u = await makeUser(env, 'viewer', t.districtA);
    const old = new Date(Date.now() - (env.ctx.config.session.idleMinutes + 1) * 60_000).toISOString();
    const { createHash } = await import('node:crypto');
    const token = decodeURIComponent(u.cookie.split('=')[1] ?? '');
    const id = createHash('sha256').update(token).digest('hex');
    await env.ctx.db.updateTable('session').set({ last_seen_at: old }).where('id', '=', id).execute();
    const r = await u.get('/api/auth/me');
    expect(r.statusCode).toBe(401);
    expect(r.data.error?.message).toBe('Bạn cần đăng nhập để tiếp tục');
    expect(await env.ctx.db.selectFrom('session').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
  });

  it('expires a session past its absolute lifetime', async () => {
    const t = await makeTree(env);
    const u = await makeUser(env, 'viewer', t.districtA);
    const user = await env.ctx.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', u.username)
      .executeTakeFirstOrThrow();
    await env.ctx.db
      .updateTable('session')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('user_id', '=', user.id)
      .execute();
    expect((await u.get('/api/auth/me')).statusCode).toBe(401);
  });

  // Repeated failures slow a (username, source) pair rather than lock the account: login-limits.test.ts.

  it('remembers the language per user', async () => {
    const t = await makeTree(env);
    const u = await makeUser(env, 'viewer', t.districtA);
    expect((await u.put('/api/auth/me/locale', { locale: 'en' })).statusCode).toBe(200);
    const me = await u.get('/api/auth/me');
    expect(me.data.user.locale).toBe('en');
    const err = await u.get('/api/org/units/999999');
    expect(err.data.error?.message).toBe('Not found');
  });

  it('changes the password with the current one, signing out other devices', async () => {
    const t = await makeTree(env);
    const u = await makeUser(env, 'viewer', t.districtA);
    const wrong = await u.post('/api/auth/me/password', { currentPassword: 'nope', newPassword: 'mot-mat-khau-moi' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.data.error?.message).toBe('Mật khẩu hiện tại không đúng');
    const short = await u.post('/api/auth/me/password', { currentPassword: 'nope', newPassword: 'ngan' });
    expect(short.statusCode).toBe(400);
    expect(short.data.error?.issues?.[0]).toEqual({ path: 'newPassword', message: 'Mật khẩu cần ít nhất 10 ký tự' });
    const otherDevice = await login(env.app, u.username, u.password);
    const ok = await u.post('/api/auth/me/password', { currentPassword: u.password, newPassword: 'mot-mat-khau-moi' });
    expect(ok.statusCode).toBe(200);
    expect((await u.get('/api/auth/me')).statusCode).toBe(200);
    expect((await otherDevice.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login(env.app, u.username, 'mot-mat-khau-moi')).username).toBe(u.username);
  });
});

describe('field messages in the reader’s language', () => {
  it('names an empty username and a short new password in English for an English reader', async () => {
    const t = await makeTree(env);
    const u = await makeUser(env, 'viewer', t.districtA);
    // Before sign-in the browser's language decides.
    const anonymous = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
      payload: { username: '  ', password: '' },
    });
    expect(anonymous.statusCode).toBe(400);
    expect(JSON.parse(anonymous.body).error.issues).toEqual([
      { path: 'username', message: 'Enter your username' },
      { path: 'password', message: 'Enter your password' },
    ]);
    expect((await u.put('/api/auth/me/locale', { locale: 'en' })).statusCode).toBe(200);
    const short = await u.post('/api/auth/me/password', { currentPassword: u.password, newPassword: 'ngan' });
    expect(short.statusCode).toBe(400);
    expect(short.data.error?.issues).toEqual([
      { path: 'newPassword', message: 'A password needs at least 10 characters' },
    ]);
  });
});

describe('CSRF and headers', () => {
  it('refuses a state change without the CSRF token', async () => {
    const t = await makeTree(env);
    const u = await makeUser(env, 'viewer', t.districtA);
    const r = await env.app.inject({
      method: 'PUT',
      url: '/api/auth/me/locale',
      headers: { cookie: u.cookie },
      payload: { locale: 'en' },
    });
    expect(r.statusCode).toBe(403);
    expect(JSON.parse(r.body).error.code).toBe('CSRF');
    const user = await env.ctx.db
      .selectFrom('app_user')
      .select('locale')
      .where('username', '=', u.username)
      .executeTakeFirstOrThrow();
    expect(user.locale).toBe('vi');
  });

  it('refuses a cross-origin state change even with a token', async () => {
    const t = await makeTree(env);
    const u = await makeUser(env, 'viewer', t.districtA);
    const r = await env.app.inject({
      method: 'PUT',
      url: '/api/auth/me/locale',
      headers: { cookie: u.cookie, 'x-csrf-token': u.csrf, origin: 'https://evil.example', host: 'localhost:8080' },
      payload: { locale: 'en' },
    });
    expect(r.statusCode).toBe(403);
  });

  it('sends security headers', async () => {
    const r = await env.app.inject({ method: 'GET', url: '/api/health' });
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(r.headers['x-frame-options']).toBeDefined();
  });
});

describe('public and protected routes', () => {
  it('answers health with version and database kind, without a session', async () => {
    const r = await env.app.inject({ method: 'GET', url: '/api/health' });
    expect(r.statusCode).toBe(200);
    const body = JSON.parse(r.body);
    expect(body.version).toBe('test');
    expect(body.db).toBe(process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite');
  });

  it('every other API route needs a session (401)', async () => {
    const routes = env.app.apiRoutes.filter((r) => !r.public);
    expect(routes.length).toBeGreaterThan(15);
    for (const r of routes) {
      const res = await env.app.inject({
        method: r.method as 'GET',
        url: r.url.replace(/:(\w+)/g, '1'),
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('documents every route in OpenAPI at /docs/json and serves the UI at /docs', async () => {
    const doc = JSON.parse((await env.app.inject({ method: 'GET', url: '/docs/json' })).body);
    const documented = new Set<string>();
    for (const [p, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const m of Object.keys(ops)) documented.add(`${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    for (const r of env.app.apiRoutes) expect(documented, `${r.method} ${r.url}`).toContain(`${r.method} ${r.url}`);
    const ui = await env.app.inject({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });
});
