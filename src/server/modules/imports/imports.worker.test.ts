import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { ensureFirstAdmin, ensureRoot } from '../../bootstrap/first-admin.js';
import { type Config, loadConfig } from '../../config.js';
import { type DbHandle, migrateToLatest, openDatabase } from '../../db/database.js';
import type { AppContext } from '../../platform/context.js';
import { uploadFile, writeXlsx } from '../../test/files.js';
import { login, makeTree, makeUser, openTestDatabase, type TestEnv } from '../../test/harness.js';
import { runsOffThread } from './imports.worker-pool.js';

/**
 * Imports through the worker thread, with its own connection: a database file (SQLite in WAL mode, a second
 * connection) or the test's PostgreSQL schema. The other import tests run in-process on an in-memory database.
 */
let env: TestEnv;
let dir: string;
let handle: DbHandle;
let drop: () => Promise<void>;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-import-worker-'));
  let db: Config['db'];
  if (process.env.TEST_DB === 'postgres') {
    const opened = await openTestDatabase();
    ({ handle, db, drop } = opened);
  } else {
    db = { kind: 'sqlite', file: path.join(dir, 'data', 'doanvien.db') };
    handle = await openDatabase(db);
    drop = () => handle.close();
  }
  await migrateToLatest(handle.db);
  const config: Config = { ...loadConfig({ LOG_LEVEL: 'silent' }), dataDir: path.join(dir, 'data'), db };
  const ctx: AppContext = { db: handle.db, dbKind: handle.kind, config, version: 'test' };
  const first = await ensureFirstAdmin(handle.db);
  const rootId = await ensureRoot(handle.db);
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  if (!first) throw new Error('expected an empty database');
  const admin = await login(app, first.username, first.password);
  env = { app, ctx, rootId, admin, close: async () => app.close() };
});
afterAll(async () => {
  await env?.close();
  await drop?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

const W = [31, 29, 23, 19, 17, 13, 7, 5, 3];
let seq = Math.floor(Math.random() * 1_000_000);
const mst = (): string => {
  for (;;) {
    const base = `38${String(1_000_000 + (seq++ % 9_000_000)).padStart(7, '0')}`;
    const rem = W.reduce((s, w, i) => s + w * Number(base[i]), 0) % 11;
    if (rem !== 0) return `${base}${(10 - rem) % 10}`;
  }
};
const HEAD = ['STT', 'MST', 'Tên DN', 'Xã', 'Loại hình DN', 'Tổng số LĐ', 'LĐ nữ', 'Ngày khảo sát'];

describe('imports in a worker thread', () => {
  // Each worker compiles the server's TypeScript (tsx) on start: seconds per run here, not in a build.
  it('previews, commits all-or-nothing and undoes through the worker, answering errors as in-process', {
    timeout: 240_000,
  }, async () => {
    expect(runsOffThread(env.ctx)).toBe(true);
    const t = await makeTree(env);
    const officer = await makeUser(env, 'federation_admin', t.districtA);
    const rows = Array.from({ length: 1200 }, (_, i) => [
      i + 1,
      mst(),
      `Công ty số ${i + 1}`,
      'Xã Long Hà',
      'TNHH',
      20,
      5,
      '20/04/2024',
    ]);
    const file = await writeXlsx(dir, 'ds.xlsx', [HEAD, ...rows]);
    const up = await uploadFile(env, officer, '/api/imports/enterprises', file, { unitId: String(t.districtA) });
    expect(up.statusCode, up.body).toBe(200);
    const preview = await officer.post(`/api/imports/${up.data.batchId}/preview`, {});
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.data.inserted).toBe(1200);
    const commit = await officer.post(`/api/imports/${up.data.batchId}/commit`, { mode: 'all' });
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.data.committed).toBe(true);
    // Written by the worker's connection, read by this one.
    const n = await env.ctx.db
      .selectFrom('enterprise')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('import_batch_id', '=', up.data.batchId)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1200);
    const batch = await officer.get(`/api/imports/${up.data.batchId}`);
    expect(batch.data.status).toBe('committed');
    const undo = await officer.post(`/api/imports/${up.data.batchId}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);

    // A row rejected in 'all' mode: nothing written, the report crosses back whole.
    const bad = await writeXlsx(dir, 'bad.xlsx', [
      HEAD,
      [1, mst(), 'Công ty A', 'Xã Long Hà', 'TNHH', 20, 5, '20/04/2024'],
      [2, '123', 'Công ty B', 'Xã Long Hà', 'TNHH', 20, 5, '20/04/2024'],
    ]);
    const up2 = await uploadFile(env, officer, '/api/imports/enterprises', bad, { unitId: String(t.districtA) });
    const rejected = await officer.post(`/api/imports/${up2.data.batchId}/commit`, { mode: 'all' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.data.committed).toBe(false);
    expect(rejected.data.rejected[0]?.row).toBe(3);
  });

  it('answers a limit broken inside the worker with its own message, and marks the batch failed', {
    timeout: 120_000,
  }, async () => {
    const t = await makeTree(env);
    const officer = await makeUser(env, 'federation_admin', t.districtA);
    const rows = Array.from({ length: 30 }, (_, i) => [
      i + 1,
      mst(),
      `Công ty ${i}`,
      'Xã Long Hà',
      'TNHH',
      20,
      5,
      '20/04/2024',
    ]);
    const file = await writeXlsx(dir, 'rows.xlsx', [HEAD, ...rows]);
    const up = await uploadFile(env, officer, '/api/imports/enterprises', file, { unitId: String(t.districtA) });
    const limits = env.ctx.config.imports;
    const saved = limits.maxRows;
    limits.maxRows = 10;
    try {
      const r = await officer.post(`/api/imports/${up.data.batchId}/commit`, { mode: 'valid' });
      expect(r.statusCode, r.body).toBe(422);
      expect(r.data.error?.code).toBe('IMPORT_FILE');
      expect(r.data.error?.message).toContain('hơn 10 dòng');
    } finally {
      limits.maxRows = saved;
    }
    expect((await officer.get(`/api/imports/${up.data.batchId}`)).data.status).toBe('failed');
  });
});
