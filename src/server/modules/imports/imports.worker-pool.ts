import { Worker } from 'node:worker_threads';
import type { Message } from '../../../shared/i18n/messages.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { ImportFileError, type ImportFileErrorCode } from '../../platform/import/index.js';
import type { Actor } from '../../platform/scope.js';
import { holdingWriteLock } from '../../platform/write-lock.js';
import type { ImportRequest, ImportResult } from './imports.types.js';

/**
 * Runs an import off the request thread (issue 9 §4): a worker thread per import, with its own database
 * connection (better-sqlite3 in WAL mode on the same file, or its own small pg pool), so parsing, validating
 * and the synchronous SQLite writes never block the event loop that answers other requests. One worker per
 * import, not a pool: imports are rare (IMPORT_MAX_PER_UNIT), and a worker that ends holds no connection.
 */

/** What crosses back from the worker: errors lose their class in structured cloning, so they are described. */
export type WorkerError =
  | { kind: 'app'; code: AppError['code']; params: Record<string, unknown>; issues?: AppError['issues'] }
  | { kind: 'file'; code: ImportFileErrorCode; text: Message }
  | { kind: 'other'; message: string; stack?: string };

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

export function describeError(err: unknown): WorkerError {
  if (err instanceof AppError) return { kind: 'app', code: err.code, params: err.params, issues: err.issues };
  if (err instanceof ImportFileError) return { kind: 'file', code: err.code, text: err.text };
  const e = err instanceof Error ? err : new Error(String(err));
  return { kind: 'other', message: e.message, stack: e.stack };
}

function rebuild(e: WorkerError): Error {
  if (e.kind === 'app') return new AppError(e.code, e.params, e.issues);
  if (e.kind === 'file') return new ImportFileError(e.code, e.text);
  const err = new Error(e.message);
  if (e.stack) err.stack = e.stack;
  return err;
}

/** In-memory SQLite cannot be opened by a second connection: such a database (tests) imports on its own thread. */
export const runsOffThread = (ctx: AppContext) =>
  ctx.config.imports.worker && !(ctx.config.db.kind === 'sqlite' && ctx.config.db.file === ':memory:');

// Run from TypeScript (tsx in development, tests): the worker registers tsx before loading the entry.
const ENTRY = new URL(import.meta.url.endsWith('.ts') ? './imports.worker.ts' : './imports.worker.js', import.meta.url)
  .href;
const BOOT = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.entry.endsWith('.ts')) (await import('tsx/esm/api')).register();
  await import(workerData.entry);
})().catch((e) => { console.error(e); process.exit(1); });
`;

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
    const worker = new Worker(BOOT, { eval: true, workerData: { entry: ENTRY, input } });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress(m.rows);
      else if (m.type === 'done') settle(() => resolve(m.result));
      else settle(() => reject(rebuild(m.error)));
    });
    worker.on('error', (e) => settle(() => reject(e)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`import worker exited with code ${code} before answering`))),
    );
  });
}
