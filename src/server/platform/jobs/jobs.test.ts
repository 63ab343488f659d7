import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxParts, paragraphs } from '../../modules/documents/documents.fixture.js';
import { planBody } from '../../modules/plans/plans.fixture.js';
import { insertUserWithRoles } from '../../modules/users/users.repository.js';
import { type Client, createTestEnv, login, makeTree, makeUser, type TestEnv } from '../../test/harness.js';
import { person } from '../../test/people.js';
import { AppError, translateDbError } from '../errors.js';
import { hashPassword } from '../password.js';
import type { Actor } from '../scope.js';
import { census, chunkOf, failing, numbered, sleeper, spinner } from './jobs.fixture.js';
import { JobPool } from './pool.js';

/**
 * Heavy requests through the worker pool, on a database a second connection can open: an SQLite file, or the
 * test's PostgreSQL schema. Every other API test runs them in place (an in-memory SQLite, TEST_HEAVY_WORKERS
 * unset). Each worker compiles the server's TypeScript (tsx) when it starts: seconds here, not in a build.
 */
let env: TestEnv;
let dir: string;
const pools: JobPool[] = [];
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-jobs-'));
  const sqliteFile = { kind: 'sqlite', file: path.join(dir, 'data', 'doanvien.db') } as const;
  env = await createTestEnv({
    ...(process.env.TEST_DB === 'postgres' ? {} : { db: sqliteFile }),
    heavy: { workers: 2, timeoutMs: 120_000, nice: 10 },
  });
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
  await env?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const poolOf = (size: number, timeoutMs: number) => {
  const p = new JobPool({ size, timeoutMs, boot: { db: env.ctx.config.db, version: 'test', nice: 5 } });
  pools.push(p);
  return p;
};
const actor: Actor = {
  userId: 1,
  username: 'tester',
  fullName: 'Người thử',
  locale: 'vi',
  roles: [],
  ip: null,
  scopeCache: new Map(),
};

async function sheetRows(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: string[] = [];
    // The moment of the export (to the minute) is the only cell that may differ between two runs.
    ws.eachRow({ includeEmpty: true }, (row) =>
      rows.push(JSON.stringify(row.values).replace(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/g, '<moment>')),
    );
    return { name: ws.name, rows };
  });
}

