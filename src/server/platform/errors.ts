import { commonMessages } from '../../shared/common/messages.js';
import { ERRORS, type ErrorCode } from '../../shared/errors/codes.js';
import type { Message } from '../../shared/i18n/messages.js';

/** A field problem carried by an error: the message in both languages (or a catalogue key). */
export type ErrorIssue = { path: string; message: Message | string };

/** The one error type services throw. The HTTP layer turns it into status + localised message. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, unknown>;
  readonly issues?: ErrorIssue[];

  constructor(code: ErrorCode, params: Record<string, unknown> = {}, issues?: ErrorIssue[]) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.issues = issues;
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');

/**
 * Database constraint violations translated in one place: a unique clash is a 409 CONFLICT,
 * a broken reference is a 422-ish validation problem; neither is a 500.
 */
export function translateDbError(err: unknown): AppError | null {
  const e = err as { code?: string; message?: string };
  const msg = e?.message ?? '';
  if (e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new AppError('CONFLICT');
  }
  // SQLite's one write lock held longer than the busy timeout (a large import committing): try again later.
  if (e?.code === 'SQLITE_BUSY' || e?.code === 'SQLITE_BUSY_SNAPSHOT' || e?.code === 'SQLITE_LOCKED') {
    return new AppError('DB_BUSY');
  }
  if (e?.code === '23503' || e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || /FOREIGN KEY/.test(msg)) {
    return new AppError('VALIDATION', {}, [{ path: '', message: commonMessages.brokenReference }]);
  }
  return null;
}
