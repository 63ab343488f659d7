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

/**
 * What every module receives: no globals, so tests can build many apps side by side. `clock` (ms since
 * the epoch) lets a test move time; unset is the real clock. Read through `nowMs(ctx)` (platform/dates).
 */
export type AppContext = { db: Db; dbKind: DbKind; config: Config; version: string; clock?: () => number };

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
