import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorBody, errorMessage } from '../../shared/errors/codes.js';
import { AppError, translateDbError } from './errors.js';
import { requestLocale } from './locale.js';
import { messageIn, readMessage, zodIssuesToFields } from './validation.js';

/** Maps anything thrown to one error body; only true surprises become 500, and those are logged. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => {
      const base = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const where = err.validationContext === 'body' ? base : `${err.validationContext}${base ? `.${base}` : ''}`;
      return { path: where, message: readMessage(v.message ?? '') };
    });
    return new AppError('VALIDATION', {}, issues);
  }
  const fe = err as FastifyError;
  switch (fe?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('BAD_JSON');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE');
  }
  if (fe?.name === 'SyntaxError' && fe.statusCode === 400) return new AppError('BAD_JSON');
  if (fe?.statusCode === 429) return new AppError('RATE_LIMITED');
  if ((err as { name?: string })?.name === 'ZodError') {
    return new AppError('VALIDATION', {}, zodIssuesToFields((err as { issues: [] }).issues));
  }
  const db = translateDbError(err);
  if (db) return db;
  if (typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('VALIDATION', {}, [{ path: '', message: fe.message }]);
  }
  return new AppError('INTERNAL');
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const appErr = toAppError(err);
  if (appErr.code === 'INTERNAL') req.log.error({ err }, 'unhandled error');
  const locale = requestLocale(req);
  const body: ErrorBody = {
    error: {
      code: appErr.code,
      message: errorMessage(appErr.code, locale, appErr.params),
      ...(appErr.issues
        ? { issues: appErr.issues.map((i) => ({ path: i.path, message: messageIn(i.message, locale) })) }
        : {}),
    },
  };
  if (appErr.code === 'DB_BUSY') reply.header('retry-after', '30');
  // A refusal that knows its wait (a slowed sign-in) says it to programs too, in seconds.
  if (typeof appErr.params.retryAfter === 'number') reply.header('retry-after', String(appErr.params.retryAfter));
  reply.status(appErr.status).send(body);
}
