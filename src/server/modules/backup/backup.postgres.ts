import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';
import { BackupProblem, T } from './backup.problem.js';

/**
 * PostgreSQL is backed up by its own tools: `pg_dump -Fc` (a consistent snapshot while the server runs, in the
 * compressed custom format) and `pg_restore` into an empty database. They are not bundled: when they are not on
 * PATH the command says so and stops before anything is written.
 *
 * Only the app's schema (DATABASE_SCHEMA, else public) is dumped. pg_trgm is installed in public by migration 007
 * whatever the schema, so it is not in a schema dump: the manifest lists the extensions and the restore creates
 * them first, where the migration would.
 */
export type PgTarget = { url: string; schema?: string };
export type PgTools = { pgDump: string; pgRestore: string };
export const PG_TOOLS: PgTools = { pgDump: 'pg_dump', pgRestore: 'pg_restore' };

export const schemaOf = (t: PgTarget) => t.schema ?? 'public';

/** Refuses, naming the tool, when pg_dump or pg_restore cannot be run. */
export function requireTools(tools: PgTools): void {
  for (const tool of [tools.pgDump, tools.pgRestore]) {
    const r = spawnSync(tool, ['--version'], { stdio: 'ignore' });
    if (r.error || r.status !== 0) throw new BackupProblem(T.pgToolsMissing(tool), 1);
  }
}

/** The URL without its password (which would show in `ps`), and the password for PGPASSWORD. */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.on('error', () => reject(new BackupProblem(T.pgToolsMissing(tool), 1)));
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new BackupProblem(T.pgFailed(tool, err.trim().split('\n').slice(0, 5).join(' / ')), 1));
    });
  });
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function dump(
  target: PgTarget,
  file: string,
  tools: PgTools,
): Promise<{ serverVersion: string; extensions: string[] }> {
  const { dbname, env } = connection(target.url);
  await run(
    tools.pgDump,
    ['-Fc', '--no-owner', '--no-privileges', '-n', schemaOf(target), '-f', file, `--dbname=${dbname}`],
    env,
  );
  return withClient(target.url, async (c) => ({
    serverVersion: String((await c.query('show server_version')).rows[0]?.server_version ?? ''),
    extensions: (await c.query("select extname from pg_extension where extname <> 'plpgsql' order by 1")).rows.map(
      (r: { extname: string }) => r.extname,
    ),
  }));
}

/** Refuses a target schema that already has tables: a restore never mixes with or overwrites data. */
export async function requireEmpty(target: PgTarget): Promise<void> {
  const schema = schemaOf(target);
  const n = await withClient(target.url, async (c) => {
    const r = await c.query(
      `select count(*)::int as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
       where s.nspname = $1 and c.relkind in ('r', 'p', 'v', 'm', 'S')`,
      [schema],
    );
    return Number(r.rows[0]?.n ?? 0);
  });
  if (n > 0) throw new BackupProblem(T.pgNotEmpty(schema, n));
}

/**
 * pg_restore in one transaction, stopping at the first error: a failed restore leaves the database as empty as it
 * was. The schema itself is created here (`if not exists`: public always exists, and an empty DATABASE_SCHEMA may
 * have been made by a server start), so its entries are left out of the restore list.
 */
export async function restore(
  target: PgTarget,
  file: string,
  listFile: string,
  extensions: string[],
  tools: PgTools,
): Promise<void> {
  const schema = schemaOf(target);
  const { dbname, env } = connection(target.url);
  const list = await run(tools.pgRestore, ['-l', file], env);
  const own = new RegExp(`^\\d+; \\d+ \\d+ (SCHEMA|COMMENT) - (SCHEMA )?${schema.replace(/[^a-z0-9_]/g, '')} `);
  fs.writeFileSync(
    listFile,
    `${list
      .split('\n')
      .filter((l) => !own.test(l))
      .join('\n')}\n`,
    { mode: 0o600 },
  );
  await withClient(target.url, async (c) => {
    await c.query(`create schema if not exists "${schema.replace(/"/g, '')}"`);
    for (const ext of extensions) {
      // Where migration 007 puts it. A role that may not create it gets pg_restore's own message about the index.
      await c.query(`create extension if not exists "${ext.replace(/"/g, '')}" schema public`).catch(() => undefined);
    }
  });
  await run(
    tools.pgRestore,
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      '-L',
      listFile,
      `--dbname=${dbname}`,
      file,
    ],
    env,
  );
}
