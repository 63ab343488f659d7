import type { Config } from '../../config.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../scope.js';
import type { Job } from './job.js';
import { JobPool } from './pool.js';

/**
 * Runs a heavy request's job: in the context's worker pool when there is one and the job gains from it on
 * this database (job.ts, `offload`), else here. A worker's own context has no pool, so a job that calls
 * another runs it in place.
 */
export function runJob<I, O>(ctx: AppContext, job: Job<I, O>, actor: Actor, input: I): Promise<O> {
  const pool = ctx.jobs;
  if (!pool || (job.offload === 'sqlite' && ctx.dbKind !== 'sqlite')) return job.run(ctx, actor, input);
  return pool.run(ctx, job, actor, input);
}

/**
 * The server's pool, or none: HEAVY_WORKERS=0, or an in-memory SQLite database (tests), which a second
 * connection cannot open. A worker's SQLite connection may wait for the write lock as long as its job may
 * last: it blocks only its own thread.
 */
export function createJobPool(config: Config, version: string): JobPool | undefined {
  const { db, heavy } = config;
  if (heavy.workers === 0 || (db.kind === 'sqlite' && db.file === ':memory:')) return undefined;
  const workerDb: Config['db'] = db.kind === 'sqlite' ? { ...db, busyTimeoutMs: heavy.timeoutMs } : db;
  const boot = { db: workerDb, version, nice: heavy.nice };
  return new JobPool({ size: heavy.workers, timeoutMs: heavy.timeoutMs, boot });
}
