import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/scope.js';
import { startWorker } from '../../platform/worker-boot.js';
import { rebuildError, type WorkerError } from '../../platform/worker-errors.js';
import { holdingWriteLock } from '../../platform/write-lock.js';
import type { ImportRequest, ImportResult } from './imports.types.js';

/**
 * Runs an import off the request thread (issue 9 §4): a worker thread per import, with its own database
 * connection (better-sqlite3 in WAL mode on the same file, or its own small pg pool), so parsing, validating
 * and the synchronous SQLite writes never block the event loop that answers other requests. One worker per
 * import, not a pool: imports are rare (IMPORT_MAX_PER_UNIT), and a worker that ends holds no connection.
 */

export type WorkerMessage =
  | { type: 'progress'; rows: number }
  | { type: 'done'; result: ImportResult }
  | { type: 'error'; error: WorkerError };

export type WorkerInput = {
  config: AppContext['config'];
  version: string;
  actor: Omit<Actor, 'scopeCache'>;
  kindName: string;
  req: ImportRequest;
};

/** In-memory SQLite cannot be opened by a second connection: such a database (tests) imports on its own thread. */
export const runsOffThread = (ctx: AppContext) =>
  ctx.config.imports.worker && !(ctx.config.db.kind === 'sqlite' && ctx.config.db.file === ':memory:');

export function importInWorker(
  ctx: AppContext,
  actor: Actor,
  kindName: string,
  req: ImportRequest,
  onProgress: (rows: number) => void,
): Promise<ImportResult> {
  const { scopeCache: _, ...plainActor } = actor;
  const input: WorkerInput = { config: ctx.config, version: ctx.version, actor: plainActor, kindName, req };
  const run = () => runWorker(input, onProgress);
  // A preview writes nothing; a commit on SQLite holds the write lock until it ends.
  return !req.dryRun && ctx.config.db.kind === 'sqlite' ? holdingWriteLock(run) : run();
}

function runWorker(input: WorkerInput, onProgress: (rows: number) => void): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, './imports.worker', { input });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress(m.rows);
      else if (m.type === 'done') settle(() => resolve(m.result));
      else settle(() => reject(rebuildError(m.error)));
    });
    worker.on('error', (e) => settle(() => reject(e)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`import worker exited with code ${code} before answering`))),
    );
  });
}
