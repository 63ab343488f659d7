import type { Message } from '../../shared/i18n/messages.js';
import { AppError } from './errors.js';
import { ImportFileError, type ImportFileErrorCode } from './import/index.js';

/**
 * Errors crossing a worker thread's boundary (imports, heavy requests): structured cloning keeps neither
 * the class nor its getters, so the worker describes the error and the request thread rebuilds the same
 * AppError (code, params, issues), and the errorHandler answers it as if it had been thrown there.
 */
export type WorkerError =
  | { kind: 'app'; code: AppError['code']; params: Record<string, unknown>; issues?: AppError['issues'] }
  | { kind: 'file'; code: ImportFileErrorCode; text: Message }
  // A driver's error code (SQLITE_BUSY, 23505) is kept: translateDbError reads it on the request thread.
  | { kind: 'other'; message: string; stack?: string; code?: string };

export function describeError(err: unknown): WorkerError {
  if (err instanceof AppError) return { kind: 'app', code: err.code, params: err.params, issues: err.issues };
  if (err instanceof ImportFileError) return { kind: 'file', code: err.code, text: err.text };
  const e = err instanceof Error ? err : new Error(String(err));
  const code = (e as { code?: unknown }).code;
  return { kind: 'other', message: e.message, stack: e.stack, ...(typeof code === 'string' ? { code } : {}) };
}

export function rebuildError(e: WorkerError): Error {
  if (e.kind === 'app') return new AppError(e.code, e.params, e.issues);
  if (e.kind === 'file') return new ImportFileError(e.code, e.text);
  const err: Error & { code?: string } = new Error(e.message);
  if (e.stack) err.stack = e.stack;
  if (e.code) err.code = e.code;
  return err;
}
