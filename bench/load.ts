import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { dropPgSchema } from './pg-schema.js';
import { spawnServer } from './server-child.js';

/**
 * Issue 11 §5, `npm run bench:load`: a real server (a child process, the demo) on SQLite and, when
 * BENCH_DATABASE_URL is set, on PostgreSQL; BENCH_LOAD_SESSIONS (100) signed-in sessions of the demo's
 * accounts, each a loop of one request at a time for BENCH_LOAD_SECONDS (60): the member list (by name
 * or not), the enterprise list, the dashboard, a unit's children, who am I, and one write in ten (the
 * session's language set, a real UPDATE taking SQLite's write lock). Prints throughput, p50/p99 per kind
 * and errors (any non-2xx or timeout). Printed, never asserted.
 */
const SESSIONS = Number(process.env.BENCH_LOAD_SESSIONS ?? 100);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0;
};

type Account = { username: string; password: string };

async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; accounts: Account[] }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const { child, found } = await spawnServer({ ...env, PORT: String(port) }, ['--demo'], (out) => {
    // The demo's accounts table: username, password, role, unit.
    const accounts = [...out.matchAll(/^ {2}(\S+)\s+(\S+)\s+\S.*$/gm)]
      .map((m) => ({ username: m[1] as string, password: m[2] as string }))
      .filter((a) => a.username !== 'Tên');
    return accounts.length > 0 ? accounts : null;
  });
  return { child, url: `http://127.0.0.1:${port}`, accounts: found };
}

type Session = { cookie: string; csrf: string; unitId: number; locale: 'vi' | 'en' };

async function signIn(url: string, a: Account): Promise<Session> {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify(a),
  });
  if (!r.ok) throw new Error(`login ${a.username}: ${r.status} ${await r.text()}`);
  const me = (await r.json()) as { csrfToken: string; roles: { unitId: number }[] };
  return {
    cookie: (r.headers.get('set-cookie') ?? '').split(';')[0] as string,
    csrf: me.csrfToken,
    unitId: me.roles[0]?.unitId ?? 1,
    locale: 'vi',
  };
}

const NAMES = ['nguyen', 'thi lan', 'tran van', 'hoa', 'le thi'];

function pick(s: Session, i: number): { kind: string; url: string; init?: RequestInit } {
  const r = i % 10;
  if (r === 0) {
    s.locale = s.locale === 'vi' ? 'en' : 'vi';
    return {
      kind: 'write (locale)',
      url: '/api/auth/me/locale',
      init: {
        method: 'PUT',
        body: JSON.stringify({ locale: s.locale }),
        headers: { 'content-type': 'application/json' },
      },
    };
  }
  if (r <= 2) return { kind: 'members list', url: '/api/members?limit=50' };
  if (r === 3)
    return {
      kind: 'members by name',
      url: `/api/members?limit=50&q=${encodeURIComponent(NAMES[i % NAMES.length] as string)}`,
    };
  if (r <= 5) return { kind: 'enterprises list', url: '/api/enterprises?limit=50&offset=0' };
  if (r === 6) return { kind: 'dashboard', url: '/api/dashboard' };
  if (r === 7) return { kind: 'org children', url: `/api/org/units/${s.unitId}/children?asOf=2024-06-30` };
  return { kind: 'me', url: '/api/auth/me' };
}

async function load(label: string, env: NodeJS.ProcessEnv, cleanup: () => Promise<void>) {
  const { child, url, accounts } = await startServer(env);
  try {
    const sessions: Session[] = [];
    for (let i = 0; i < SESSIONS; i++) sessions.push(await signIn(url, accounts[i % accounts.length] as Account));
    const lat = new Map<string, number[]>();
    const errors = new Map<string, number>();
    const until = performance.now() + SECONDS * 1000;
    let n = 0;
    await Promise.all(
      sessions.map(async (s, k) => {
        for (let i = k; performance.now() < until; i++) {
          const q = pick(s, i);
          const t = performance.now();
          try {
            const r = await fetch(`${url}${q.url}`, {
              ...q.init,
              headers: {
                ...(q.init?.headers as Record<string, string>),
                cookie: s.cookie,
                'x-csrf-token': s.csrf,
                origin: url,
              },
              signal: AbortSignal.timeout(30_000),
            });
            await r.arrayBuffer();
            if (!r.ok) errors.set(`${q.kind} ${r.status}`, (errors.get(`${q.kind} ${r.status}`) ?? 0) + 1);
          } catch (e) {
            errors.set(`${q.kind} ${(e as Error).name}`, (errors.get(`${q.kind} ${(e as Error).name}`) ?? 0) + 1);
          }
          const list = lat.get(q.kind) ?? [];
          list.push(performance.now() - t);
          lat.set(q.kind, list);
          n++;
        }
      }),
    );
    const all = [...lat.values()].flat();
    const errCount = [...errors.values()].reduce((a, b) => a + b, 0);
    console.log(
      `\n[load] ${label}: ${SESSIONS} sessions × ${SECONDS} s, ${n.toLocaleString('vi-VN')} requests, ${(n / SECONDS).toFixed(0)} req/s, p50 ${pct(all, 0.5).toFixed(1)} ms, p99 ${pct(all, 0.99).toFixed(1)} ms, ${errCount} errors${errCount ? ` (${[...errors].map(([k, v]) => `${k} ×${v}`).join(', ')})` : ''}`,
    );
    for (const [kind, xs] of lat)
      console.log(
        `  ${kind.padEnd(18)} ${String(xs.length).padStart(7)} × p50 ${pct(xs, 0.5).toFixed(1).padStart(7)} ms  p99 ${pct(xs, 0.99).toFixed(1).padStart(7)} ms`,
      );
  } finally {
    child.removeAllListeners('exit');
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await cleanup();
  }
}

async function main() {
  console.log(`Đoàn Viên load bench — ${os.cpus().length} cores, Node ${process.version}; the demo data`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanvien-load-'));
  await load('SQLite', { DATA_DIR: dir }, async () => fs.rmSync(dir, { recursive: true, force: true }));
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    console.log('\n[load] PostgreSQL skipped: set BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test');
    return;
  }
  const schema = `load_${randomBytes(4).toString('hex')}`;
  const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanvien-load-'));
  await load('PostgreSQL', { DATA_DIR: pgDir, DATABASE_URL: url, DATABASE_SCHEMA: schema }, async () => {
    await dropPgSchema(url, schema);
    fs.rmSync(pgDir, { recursive: true, force: true });
  });
}

await main();
