import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Config } from '../src/server/config.js';
import { migrateToLatest, openDatabase } from '../src/server/db/database.js';
import { planBody } from '../src/server/modules/plans/plans.fixture.js';
import { insertUserWithRoles } from '../src/server/modules/users/users.repository.js';
import { hashPassword } from '../src/server/platform/password.js';
import { generateMembers, type MemberTarget } from './members.js';
import { generateNational } from './national.js';
import { generateTree } from './org-tree.js';
import { dropPgSchema } from './pg-schema.js';
import { spawnServer } from './server-child.js';

/**
 * Issue 11 §4, `npm run bench:heavy`: does the server keep answering while its heaviest requests run? A dataset
 * is generated set-based (BENCH_HEAVY_MEMBERS members, 200 k; BENCH_HEAVY_ENTERPRISES enterprises, 100 k; a tree
 * of 34 provinces), then a real server (a child process) is started on it twice: with the heavy requests in its
 * worker pool (HEAVY_WORKERS=2) and on the request thread (HEAVY_WORKERS=0), the baseline of the same run. While
 * each heavy request runs, GET /api/health is sent every 50 ms (whether or not the last one answered); printed
 * per request: its duration and the health answers' p50/p99/max and count, both ways, on SQLite and, with
 * BENCH_DATABASE_URL (a database of its own: a schema is made there and dropped), on PostgreSQL. Printed, never
 * asserted. The member search is measured too, for reference: it is not a job (it must answer in tens of ms).
 */
const MEMBERS = Number(process.env.BENCH_HEAVY_MEMBERS ?? 200_000);
const ENTERPRISES = Number(process.env.BENCH_HEAVY_ENTERPRISES ?? 100_000);
const PROBE_MS = 50;
const TREE = { provinces: 34, communes: 30, grassroots: 20 };
const PASSWORD = `Bench-${randomBytes(6).toString('hex')}`;