const PASSWORD = 'Mật-khẩu-thử-1';
/** An officer of both districts: a scope of two subtrees, which the summaries do not answer. */
async function twoDistricts(t: Awaited<ReturnType<typeof makeTree>>) {
  const username = `u${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
  await insertUserWithRoles(env.ctx.db, {
    username,
    fullName: 'Cán bộ hai huyện',
    passwordHash: await hashPassword(PASSWORD),
    roles: [
      { unitId: t.districtA, role: 'officer' },
      { unitId: t.districtB, role: 'officer' },
    ],
    createdBy: null,
  });
  return { username };
}

const get = (c: Client, url: string) => env.app.inject({ method: 'GET', url, headers: { cookie: c.cookie } });

/** The same request answered by a worker, then on the request thread (the pool taken away meanwhile). */
async function bothWays(c: Client, url: string) {
  const viaWorker = await get(c, url);
  const jobs = env.ctx.jobs;
  env.ctx.jobs = undefined;
  try {
    return { viaWorker, inPlace: await get(c, url) };
  } finally {
    env.ctx.jobs = jobs;
  }
}

const head = (r: LightMyRequestResponse) => ({
  status: r.statusCode,
  type: r.headers['content-type'],
  disposition: r.headers['content-disposition'],
});

async function lastAudit(action: string) {
  const rows = await env.ctx.db
    .selectFrom('audit_log')
    .select(['user_id', 'entity', 'unit_id', 'after_json'])
    .where('action', '=', action)
    .orderBy('id', 'desc')
    .limit(2)
    .execute();
  return rows;
}

describe('heavy requests in the worker pool', () => {
  it('answers the exports, the progress workbook and the counts as the request thread does, audited the same', {
    timeout: 180_000,
  }, async () => {
    const t = await makeTree(env);
    const officer = await makeUser(env, 'officer', t.districtA);
    const adminA = await makeUser(env, 'federation_admin', t.districtA);
    const admitted = await adminA.post('/api/members/admissions', {
      unitId: t.cdcsA,
      applicationDate: '2024-03-01',
      decisionNo: '7/QĐ-CĐCS',
      decisionDate: '2024-03-15',
      people: [
        person('Trần Thị Yến', { gender: 'female', ethnicityCode: '02', religionCode: 'BUDDHISM' }),
        person('Nguyễn Văn An'),
        person('Lê Thị Bích', { gender: 'female', informalTradeCode: 'PORTER' }),
      ],
    });
    expect(admitted.statusCode, admitted.body).toBe(201);
    for (const name of ['Công ty Một', 'Công ty Hai'])
      expect(
        (await officer.post('/api/enterprises', { unitId: t.districtA, ownershipCode: 'PRIVATE', name })).statusCode,
      ).toBe(201);
    const plan = await adminA.post('/api/plans', planBody(t.districtA));
    expect(plan.statusCode, plan.body).toBe(201);

    const files: [Client, string, string | null][] = [
      [adminA, `/api/members/export?unitId=${t.districtA}`, 'member.export'],
      [officer, `/api/members/export?unitId=${t.districtA}&gender=female`, 'member.export'],
      [officer, `/api/enterprises/export.xlsx?unitId=${t.districtA}`, 'enterprise.export'],
      [adminA, `/api/plans/${plan.data.id}/progress.xlsx?asOf=2024-10-30`, null],
    ];
    for (const [c, url, action] of files) {
      const { viaWorker, inPlace } = await bothWays(c, url);
      expect(head(viaWorker), viaWorker.body).toEqual(head(inPlace));
      expect(viaWorker.statusCode).toBe(200);
      expect(await sheetRows(viaWorker.rawPayload)).toEqual(await sheetRows(inPlace.rawPayload));
      if (action) {
        // Both written, by the worker's connection and by this one, alike.
        const [second, first] = await lastAudit(action);
        expect(first).toBeDefined();
        expect(first).toEqual(second);
      }
    }
    // The files were written by the pool's workers: one job each, twice for the two member exports.
    expect(env.ctx.jobs?.stats().started).toBe(files.length);

    // Counts over two districts are counted from the records: a job on SQLite, in place on PostgreSQL; one
    // district's come from the summaries, in place on both.
    const both = await login(env.app, (await twoDistricts(t)).username, PASSWORD);
    const period = 'from=2024-01-01&to=2024-12-31';
    for (const [c, url, jobs] of [
      [both, `/api/members/counts?${period}`, env.ctx.dbKind === 'sqlite' ? 1 : 0],
      [adminA, `/api/members/counts?unitId=${t.districtA}&${period}`, 0],
    ] as const) {
      const before = env.ctx.jobs?.stats().started ?? 0;
      const counts = await bothWays(c, url);
      expect(counts.viaWorker.statusCode, counts.viaWorker.body).toBe(200);
      expect(counts.viaWorker.json()).toEqual(counts.inPlace.json());
      expect(counts.viaWorker.json().admitted).toBe(3);
      expect((env.ctx.jobs?.stats().started ?? 0) - before).toBe(jobs);
    }

    // Official documents: the plan's .docx, a review's report and its annex, each one job, the same text.
    await adminA.post(`/api/plans/${plan.data.id}/issue`);
    const review = await adminA.post(`/api/plans/${plan.data.id}/reviews`, { kind: 'quarter', year: 2024, part: 2 });
    expect(review.statusCode, review.body).toBe(201);
    expect((await adminA.post(`/api/reviews/${review.data.id}/freeze`)).statusCode).toBe(200);
    const before = env.ctx.jobs?.stats().started ?? 0;
    const text = async (r: LightMyRequestResponse) =>
      paragraphs((await docxParts(r.rawPayload)).get('word/document.xml') ?? '').map((x) => x.text);
    for (const url of [`/api/plans/${plan.data.id}/document.docx`, `/api/reviews/${review.data.id}/document.docx`]) {
      const { viaWorker, inPlace } = await bothWays(adminA, url);
      expect(head(viaWorker), viaWorker.body).toEqual(head(inPlace));
      expect(viaWorker.statusCode).toBe(200);
      expect(await text(viaWorker)).toEqual(await text(inPlace));
    }
    const annex = await bothWays(adminA, `/api/reviews/${review.data.id}/annex.xlsx`);
    expect(annex.viaWorker.statusCode, annex.viaWorker.body).toBe(200);
    expect(await sheetRows(annex.viaWorker.rawPayload)).toEqual(await sheetRows(annex.inPlace.rawPayload));
    expect((env.ctx.jobs?.stats().started ?? 0) - before).toBe(3);
  });

  it('answers an AppError thrown in a worker as the same error', { timeout: 120_000 }, async () => {
    const t = await makeTree(env);
    const officer = await makeUser(env, 'officer', t.districtA);
    for (const url of [`/api/members/export?unitId=${t.districtB}`, '/api/plans/987654/progress.xlsx']) {
      const { viaWorker, inPlace } = await bothWays(officer, url);
      expect(viaWorker.statusCode).toBe(404);
      expect(viaWorker.json()).toEqual(inPlace.json());
    }
    const pool = poolOf(1, 120_000);
    const err = await pool.run(env.ctx, failing, actor, 'app').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({
      code: 'ORG_CODE_TAKEN',
      params: { code: 'CĐ-01' },
      issues: [{ path: 'code', message: { vi: 'Trùng mã', en: 'Taken' } }],
    });
    // A driver's error keeps its code, so it is translated as on the request thread.
    const busy = await pool.run(env.ctx, failing, actor, 'driver').catch((e: unknown) => e);
    expect(translateDbError(busy)?.code).toBe('DB_BUSY');
  });

  it('runs at most its size of workers at once, each kept with its connection between jobs', {
    timeout: 120_000,
  }, async () => {
    const pool = poolOf(2, 120_000);
    const jobs = Array.from({ length: 6 }, () => pool.run(env.ctx, sleeper, actor, 300));
    expect(pool.stats()).toMatchObject({ workers: 2, busy: 2, queued: 4 });
    const runs = await Promise.all(jobs);
    // At the start of each job, how many were running: never more than the pool's size.
    const running = runs.map((r) => runs.filter((o) => o.start <= r.start && r.start < o.end).length);
    const overlapping = Math.max(...running);
    expect(overlapping).toBeLessThanOrEqual(2);
    expect(new Set(runs.map((r) => r.threadId)).size).toBe(2);
    expect(pool.stats().peak).toBe(2);
    const a = await pool.run({ ...env.ctx, clock: () => Date.UTC(2024, 5, 1) }, census, actor, null);
    const b = await pool.run(env.ctx, census, actor, null);
    expect(runs.map((r) => r.threadId)).toContain(a.threadId);
    expect(a).toMatchObject({ dbKind: env.ctx.dbKind, username: 'tester', users: b.users });
    expect(Math.abs((a.now ?? 0) - Date.UTC(2024, 5, 1))).toBeLessThan(60_000);
    expect(b.now).toBeNull();
    // Below the request thread's priority where threads have their own (Linux).
    if (a.nice !== null) expect(a.nice - os.getPriority()).toBe(5);
  });

  it('stops a job past its time, ending its worker, and goes on with a new one; a file may take longer while it flows', {
    timeout: 120_000,
  }, async () => {
    const pool = poolOf(1, 8_000);
    // The first job waits for the worker to start (and compile): within the time, not part of this test.
    const first = await pool.run(env.ctx, sleeper, actor, 0);
    const err = await pool.run(env.ctx, spinner, actor, 600_000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'HEAVY_TIMEOUT', params: { seconds: 8 } });
    const next = await pool.run(env.ctx, sleeper, actor, 0);
    expect(next.threadId).not.toBe(first.threadId);
    expect(pool.stats().peak).toBe(1);
    // 12 s of a file sending a chunk a second: past the 8 s, but never 8 s without a chunk.
    const slow = await pool.run(env.ctx, numbered, actor, { chunks: 12, size: 16, everyMs: 1000 });
    const got: Buffer[] = [];
    for await (const c of slow.body as AsyncIterable<Buffer>) got.push(c);
    expect(Buffer.concat(got).length).toBe(12 * 16);
  });

  it('streams a file whole as it is read, and ends the worker of a file nobody reads any more', {
    timeout: 120_000,
  }, async () => {
    const pool = poolOf(1, 120_000);
    const chunks = 300;
    const size = 4096;
    const file = await pool.run(env.ctx, numbered, actor, { chunks, size });
    expect(file).toMatchObject({ contentType: 'application/octet-stream', fileName: 'numbered.bin' });
    const got: Buffer[] = [];
    for await (const c of file.body as AsyncIterable<Buffer>) got.push(c);
    expect(Buffer.concat(got).equals(Buffer.concat(Array.from({ length: chunks }, (_, i) => chunkOf(i, size))))).toBe(
      true,
    );
    const { threadId } = await pool.run(env.ctx, sleeper, actor, 0);

    const abandoned = await pool.run(env.ctx, numbered, actor, { chunks: 1_000_000, size });
    const body = abandoned.body as NodeJS.ReadableStream & { destroy: () => void };
    for await (const _ of body) break;
    // The client went away: the worker is ended rather than left writing into nothing, and a new one serves on.
    const next = await pool.run(env.ctx, sleeper, actor, 0);
    expect(next.threadId).not.toBe(threadId);
    expect(pool.stats().peak).toBe(1);
  });
});
