import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeEnterpriseFile } from './import.js';
import { spawnServer } from './server-child.js';

/**
 * Issue 9 §4: does the server keep answering while it imports a 1 M-row file? A real server (a child process,
 * SQLite in DATA_DIR) is started; a loop of fetches (4 at a time, /api/health and a page of /api/enterprises,
 * signed in) measures latency for 10 s without an import (baseline), then for as long as a 1 M-row enterprise
 * .xlsx is committed through the web API (the import runs in its worker thread). Printed, never asserted.
 * BENCH_LOAD_ROWS changes the row count.
 */
const ROWS = Number(process.env.BENCH_LOAD_ROWS ?? 1_000_000);
const CONCURRENCY = 4;

type Stats = {
  n: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
  why: string;
  health: string;
  slow: string[];
};
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function startServer(dataDir: string, port: number) {
  const { child, found } = await spawnServer({ DATA_DIR: dataDir, PORT: String(port) }, [], (out) => {
    const user = /Tên đăng nhập:\s*(\S+)/.exec(out)?.[1];
    const pass = /Mật khẩu:\s*(\S+)/.exec(out)?.[1];
    return user && pass ? { user, pass } : null;
  });
  return { child, ...found };
}

async function measure(base: string, cookie: string, until: () => boolean): Promise<Stats> {
  const lat: number[] = [];
  const healthLat: number[] = [];
  const why = new Map<string, number>();
  const slow: string[] = [];
  const started = performance.now();
  const fail = (what: string) => why.set(what, (why.get(what) ?? 0) + 1);
  let errors = 0;
  let i = 0;
  const loop = async () => {
    while (!until()) {
      const health = i++ % 2 === 0;
      const url = health ? `${base}/api/health` : `${base}/api/enterprises?limit=20&offset=0`;
      const what = health ? 'health' : 'list';
      const t = performance.now();
      try {
        const r = await fetch(url, { headers: { cookie }, signal: AbortSignal.timeout(30_000) });
        await r.arrayBuffer();
        if (!r.ok) {
          errors++;
          fail(`${what} ${r.status}`);
        }
      } catch (e) {
        errors++;
        fail(`${what} ${(e as Error).name}`);
      }
      const ms = performance.now() - t;
      lat.push(ms);
      // When the slow answers came (seconds from the start of the measure): during the write, or after it.
      if (ms > 1000) slow.push(`${what} ${Math.round(ms)} ms at ${((t - started) / 1000).toFixed(0)} s`);
      if (health) healthLat.push(ms);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  lat.sort((a, b) => a - b);
  healthLat.sort((a, b) => a - b);
  return {
    n: lat.length,
    errors,
    p50: pct(lat, 0.5),
    p99: pct(lat, 0.99),
    max: lat.at(-1) ?? 0,
    why: [...why].map(([k, v]) => `${v}× ${k}`).join(', '),
    slow,
    health: `health alone p50 ${pct(healthLat, 0.5).toFixed(1)} ms, p99 ${pct(healthLat, 0.99).toFixed(1)} ms, max ${(healthLat.at(-1) ?? 0).toFixed(0)} ms`,
  };
}

const fmt = (s: Stats) =>
  `${s.n} requests, ${s.errors} errors${s.why ? ` (${s.why})` : ''}, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(0)} ms; ${s.health}`;
const peakRss = (pid: number) => {
  const m = /VmHWM:\s*(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? `${Math.round(Number(m[1]) / 1024)} MB` : '?';
};

function postLong(
  url: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

export async function benchImportLoad(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanvien-load-'));
  const file = path.join(dir, 'ds.xlsx');
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const base = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  try {
    const t0 = performance.now();
    await writeEnterpriseFile(file, ROWS);
    console.log(
      `\n[import under load, SQLite] ${ROWS.toLocaleString('vi-VN')}-row enterprise .xlsx (${(fs.statSync(file).size / 1024 / 1024).toFixed(0)} MB) written in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    const server = await startServer(path.join(dir, 'data'), port);
    child = server.child;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: server.user, password: server.pass }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, origin: base };
    const me = (await (await fetch(`${base}/api/auth/me`, { headers })).json()) as { roles?: { unitId: number }[] };
    const unitId = me.roles?.[0]?.unitId;

    const stopAt = performance.now() + 10_000;
    console.log(
      `  baseline, no import (10 s):   ${fmt(await measure(base, cookie, () => performance.now() > stopAt))}`,
    );

    const form = new FormData();
    form.set('unitId', String(unitId));
    form.set('file', await fs.openAsBlob(file), 'ds.xlsx');
    const up = (await (
      await fetch(`${base}/api/imports/enterprises`, { method: 'POST', headers, body: form })
    ).json()) as {
      batchId: number;
    };
    let done = false;
    const started = performance.now();
    // node:http, not fetch: fetch gives up waiting for the answer's headers after 300 s.
    const commit = postLong(`${base}/api/imports/${up.batchId}/commit`, headers, {
      mode: 'all',
      onDuplicate: 'update',
    }).finally(() => {
      done = true;
    });
    const during = await measure(base, cookie, () => done);
    const result = await commit;
    const secs = ((performance.now() - started) / 1000).toFixed(0);
    console.log(`  during the ${ROWS.toLocaleString('vi-VN')}-row commit (${secs} s): ${fmt(during)}`);
    if (during.slow.length) console.log(`  answers over 1 s: ${during.slow.slice(0, 20).join('; ')}`);
    console.log(
      `  commit answered ${result.status}: committed ${result.body.committed}, rows ${result.body.rows}, inserted ${result.body.inserted}, rejected ${(result.body.rejected as unknown[] | undefined)?.length}; server peak RSS ${peakRss(child.pid ?? 0)}`,
    );
  } finally {
    child?.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename) await benchImportLoad();
