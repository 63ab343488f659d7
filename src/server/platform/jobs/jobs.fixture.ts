import fs from 'node:fs';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { threadId } from 'node:worker_threads';
import { AppError } from '../errors.js';
import { defineFileJob, defineJob } from './job.js';

/** Jobs for jobs.test.ts: what a heavy request can do to its worker, made small. */

/** Waits, and says on which thread and when: concurrency and reuse are read from these. */
export const sleeper = defineJob(import.meta.url, 'sleeper', 'always', async (_ctx, _actor, ms: number) => {
  const start = Date.now();
  await sleep(ms);
  return { threadId, start, end: Date.now() };
});

/** Reads through the worker's own connection, as the caller it was given, on the caller's clock. */
export const census = defineJob(import.meta.url, 'census', 'always', async (ctx, actor, _: null) => {
  const users = await ctx.db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    threadId,
    dbKind: ctx.dbKind,
    users: Number(users.n),
    username: actor.username,
    now: ctx.clock?.() ?? null,
    // This thread's niceness (Linux: field 19 of its stat line), null elsewhere.
    nice: fs.existsSync('/proc/thread-self/stat')
      ? Number(fs.readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]?.split(' ')[16])
      : null,
  };
});

export const failing = defineJob(import.meta.url, 'failing', 'always', async (_ctx, _actor, kind: 'app' | 'driver') => {
  if (kind === 'app') {
    throw new AppError('ORG_CODE_TAKEN', { code: 'CĐ-01' }, [
      { path: 'code', message: { vi: 'Trùng mã', en: 'Taken' } },
    ]);
  }
  throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
});

/** A synchronous loop that never yields, like a long better-sqlite3 statement: only ending the thread stops it. */
export const spinner = defineJob(import.meta.url, 'spinner', 'always', async (_ctx, _actor, ms: number) => {
  const until = Date.now() + ms;
  let n = 0;
  while (Date.now() < until) n++;
  return n;
});

/** Chunk i is `size` bytes of the value i % 251: a reader can check every byte in order (`everyMs` apart). */
export const chunkOf = (i: number, size: number) => Buffer.alloc(size, i % 251);

export const numbered = defineFileJob(
  import.meta.url,
  'numbered',
  'always',
  async (_ctx, _actor, q: { chunks: number; size: number; everyMs?: number }) => ({
    contentType: 'application/octet-stream',
    fileName: 'numbered.bin',
    body: Readable.from(
      (async function* () {
        for (let i = 0; i < q.chunks; i++) {
          if (q.everyMs) await sleep(q.everyMs);
          yield chunkOf(i, q.size);
        }
      })(),
    ),
  }),
);
