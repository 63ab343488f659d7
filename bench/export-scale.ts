import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { migrateToLatest } from '../src/server/db/database.js';
import { open } from './member-dataset.js';
import { generateMembers, type MemberTarget } from './members.js';
import { generateNational } from './national.js';
import { generateTree } from './org-tree.js';
import { dropPgSchema } from './pg-schema.js';

/**
 * Issue 11 §3, `npm run bench:export`: do the exports grow linearly with their rows? At each of
 * BENCH_EXPORT_SIZES members (comma-separated, default 50 000 and 200 000; BENCH_EXPORT_ENTERPRISE_SHARE
 * enterprises per member, default 1 in 2: the generator makes at least one per grassroots union, so a smaller
 * share would give every size the same enterprises), a dataset is generated and each export is run
 * in a child process of its own (bench/export-child.ts: in place, no pool), so its peak RSS is the export's:
 * the national member list, one province's, and the national enterprise list. Printed per export: time,
 * rows/s, peak RSS and, against the first size, the ratio of time to the ratio of rows (1.0 = linear).
 * SQLite always; PostgreSQL with BENCH_DATABASE_URL (a database of its own: a schema per size is made there
 * and dropped). Printed, never asserted.
 */
const SIZES = (process.env.BENCH_EXPORT_SIZES ?? '50000,200000').split(',').map(Number);
const ENTERPRISE_SHARE = Number(process.env.BENCH_EXPORT_ENTERPRISE_SHARE ?? 1 / 2);
const TREE = { provinces: 34, communes: 30, grassroots: 20 };

type Run = { ms: number; rows: number; maxRssMb: number; heapMb: number; externalMb: number };
const EXPORTS = ['members national', 'members province', 'enterprises national'] as const;

async function prepare(t: MemberTarget, members: number) {
  const h = await open(t);
  try {
    await migrateToLatest(h.db);
    const tree = await generateTree(h.db, TREE);
    await generateMembers(h.db, t, members);
    await generateNational(h.db, { enterprises: Math.round(members * ENTERPRISE_SHARE), outreach: 0 });
    await sql`analyze`.execute(h.db);
    return tree.sample.province;
  } finally {
    await h.close();
  }
}

function exportOnce(where: string, env: NodeJS.ProcessEnv, kind: 'members' | 'enterprises', unit?: number): Run {
  const args = ['tsx', 'bench/export-child.ts', where, kind, ...(unit ? [String(unit)] : [])];
  const r = spawnSync('npx', args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 20 });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`export-child ${kind}: ${r.stderr.slice(-2000)}`);
  return JSON.parse(line) as Run;
}

function print(label: string, bySize: Map<number, Run[]>) {
  console.log(`\n[${label}]`);
  console.log(
    `  ${'export'.padEnd(22)}${'members'.padStart(10)}${'rows'.padStart(10)}${'s'.padStart(9)}${'rows/s'.padStart(10)}${'RSS MB'.padStart(9)}${'heap'.padStart(7)}${'ext'.padStart(7)}   time÷rows ratio`,
  );
  EXPORTS.forEach((name, i) => {
    const first = bySize.get(SIZES[0] as number)?.[i];
    for (const size of SIZES) {
      const r = bySize.get(size)?.[i];
      if (!r || !first) continue;
      const ratio = r.ms / first.ms / (r.rows / first.rows);
      console.log(
        `  ${name.padEnd(22)}${size.toLocaleString('vi-VN').padStart(10)}${r.rows.toLocaleString('vi-VN').padStart(10)}${(r.ms / 1000).toFixed(1).padStart(9)}${Math.round(
          r.rows / (r.ms / 1000),
        )
          .toLocaleString('vi-VN')
          .padStart(
            10,
          )}${r.maxRssMb.toFixed(0).padStart(9)}${r.heapMb.toFixed(0).padStart(7)}${r.externalMb.toFixed(0).padStart(7)}   ${size === SIZES[0] ? '–' : ratio.toFixed(2)}`,
      );
    }
  });
}

async function onSqlite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanvien-export-'));
  const bySize = new Map<number, Run[]>();
  try {
    for (const size of SIZES) {
      const file = path.join(dir, `m${size}.db`);
      const province = await prepare({ kind: 'sqlite', file }, size);
      bySize.set(size, [
        exportOnce(file, {}, 'members'),
        exportOnce(file, {}, 'members', province),
        exportOnce(file, {}, 'enterprises'),
      ]);
      fs.rmSync(file, { force: true });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  print('SQLite', bySize);
}

async function onPostgres(url: string) {
  const bySize = new Map<number, Run[]>();
  for (const size of SIZES) {
    const schema = `export_${randomBytes(4).toString('hex')}`;
    try {
      const province = await prepare({ kind: 'postgres', url, schema }, size);
      const env = { BENCH_SCHEMA: schema };
      bySize.set(size, [
        exportOnce(url, env, 'members'),
        exportOnce(url, env, 'members', province),
        exportOnce(url, env, 'enterprises'),
      ]);
    } finally {
      await dropPgSchema(url, schema);
    }
  }
  print('PostgreSQL', bySize);
}

console.log(`Đoàn Viên export scale bench — ${os.cpus().length} cores, Node ${process.version}`);
await onSqlite();
const url = process.env.BENCH_DATABASE_URL;
if (url) await onPostgres(url);
else
  console.log(
    '\n[PostgreSQL] skipped: set BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/<a database of its own>',
  );
