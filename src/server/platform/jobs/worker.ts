import fs from 'node:fs';
import os from 'node:os';
import type { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/database.js';
import type { AppContext } from '../context.js';
import type { FileAnswer } from '../routes.js';
import { configureZodMessages } from '../validation.js';
import { describeError } from '../worker-errors.js';
import { type FromWorker, isJob, type Job, type ToWorker, type WorkerBoot } from './job.js';

// A worker of the heavy-request pool (pool.ts): one connection for its whole life, one job at a time.
const { boot } = workerData as { boot: WorkerBoot };
const port = parentPort;
if (!port) throw new Error('platform/jobs/worker.ts runs as a worker thread');

/**
 * The request thread first: on Linux a thread is a task of its own with its own niceness, so when the cores are
 * busy (an export here, and on PostgreSQL the server process answering its queries) the scheduler serves the
 * request thread's short turns before this one. Elsewhere, or refused, the worker keeps the process's priority.
 */
function yieldCpuToRequests(nice: number) {
  if (nice <= 0) return;
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    os.setPriority(tid, Math.min(19, os.getPriority(tid) + nice));
  } catch {
    // Not Linux (no /proc/thread-self), or not allowed: the process's priority.
  }
}

yieldCpuToRequests(boot.nice ?? 0);
configureZodMessages();
const handle = await openDatabase(boot.db);

/** Chunks of a file sent ahead of the request thread's reads, so the first ones need no round trip. */
const AHEAD = 8;
const credits = new Map<number, { n: number; wake: (() => void) | null }>();
const post = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

port.on('message', (m: ToWorker) => {
  if (m.t === 'run') {
    void run(m);
    return;
  }
  const c = credits.get(m.id);
  if (!c) return;
  c.n++;
  c.wake?.();
  c.wake = null;
});

async function findJob(module: string, name: string): Promise<Job<unknown, unknown>> {
  const job = ((await import(module)) as Record<string, unknown>)[name];
  if (!isJob(job) || job.name !== name) throw new Error(`${module} exports no job named ${name}`);
  return job;
}

async function* chunksOf(body: FileAnswer['body']): AsyncGenerator<Buffer> {
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    yield Buffer.from(body);
    return;
  }
  for await (const c of body as Readable) yield typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
}

async function run(m: Extract<ToWorker, { t: 'run' }>) {
  const { id } = m;
  try {
    const job = await findJob(m.module, m.name);
    const offset = m.clockOffsetMs;
    const ctx: AppContext = {
      db: handle.db,
      dbKind: handle.kind,
      config: m.config,
      version: boot.version,
      ...(offset === null ? {} : { clock: () => Date.now() + offset }),
    };
    const value = await job.run(ctx, { ...m.actor, scopeCache: new Map() }, m.input);
    if (!job.file) {
      post({ t: 'value', id, value });
      return;
    }
    const { body, ...head } = value as FileAnswer;
    const credit = { n: AHEAD, wake: null as (() => void) | null };
    credits.set(id, credit);
    post({ t: 'head', id, head });
    for await (const chunk of chunksOf(body)) {
      while (credit.n === 0) await new Promise<void>((wake) => (credit.wake = wake));
      credit.n--;
      // A copy of its own, moved (not cloned) across: a stream's chunk may be a view of a shared slab.
      const data = new Uint8Array(chunk);
      post({ t: 'chunk', id, data }, [data.buffer]);
    }
    post({ t: 'end', id });
  } catch (err) {
    post({ t: 'error', id, error: describeError(err) });
  } finally {
    credits.delete(id);
  }
}
