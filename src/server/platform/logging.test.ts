import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createTestEnv, makeTree, makeUser, type TestEnv } from '../test/harness.js';
import type { App } from './context.js';

/** Structured logs must never carry a password, a session cookie or a CSRF token. */
let env: TestEnv;
let app: App;
const lines: string[] = [];
beforeAll(async () => {
  env = await createTestEnv();
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  app = await buildApp(env.ctx, { logger: { level: 'trace', stream } });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await env?.close();
});

describe('logging', () => {
  it('logs requests as JSON without secrets', async () => {
    const t = await makeTree(env);
    const u = await makeUser(env, 'viewer', t.districtA);
    const r = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: u.password },
    });
    expect(r.statusCode).toBe(200);
    const cookie = String(r.headers['set-cookie']).split(';')[0] ?? '';
    const csrf = JSON.parse(r.body).csrfToken as string;
    await app.inject({
      method: 'PUT',
      url: '/api/auth/me/locale',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { locale: 'en' },
    });
    const all = lines.join('');
    expect(lines.length).toBeGreaterThan(2);
    expect(all).toContain('/api/auth/login');
    expect(all).not.toContain(u.password);
    expect(all).not.toContain(cookie.split('=')[1]);
    expect(all).not.toContain(csrf);
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
  });

  it('never logs an identity number, even from a refused admission', async () => {
    const t = await makeTree(env);
    const u = await makeUser(env, 'officer', t.districtA);
    const r = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: u.password },
    });
    const cookie = String(r.headers['set-cookie']).split(';')[0] ?? '';
    const csrf = JSON.parse(r.body).csrfToken as string;
    const cccd = '079090777888';
    for (const birthDate of ['1990-01-01', '1980-01-01']) {
      await app.inject({
        method: 'POST',
        url: '/api/members/admissions',
        headers: { cookie, 'x-csrf-token': csrf },
        payload: {
          unitId: t.cdcsA,
          applicationDate: '2024-01-01',
          decisionNo: '1',
          decisionDate: '2024-01-02',
          people: [{ fullName: 'Ẩn Danh', birthDate, gender: 'male', cccd }],
        },
      });
    }
    expect(lines.join('')).not.toContain(cccd);
  });
});
