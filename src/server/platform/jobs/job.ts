import type { Config } from '../../config.js';
import type { AppContext } from '../context.js';
import type { FileAnswer } from '../routes.js';
import type { Actor } from '../scope.js';
import type { WorkerError } from '../worker-errors.js';

/**
 * A heavy request's work as a job: a module's function that the pool (pool.ts) can run in a worker thread
 * with its own database connection, or the request thread in place. The worker finds the job again by its
 * module and export name, so a job is defined once, exported under its own name, from a `<feature>.jobs.ts`:
 *
 *   export const memberExport = defineFileJob(import.meta.url, 'memberExport', 'always', memberExportFile);
 *
 * Its input and value cross the boundary by structured cloning (plain data); the actor goes without its
 * scope cache (the worker computes scopes again: they are data of the tree, read on its connection).
 *
 * `offload` is decided per job, measured (bench/heavy-health.ts): 'sqlite' when only the queries are heavy
 * (better-sqlite3 runs them on the thread that asks, node-postgres waits for them without blocking); 'always'
 * when JavaScript itself works long (an .xlsx built by ExcelJS), on either database.
 */
export type Offload = 'sqlite' | 'always';
export type JobRun<I, O> = (ctx: AppContext, actor: Actor, input: I) => Promise<O>;
export type Job<I, O> = {
  readonly module: string;
  readonly name: string;
  readonly offload: Offload;
  /** The value is a FileAnswer: its head crosses back first, then its body as a stream. */
  readonly file: boolean;
  readonly run: JobRun<I, O>;
};

export function defineJob<I, O>(module: string, name: string, offload: Offload, run: JobRun<I, O>): Job<I, O> {
  return { module, name, offload, file: false, run };
}

export function defineFileJob<I>(
  module: string,
  name: string,
  offload: Offload,
  run: JobRun<I, FileAnswer>,
): Job<I, FileAnswer> {
  return { module, name, offload, file: true, run };
}

export const isJob = (v: unknown): v is Job<unknown, unknown> =>
  typeof v === 'object' && v !== null && typeof (v as Job<unknown, unknown>).run === 'function';

export type PlainActor = Omit<Actor, 'scopeCache'>;

/** What a worker is started with: its connection, opened once and kept for every job it runs; its niceness. */
export type WorkerBoot = { db: Config['db']; version: string; nice?: number };

export type FileHead = Omit<FileAnswer, 'body'>;

export type ToWorker =
  | {
      t: 'run';
      id: number;
      module: string;
      name: string;
      /** The request thread's config at the time of the job (tests change limits on a live app). */
      config: Config;
      actor: PlainActor;
      input: unknown;
      /** A test's moved clock, as an offset from the real one; null = the real clock. */
      clockOffsetMs: number | null;
    }
  /** The request thread's stream wants more of a file: one chunk more may be sent. */
  | { t: 'pull'; id: number };

export type FromWorker =
  | { t: 'value'; id: number; value: unknown }
  | { t: 'head'; id: number; head: FileHead }
  | { t: 'chunk'; id: number; data: Uint8Array }
  | { t: 'end'; id: number }
  | { t: 'error'; id: number; error: WorkerError };
