import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/database.js';
import type { AppContext } from '../../platform/context.js';
import { configureZodMessages } from '../../platform/validation.js';
import { describeError } from '../../platform/worker-errors.js';
import { importFileHere } from './imports.service.js';
import type { WorkerInput, WorkerMessage } from './imports.worker-pool.js';

// The worker thread of one import (imports.worker-pool.ts): its own connection, the same code as in-process.
const { input } = workerData as { input: WorkerInput };
const post = (m: WorkerMessage) => parentPort?.postMessage(m);

configureZodMessages();
// The import's own connection waits as long as it must for the request thread's short writes.
const db = input.config.db;
const handle = await openDatabase(db.kind === 'sqlite' ? { ...db, busyTimeoutMs: 600_000 } : db);
const ctx: AppContext = { db: handle.db, dbKind: handle.kind, config: input.config, version: input.version };
try {
  const result = await importFileHere(
    ctx,
    { ...input.actor, scopeCache: new Map() },
    input.kindName,
    input.req,
    (rows) => post({ type: 'progress', rows }),
  );
  post({ type: 'done', result });
} catch (err) {
  post({ type: 'error', error: describeError(err) });
} finally {
  await handle.close();
}