type Probe = { ms: number; ok: boolean };
type Figures = { label: string; ms: number; status: number; bytes: number; probes: Probe[] };
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** The dataset, written straight into the database the server will open; then the bench's two accounts. */
async function prepare(db: Config['db'], target: MemberTarget) {
  const h = await openDatabase(db);
  try {
    await migrateToLatest(h.db);
    const t0 = performance.now();
    const tree = await generateTree(h.db, TREE);
    await generateMembers(h.db, target, MEMBERS);
    await generateNational(h.db, { enterprises: ENTERPRISES, outreach: 10_000 });
    if (h.kind === 'postgres') await sql`analyze`.execute(h.db);
    const provinces = await h.db.selectFrom('org_unit').select('id').where('type_code', '=', 'LDLD_TINH').execute();
    const passwordHash = await hashPassword(PASSWORD);
    // The administrator at the generated root (the server makes no first administrator over a database with users).
    await insertUserWithRoles(h.db, {
      username: 'bench',
      fullName: 'Người đo',
      passwordHash,
      roles: [{ unitId: tree.sample.root, role: 'system_admin' }],
      createdBy: null,
    });
    // A role in every province: a scope of many ranges, which the summaries do not answer, so the national
    // counts are counted from the records.
    await insertUserWithRoles(h.db, {
      username: 'bench_provinces',
      fullName: 'Người đo các tỉnh',
      passwordHash,
      roles: provinces.map((p) => ({ unitId: p.id, role: 'federation_admin' as const })),
      createdBy: null,
    });
    const commune = await h.db
      .selectFrom('org_unit')
      .select('id')
      .where('type_code', '=', 'CD_XA')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    console.log(
      `  dataset: ${tree.units.toLocaleString('vi-VN')} units, ${MEMBERS.toLocaleString('vi-VN')} members, ${Math.max(ENTERPRISES, 0).toLocaleString('vi-VN')} enterprises, generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    return { root: tree.sample.root, commune: commune.id };
  } finally {
    await h.close();
  }
}

type Session = { cookie: string; csrf: string };

async function signIn(base: string, username: string): Promise<Session> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!r.ok) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  const me = (await r.json()) as { csrfToken: string };
  return { cookie: (r.headers.get('set-cookie') ?? '').split(';')[0] as string, csrf: me.csrfToken };
}

const send = async (base: string, s: Session, url: string, init: RequestInit = {}) => {
  const r = await fetch(`${base}${url}`, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), cookie: s.cookie, 'x-csrf-token': s.csrf, origin: base },
    signal: AbortSignal.timeout(900_000),
  });
  return { status: r.status, bytes: (await r.arrayBuffer()).byteLength };
};

/** Health every PROBE_MS from the request's start to its end, each probe timed from its own send. */
async function underProbes(base: string, label: string, run: () => Promise<{ status: number; bytes: number }>) {
  const probes: Probe[] = [];
  const pending: Promise<void>[] = [];
  const probe = () => {
    const t = performance.now();
    pending.push(
      fetch(`${base}/api/health`, { signal: AbortSignal.timeout(900_000) })
        .then(async (r) => {
          await r.arrayBuffer();
          probes.push({ ms: performance.now() - t, ok: r.ok });
        })
        .catch(() => {
          probes.push({ ms: performance.now() - t, ok: false });
        }),
    );
  };
  const t0 = performance.now();
  probe();
  const timer = setInterval(probe, PROBE_MS);
  let answer: { status: number; bytes: number };
  try {
    answer = await run();
  } finally {
    clearInterval(timer);
  }
  const ms = performance.now() - t0;
  await Promise.all(pending);
  return { label, ms, ...answer, probes } satisfies Figures;
}

async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; base: string }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const { child } = await spawnServer({ ...env, PORT: String(port) }, [], () => true);
  return { child, base: `http://127.0.0.1:${port}` };
}

async function stop(child: ChildProcess) {
  child.removeAllListeners('exit');
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** One server (one way of running the heavy requests): each request once to warm up, then measured. */
async function measureServer(env: NodeJS.ProcessEnv, ids: { root: number; commune: number }): Promise<Figures[]> {
  const { child, base } = await startServer(env);
  try {
    const admin = await signIn(base, 'bench');
    const provinces = await signIn(base, 'bench_provinces');
    const planId = await createPlan(base, admin, ids.root);
    const cases: [string, Session, string, string][] = [
      ['member export, national', admin, '/api/members/export', `/api/members/export?unitId=${ids.commune}`],
      [
        'enterprise export, national',
        admin,
        '/api/enterprises/export.xlsx',
        `/api/enterprises/export.xlsx?unitId=${ids.commune}`,
      ],
      [
        'member counts, 34 provinces',
        provinces,
        '/api/members/counts?from=2015-01-01&to=2024-12-31',
        '/api/members/counts?from=2024-01-01&to=2024-01-31',
      ],
      ...(planId === null
        ? []
        : ([
            [
              'plan progress .xlsx, national',
              admin,
              `/api/plans/${planId}/progress.xlsx?asOf=2024-10-30`,
              `/api/plans/${planId}/progress.xlsx?asOf=2024-05-01`,
            ],
          ] as [string, Session, string, string][])),
      ['member search "nguyen" (not a job)', admin, '/api/members?q=nguyen&limit=50', '/api/members?q=an&limit=50'],
    ];
    // Warm-up on a small scope, twice at once: each worker loads the modules of its jobs once.
    for (const [, s, , small] of cases) await Promise.all([send(base, s, small), send(base, s, small)]);
    const out: Figures[] = [];
    for (const [label, s, url] of cases) {
      process.stderr.write(`  ${label} (HEAVY_WORKERS=${env.HEAVY_WORKERS})…\n`);
      out.push(await underProbes(base, label, () => send(base, s, url)));
    }
    // Health with nothing else running, for comparison.
    out.push(
      await underProbes(
        base,
        'idle (2 s)',
        () => new Promise((r) => setTimeout(() => r({ status: 0, bytes: 0 }), 2000)),
      ),
    );
    return out;
  } finally {
    await stop(child);
  }
}

/** A plan of the root (the tests' plan: members admitted, of which informal, and Party introductions). */
async function createPlan(base: string, s: Session, root: number): Promise<number | null> {
  const r = await fetch(`${base}/api/plans`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf, origin: base },
    body: JSON.stringify(planBody(root, { number: String(Math.floor(Math.random() * 1e6)) })),
  });
  const body = (await r.json()) as { id?: number };
  if (r.status !== 201 || body.id === undefined) {
    console.log(
      `  (no plan: ${r.status} ${JSON.stringify(body).slice(0, 200)}; the progress workbook is not measured)`,
    );
    return null;
  }
  return body.id;
}

function print(label: string, offloaded: Figures[], inPlace: Figures[]) {
  console.log(`\n[heavy requests vs /api/health every ${PROBE_MS} ms] ${label}`);
  console.log(
    `  ${'request'.padEnd(36)} ${'run'.padEnd(14)} ${'duration'.padStart(9)} ${'answer'.padStart(12)}  ${'probes'.padStart(6)} ${'p50'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)}  failed`,
  );
  for (const [i, a] of offloaded.entries()) {
    for (const [way, f] of [
      ['worker pool', a],
      ['request thread', inPlace[i]],
    ] as const) {
      if (!f) continue;
      const ms = f.probes.map((p) => p.ms).sort((x, y) => x - y);
      const failed = f.probes.filter((p) => !p.ok).length;
      console.log(
        `  ${(way === 'worker pool' ? f.label : '').padEnd(36)} ${way.padEnd(14)} ${`${(f.ms / 1000).toFixed(2)} s`.padStart(9)} ${`${f.status} ${(f.bytes / 1024 / 1024).toFixed(1)} MB`.padStart(12)}  ${String(ms.length).padStart(6)} ${`${pct(ms, 0.5).toFixed(1)}`.padStart(8)} ${`${pct(ms, 0.99).toFixed(1)}`.padStart(8)} ${`${(ms.at(-1) ?? 0).toFixed(1)}`.padStart(8)}  ${failed}`,
      );
    }
  }
  console.log('  (health p50/p99/max in ms; answer = status and size of the heavy request)');
}

async function runOn(label: string, env: NodeJS.ProcessEnv, db: Config['db'], target: MemberTarget) {
  console.log(`\n[${label}] preparing…`);
  const ids = await prepare(db, target);
  const offloaded = await measureServer({ ...env, HEAVY_WORKERS: '2' }, ids);
  const inPlace = await measureServer({ ...env, HEAVY_WORKERS: '0' }, ids);
  print(`${label}, ${MEMBERS.toLocaleString('vi-VN')} members`, offloaded, inPlace);
}

async function main() {
  console.log(`Đoàn Viên heavy requests bench — ${os.cpus().length} cores, Node ${process.version}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanvien-heavy-'));
  try {
    const dataDir = path.join(dir, 'data');
    const file = path.join(dataDir, 'doanvien.db');
    if (process.env.BENCH_SKIP_SQLITE !== '1')
      await runOn('SQLite', { DATA_DIR: dataDir }, { kind: 'sqlite', file }, { kind: 'sqlite', file });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    console.log(
      '\n[PostgreSQL] skipped: set BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/<a database of its own>',
    );
    return;
  }
  const schema = `heavy_${randomBytes(4).toString('hex')}`;
  const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanvien-heavy-'));
  try {
    await runOn(
      'PostgreSQL',
      { DATA_DIR: path.join(pgDir, 'data'), DATABASE_URL: url, DATABASE_SCHEMA: schema },
      { kind: 'postgres', url, schema },
      { kind: 'postgres', url, schema },
    );
  } finally {
    await dropPgSchema(url, schema);
    fs.rmSync(pgDir, { recursive: true, force: true });
  }
}

await main();
