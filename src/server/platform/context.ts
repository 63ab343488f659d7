import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Db, DbKind } from '../db/database.js';
import type { JobPool } from './jobs/pool.js';

/**
 * What every module receives: no globals, so tests can build many apps side by side. `clock` (ms since
 * the epoch) lets a test move time; unset is the real clock. Read through `nowMs(ctx)` (platform/dates).
 * `jobs`: the worker threads of heavy requests (platform/jobs); none = they run on the request thread.
 */
export type AppContext = {
  db: Db;
  dbKind: DbKind;
  config: Config;
  version: string;
  clock?: () => number;
  jobs?: JobPool;
};

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Route-level config: which routes work without a session. Everything under /api defaults to needing one. */
declare module 'fastify' {
  interface FastifyContextConfig {
    public?: boolean;
  }
}
