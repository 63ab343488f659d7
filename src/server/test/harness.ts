import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import type { ApiRoutes } from '../../shared/api.js';
import type { Role } from '../../shared/auth/roles.js';
import type { ErrorBody } from '../../shared/errors/codes.js';
import type { AnswerOf, KeysMatching, Method } from '../../shared/http/route.js';
import { buildApp } from '../app.js';
import { ensureFirstAdmin, ensureRoot } from '../bootstrap/first-admin.js';
import { type Config, loadConfig } from '../config.js';
import { type DbHandle, migrateToLatest, openDatabase } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { insertUserWithRoles } from '../modules/users/users.repository.js';
import type { App, AppContext } from '../platform/context.js';
import { createJobPool } from '../platform/jobs/run.js';
import { hashPassword } from '../platform/password.js';

/**
 * A real app over a real database for API tests. TEST_DB=postgres gives each test file its own
 * schema on the server named by TEST_DATABASE_URL (dropped afterwards), otherwise an in-memory SQLite.
 * Tests isolate themselves by building a fresh subtree (see makeTree), never by truncating.
 */
export type TestEnv = {
  app: App;
  ctx: AppContext;
  rootId: number;
  admin: Client;
  close: () => Promise<void>;
};

/**
 * A fresh database for one test file: an in-memory SQLite, or (TEST_DB=postgres) a schema of its own
 * on the server named by TEST_DATABASE_URL, dropped by `drop()`.
 */
