import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { hashPassword } from '../../platform/password.js';
import { createTestEnv, makeTree, makeUser, type TestEnv } from '../../test/harness.js';
import { insertUserWithRoles } from '../users/users.repository.js';
import { delayMs, sourceOf } from './auth.throttle.js';

/**
 * Sign-in limits that cannot be turned against users (issue 11 §7): failures slow the (username, source)
 * pair, never the account; time is the context's clock, moved by the tests (no sleeps).
 */
let env: TestEnv;
let now = Date.now();
const advance = (ms: number) => {
  now += ms;
};

beforeAll(async () => {
  env = await createTestEnv();
  env.ctx.clock = () => now;
});
afterAll(async () => {
  await env?.close();
});

let ipSeq = 0;
/** A source of the tests' own, so no test's failures count against another's. */
const freshIp = () => `10.77.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;

function attempt(username: string, password: string, ip: string, lang = 'vi') {
  return env.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: ip,
    headers: { 'accept-language': lang },
    payload: { username, password },
  });
}
const body = (r: { body: string }) => JSON.parse(r.body) as { error?: { code: string; message: string } };

async function failTimes(username: string, ip: string, n: number) {
  for (let i = 0; i < n; i++) expect((await attempt(username, `sai-${i}`, ip)).statusCode).toBe(401);
}

function throttleOf(username: string, ip: string) {
  return env.ctx.db
    .selectFrom('login_throttle')
    .selectAll()
    .where('username', '=', username)
    .where('source', '=', sourceOf(ip))
    .executeTakeFirst();
}

describe('login limits', () => {
  it('after the free failures the pair waits, even with the right password; from another address it works at once', async () => {
    const t = await makeTree(env);
    const u = await makeUser(env, 'viewer', t.districtA);
    const a = freshIp();
    const free = env.ctx.config.login.freeFailures;
    await failTimes(u.username, a, free);

    const right = await attempt(u.username, u.password, a);
    expect(right.statusCode).toBe(429);
    expect(body(right).error?.code).toBe('LOGIN_SLOWED');
    expect(body(right).error?.message).toBe('Đăng nhập sai nhiều lần từ thiết bị này. Vui lòng thử lại sau 1 giây.');
    expect(right.headers['retry-after']).toBe('1');
    const en = await attempt(u.username, 'x', a, 'en-US,en;q=0.9');
    expect(body(en).error?.message).toBe('Too many failed sign-ins from this device. Please try again in 1 second.');
    // Refused attempts are not checked, so they are not counted either: guessing cannot go on meanwhile.
    expect((await throttleOf(u.username, a))?.failures).toBe(free);

    const b = freshIp();
    expect((await attempt(u.username, u.password, b)).statusCode).toBe(200);
    // And the account's own wait at A is still there: B's success is B's.
    expect((await attempt(u.username, u.password, a)).statusCode).toBe(429);
  });

  it('the wait doubles from the last failure (1 s, 2 s, 4 s …) up to the cap', async () => {
    const t = await makeTree(env);
    const u = await makeUser(env, 'viewer', t.districtA);
    const a = freshIp();
    const { freeFailures, maxDelayMinutes } = env.ctx.config.login;
    await failTimes(u.username, a, freeFailures);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await attempt(u.username, 'sai', a);
      expect(r.statusCode).toBe(429);
      const wait = Number(r.headers['retry-after']);
      waits.push(wait);
      advance(wait * 1000 - 1);
      expect((await attempt(u.username, u.password, a)).statusCode, 'one millisecond early').toBe(429);
      advance(1);
      expect((await attempt(u.username, 'sai-nua', a)).statusCode).toBe(401);
    }
    const cap = maxDelayMinutes * 60;
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, cap, cap]);
    const capped = await attempt(u.username, u.password, a);
    expect(body(capped).error?.message).toBe(
      `Đăng nhập sai nhiều lần từ thiết bị này. Vui lòng thử lại sau ${maxDelayMinutes} phút.`,
    );
    advance(cap * 1000);
    expect((await attempt(u.username, u.password, a)).statusCode).toBe(200);
  });

  it('a success clears the pair; a count is forgotten after a quiet time', async () => {
    const t = await makeTree(env);
    const u = await makeUser(env, 'viewer', t.districtA);
    const a = freshIp();
    const { freeFailures, forgetMinutes } = env.ctx.config.login;
    await failTimes(u.username, a, freeFailures);
    advance(1000);
    expect((await attempt(u.username, u.password, a)).statusCode).toBe(200);
    expect(await throttleOf(u.username, a)).toBeUndefined();
    await failTimes(u.username, a, freeFailures - 1);
    expect((await throttleOf(u.username, a))?.failures).toBe(freeFailures - 1);
    advance(forgetMinutes * 60_000 + 1);
    await failTimes(u.username, a, freeFailures);
    expect((await throttleOf(u.username, a))?.failures).toBe(freeFailures);
  });

  it('an administrator sees the account slowed and unlocks it for every source, audited; another subtree gets 404', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const sibling = await makeUser(env, 'federation_admin', t.districtB);
    const u = await makeUser(env, 'officer', t.cdcsA);
    const id = (
      await env.ctx.db.selectFrom('app_user').select('id').where('username', '=', u.username).executeTakeFirstOrThrow()
    ).id;
    const [a, b] = [freshIp(), freshIp()];
    const free = env.ctx.config.login.freeFailures;
    await failTimes(u.username, a, free);
    await failTimes(u.username, b, free);
    const expected = new Date(now + 1000).toISOString();

    const shown = await admin.get(`/api/users/${id}`);
    expect(shown.data.loginSlowedUntil).toBe(expected);
    const list = await admin.get(`/api/users?q=${u.username}`);
    expect(list.data.items.map((x) => [x.username, x.loginSlowedUntil])).toEqual([[u.username, expected]]);

    const refused = await sibling.post(`/api/users/${id}/unlock-login`);
    expect(refused.statusCode).toBe(404);
    expect((await throttleOf(u.username, a))?.failures).toBe(free);

    const unlocked = await admin.post(`/api/users/${id}/unlock-login`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.data.loginSlowedUntil).toBeNull();
    expect(await throttleOf(u.username, a)).toBeUndefined();
    expect(await throttleOf(u.username, b)).toBeUndefined();
    const entry = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'before_json'])
      .where('entity', '=', 'user')
      .where('entity_id', '=', String(id))
      .where('action', '=', 'user.login.unlock')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.before_json ?? '{}')).toEqual({ loginSlowedUntil: expected, sources: 2 });
    // At once, without waiting.
    expect((await attempt(u.username, u.password, a)).statusCode).toBe(200);
    // Signed in again: nothing left to show.
    expect((await admin.get(`/api/users/${id}`)).data.loginSlowedUntil).toBeNull();
  });

  it('many users behind one address, each making a few typos, are not slowed', async () => {
    const t = await makeTree(env);
    const office = freshIp();
    const password = 'mat-khau-van-phong';
    const hash = await hashPassword(password);
    const users: string[] = [];
    for (let i = 0; i < 12; i++) {
      const username = `vp${ipSeq}x${i}`;
      await insertUserWithRoles(env.ctx.db, {
        username,
        fullName: `Cán bộ ${i}`,
        passwordHash: hash,
        roles: [{ unitId: t.cdcsA, role: 'viewer' }],
        createdBy: null,
      });
      users.push(username);
    }
    // 36 failures from the office: more than the old per-address lock (30) allowed for everyone.
    for (const name of users) await failTimes(name, office, 3);
    for (const name of users) expect((await attempt(name, password, office)).statusCode, name).toBe(200);
  }, 90_000);

  it('a spray of many usernames from one address reaches the per-source ceiling: slowed, not locked', async () => {
    const saved = env.ctx.config;
    env.ctx.config = { ...saved, login: { ...saved.login, freeFailuresPerSource: 8 } };
    try {
      const t = await makeTree(env);
      const u = await makeUser(env, 'viewer', t.districtA);
      const sprayer = freshIp();
      for (let i = 0; i < 8; i++) {
        expect((await attempt(`khong-co-${ipSeq}-${i}`, 'Matkhau123', sprayer)).statusCode).toBe(401);
      }
      const next = await attempt(`khong-co-${ipSeq}-moi`, 'Matkhau123', sprayer);
      expect(next.statusCode).toBe(429);
      expect(body(next).error?.code).toBe('LOGIN_SLOWED_SOURCE');
      expect(body(next).error?.message).toBe(
        'Có quá nhiều lần đăng nhập sai từ mạng này. Vui lòng thử lại sau 1 giây.',
      );
      expect(next.headers['retry-after']).toBe('1');
      // The account itself is not locked: from elsewhere it signs in at once.
      expect((await attempt(u.username, u.password, freshIp())).statusCode).toBe(200);
      advance(1000);
      expect((await attempt(`khong-co-${ipSeq}-moi`, 'Matkhau123', sprayer)).statusCode).toBe(401);
      const slower = await attempt(`khong-co-${ipSeq}-khac`, 'Matkhau123', sprayer);
      expect(slower.headers['retry-after']).toBe('2');
      advance(2000);
      expect((await attempt(u.username, u.password, sprayer)).statusCode).toBe(200);
    } finally {
      env.ctx.config = saved;
    }
  });

  it('parallel attempts of one pair cannot slip past the count', async () => {
    const t = await makeTree(env);
    const u = await makeUser(env, 'viewer', t.districtA);
    const a = freshIp();
    const free = env.ctx.config.login.freeFailures;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(u.username, `sai-${i}`, a)));
    const checked = answers.filter((r) => r.statusCode === 401).length;
    expect(answers.filter((r) => r.statusCode !== 401).every((r) => r.statusCode === 429)).toBe(true);
    // The clock stands still here: past the free failures no further turn comes.
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(free);
    expect((await throttleOf(u.username, a))?.failures).toBe(checked);
  });

  it('names the source: IPv4 as is, IPv4-mapped as IPv4, IPv6 by its /64', () => {
    expect(sourceOf('203.0.113.7')).toBe('203.0.113.7');
    expect(sourceOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(sourceOf('2001:db8:0:12:aaaa:bbbb:cccc:1')).toBe('2001:db8:0:12::/64');
    expect(sourceOf('2001:0DB8::1')).toBe('2001:db8:0:0::/64');
    expect(sourceOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(sourceOf('::1')).toBe('0:0:0:0::/64');
    expect([4, 5, 6, 7, 20, 100].map((n) => delayMs(n, 5, 900_000))).toEqual([0, 1000, 2000, 4000, 900_000, 900_000]);
  });

  it('refuses to start when a count would be forgotten before the longest wait is over', () => {
    expect(loadConfig({}).login).toEqual({
      freeFailures: 5,
      freeFailuresPerSource: 100,
      maxDelayMinutes: 15,
      forgetMinutes: 60,
    });
    expect(() => loadConfig({ LOGIN_MAX_DELAY_MINUTES: '30', LOGIN_FORGET_MINUTES: '30' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOGIN_FREE_FAILURES: '0' })).toThrow(/LOGIN_FREE_FAILURES/);
  });
});
