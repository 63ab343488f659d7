import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's security headers (CSP, nosniff, frame and referrer policies, HSTS when served over TLS), worked
 * out once at start and set on every answer. Run per request, as @fastify/helmet does, building them cost
 * half a millisecond of a list request (issue 11 §2 profile) although they never change: nothing here
 * uses per-request nonces.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let done = false;
  helmet(options)({} as never, res as never, (err?: unknown) => {
    if (err) throw err;
    done = true;
  });
  // Helmet's own middlewares are synchronous; a future one that is not would leave headers unset.
  if (!done) throw new Error('helmet did not finish synchronously');
  return headers;
}

export function registerSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const headers = securityHeaders(options);
  app.addHook('onRequest', async (_req, reply) => {
    reply.headers(headers);
  });
}
