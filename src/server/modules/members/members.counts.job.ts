import { defineJob } from '../../platform/jobs/job.js';
import type { Scope } from '../../platform/scope.js';
import { countsFromRecords, type Period } from './members.counts.repository.js';

/**
 * The member counts straight from the records (a scope the summaries do not answer: several subtrees, a
 * merged or moved unit): seconds of aggregates over a country's memberships, which better-sqlite3 would run on
 * the request thread. Only queries: node-postgres awaits them without blocking, so on PostgreSQL they stay.
 * The scope was checked and computed by the caller (members.service.ts counts) and crosses as plain data.
 */
export const countedFromRecords = defineJob(
  import.meta.url,
  'countedFromRecords',
  'sqlite',
  (ctx, _actor, q: { scope: Scope; period: Period }) => countsFromRecords(ctx.db, q.scope, q.period),
);