export async function openTestDatabase(): Promise<{ handle: DbHandle; db: Config['db']; drop: () => Promise<void> }> {
  const usePg = process.env.TEST_DB === 'postgres';
  const url = process.env.TEST_DATABASE_URL;
  if (usePg && !url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const db: Config['db'] = usePg && url ? { kind: 'postgres', url, schema } : { kind: 'sqlite', file: ':memory:' };
  const handle = await openDatabase(db);
  const drop = async () => {
    await handle.close();
    if (usePg && url) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema if exists "${schema}" cascade`);
      await c.end();
    }
  };
  return { handle, db, drop };
}

async function openGivenDatabase(db: Config['db']) {
  const handle = await openDatabase(db);
  return { handle, db, drop: () => handle.close() };
}

export async function createTestEnv(overrides: Partial<Config> = {}): Promise<TestEnv> {
  // Heavy requests run in place unless TEST_HEAVY_WORKERS asks for workers: on PostgreSQL (an in-memory SQLite
  // has no second connection) the whole suite can then be run through them, each test file starting its own.
  const base = loadConfig({
    LOG_LEVEL: 'silent',
    IMPORT_WORKER: 'false',
    HEAVY_WORKERS: process.env.TEST_HEAVY_WORKERS ?? '0',
  });
  // Files (uploads, attachments) go to a folder of this test file's own, removed afterwards.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-test-'));
  // A database named by the test (an SQLite file, a scratch PostgreSQL database: backup tests), else a fresh one.
  const opened = overrides.db ? await openGivenDatabase(overrides.db) : await openTestDatabase();
  const config: Config = { ...base, dataDir, db: opened.db, ...overrides };
  const handle = opened.handle;
  await migrateToLatest(handle.db);
  const jobs = createJobPool(config, 'test');
  const ctx: AppContext = { db: handle.db, dbKind: handle.kind, config, version: 'test', jobs };
  const first = await ensureFirstAdmin(handle.db);
  const rootId = await ensureRoot(handle.db);
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  if (!first) throw new Error('expected an empty database');
  const admin = await login(app, first.username, first.password);
  return {
    app,
    ctx,
    rootId,
    admin,
    close: async () => {
      await app.close();
      await jobs?.close();
      await opened.drop();
      if (!overrides.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Routes = ApiRoutes;
/** Any answer may be an error body; a test reads `r.data.error?.code` after checking the status. */
type ErrorShape = { error?: ErrorBody['error'] };
/**
 * The answer type of the route a concrete URL reaches, looked up in the route tables by method and
 * path (`/api/users/${id}` matches "GET /api/users/:id"), so a test that reads a field the contract
 * no longer has fails the typecheck. A URL built at run time (type `string`) cannot be looked up, and
 * neither can an address no route serves: their answer is `unknown`.
 */
type AnswerAt<M extends Method, U extends string> = string extends U
  ? unknown
  : [KeysMatching<Routes, M, U>] extends [never]
    ? unknown
    : AnswerOf<Routes[KeysMatching<Routes, M, U>]>;
export type Res<T = unknown> = LightMyRequestResponse & { body: string; data: T & ErrorShape };
export type Client = {
  username: string;
  cookie: string;
  csrf: string;
  get: <U extends string>(url: U) => Promise<Res<AnswerAt<'GET', U>>>;
  post: <U extends string>(url: U, body?: unknown) => Promise<Res<AnswerAt<'POST', U>>>;
  patch: <U extends string>(url: U, body?: unknown) => Promise<Res<AnswerAt<'PATCH', U>>>;
  put: <U extends string>(url: U, body?: unknown) => Promise<Res<AnswerAt<'PUT', U>>>;
  delete: <U extends string>(url: U) => Promise<Res<AnswerAt<'DELETE', U>>>;
};

/** The parsed JSON answer, typed by the route the URL reached (the server's answer schema checked it). */
function withData<T>(r: LightMyRequestResponse): Res<T> {
  let data: unknown = null;
  try {
    data = r.body ? JSON.parse(r.body) : null;
  } catch {
    data = null;
  }
  return Object.assign(r, { data }) as Res<T>;
}

export async function login(app: App, username: string, password: string): Promise<Client> {
  const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (r.statusCode !== 200) throw new Error(`login ${username} failed: ${r.statusCode} ${r.body}`);
  const setCookie = r.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const cookie = (raw ?? '').split(';')[0] ?? '';
  const csrf = (JSON.parse(r.body) as { csrfToken: string }).csrfToken;
  const send = async <T>(method: Method, url: string, body?: unknown) =>
    withData<T>(
      await app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': csrf },
        ...(body !== undefined ? { payload: body as object } : {}),
      }),
    );
  return {
    username,
    cookie,
    csrf,
    get: (u) => send('GET', u),
    post: (u, b) => send('POST', u, b ?? {}),
    patch: (u, b) => send('PATCH', u, b ?? {}),
    put: (u, b) => send('PUT', u, b ?? {}),
    delete: (u) => send('DELETE', u),
  };
}

let seq = 0;
export const uniq = (prefix: string) => `${prefix}-${process.pid}-${Date.now().toString(36)}-${++seq}`.toUpperCase();

/** Creates a unit through the API as the system administrator, so tests exercise the real event path. */
export async function makeUnit(
  env: TestEnv,
  p: { name: string; typeCode: string; parentId: number; from?: string; code?: string; area?: [string, string] },
): Promise<number> {
  const r = await env.admin.post('/api/org/units', {
    code: p.code ?? uniq(p.typeCode),
    name: p.name,
    typeCode: p.typeCode,
    parentId: p.parentId,
    validFrom: p.from ?? '2020-01-01',
    adminAreaCode: p.area?.[0] ?? null,
    adminAreaName: p.area?.[1] ?? null,
  });
  if (r.statusCode !== 201) throw new Error(`makeUnit ${p.name}: ${r.statusCode} ${r.body}`);
  return r.data.id as number;
}

/** A fresh province with two districts (A, B), each with a grassroots union: siblings for scope tests. */
export async function makeTree(env: TestEnv) {
  const province = await makeUnit(env, {
    name: 'LĐLĐ tỉnh Thử nghiệm',
    typeCode: 'LDLD_TINH',
    parentId: env.rootId,
    from: '2000-01-01',
  });
  const districtA = await makeUnit(env, {
    name: 'LĐLĐ huyện An Bình',
    typeCode: 'LDLD_HUYEN',
    parentId: province,
    from: '2010-01-01',
  });
  const districtB = await makeUnit(env, {
    name: 'LĐLĐ huyện Bình Minh',
    typeCode: 'LDLD_HUYEN',
    parentId: province,
    from: '2010-01-01',
  });
  const cdcsA = await makeUnit(env, {
    name: 'CĐCS Công ty TNHH An Phát',
    typeCode: 'CDCS',
    parentId: districtA,
    from: '2015-01-01',
  });
  const cdcsB = await makeUnit(env, {
    name: 'CĐCS Công ty Cổ phần Bình Minh',
    typeCode: 'CDCS',
    parentId: districtB,
    from: '2015-01-01',
  });
  return { province, districtA, districtB, cdcsA, cdcsB };
}

/** A user holding one role, created directly (user management has its own tests). */
export async function makeUser(env: TestEnv, role: Role, unitId: number): Promise<Client & { password: string }> {
  const username = `u${randomBytes(5).toString('hex')}`;
  const password = `Pw-${randomBytes(8).toString('hex')}`;
  await insertUserWithRoles(env.ctx.db, {
    username,
    fullName: `Người dùng ${username}`,
    passwordHash: await hashPassword(password),
    roles: [{ unitId, role }],
    createdBy: null,
  });
  return { ...(await login(env.app, username, password)), password };
}

/** Row counts of these tables: equal before and after a refused call means nothing was written. */
export async function rowCounts(env: TestEnv, tables: readonly (keyof Database)[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await env.ctx.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

/** Row counts of every table that a change writes: equal before and after means nothing was written. */
export function writeCounts(env: TestEnv): Promise<Record<string, number>> {
  return rowCounts(env, [
    'org_unit',
    'org_unit_version',
    'org_event',
    'app_user',
    'user_role',
    'audit_log',
    'enterprise',
    'enterprise_survey',
    'outreach_event',
    'outreach_enterprise',
    'outreach_attachment',
    'import_batch',
    'person',
    'membership',
    'membership_event',
    'party_introduction',
  ]);
}
