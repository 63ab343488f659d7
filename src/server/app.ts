import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { applicationsRoutes } from './modules/applications/applications.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { documentsRoutes } from './modules/documents/documents.routes.js';
import { enterprisesRoutes } from './modules/enterprises/enterprises.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { importsRoutes } from './modules/imports/imports.routes.js';
import { membersRoutes } from './modules/members/members.routes.js';
import { orgRoutes } from './modules/org/org.routes.js';
import { outreachRoutes } from './modules/outreach/outreach.routes.js';
import { plansRoutes } from './modules/plans/plans.routes.js';
import { reviewsRoutes } from './modules/reviews/reviews.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import type { App, AppContext } from './platform/context.js';
import { AppError } from './platform/errors.js';
import { errorHandler } from './platform/http-errors.js';
import { registerSecurityHeaders } from './platform/security-headers.js';
import { sessionHook } from './platform/session.js';
import { configureZodMessages } from './platform/validation.js';

export type RouteInfo = { method: string; url: string; public: boolean };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route, collected as it is registered: the scope-matrix test walks this list. */
    apiRoutes: RouteInfo[];
  }
}

/** Pino redaction: credentials, session material and identity numbers never reach the log. */
const REDACT = [
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.cccd',
];

/**
 * What a request line says about the request: the route pattern (`/api/members`, `/api/members/:id`), never the
 * URL — a query string carries searched names, CCCDs and phone numbers. A request no route matched is logged by
 * its path's first segment only (`/api/…`).
 */
const SERIALIZERS = {
  req(req: FastifyRequest) {
    const pattern = req.routeOptions?.url;
    const first = req.url.split(/[?#]/)[0]?.split('/').slice(0, 3).join('/') ?? '';
    return { method: req.method, route: pattern ?? `${first}/…`, remoteAddress: req.ip };
  },
};

/** Personal data must not be kept by a browser or a proxy: every API answer but the health check says so. */
const NO_STORE_EXCEPT = new Set(['/api/health']);

export async function buildApp(ctx: AppContext, opts: { logger?: FastifyServerOptions['logger'] } = {}): Promise<App> {
  configureZodMessages();
  const base = { level: ctx.config.logLevel, redact: REDACT, serializers: SERIALIZERS };
  const app = Fastify({
    logger: typeof opts.logger === 'object' ? { ...base, ...opts.logger } : (opts.logger ?? base),
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorate('apiRoutes', [] as RouteInfo[]);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) {
      if (m === 'HEAD') continue;
      app.apiRoutes.push({ method: m, url: route.url, public: route.config?.public === true });
    }
  });

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        // Plain-HTTP LAN installs must keep working: only ask browsers to upgrade when served over TLS.
        upgradeInsecureRequests: ctx.config.https ? [] : null,
        // Swagger UI (at /docs) loads its own inline style and images as data: URIs.
        imgSrc: ["'self'", 'data:'],
      },
    },
    hsts: ctx.config.https,
  });
  await app.register(cookie);
  // Dynamic answers (JSON lists, the OpenAPI page) compressed on the fly, brotli at a cheap level: a
  // level-11 brotli of a large list costs more CPU than it saves on the wire. The built web files come
  // precompressed (vite.config.ts) and are served as they are.
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Đoàn Viên API',
        description: 'Phát triển đoàn viên, thành lập công đoàn cơ sở — union member development API',
        version: ctx.version,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'dv_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/api/') && !NO_STORE_EXCEPT.has(req.routeOptions?.url ?? '')) {
      reply.header('Cache-Control', 'no-store');
    }
  });
  app.addHook('onRequest', sessionHook(ctx));

  await app.register(healthRoutes(ctx));
  await app.register(authRoutes(ctx));
  await app.register(orgRoutes(ctx));
  await app.register(usersRoutes(ctx));
  await app.register(auditRoutes(ctx));
  await app.register(enterprisesRoutes(ctx));
  await app.register(outreachRoutes(ctx));
  await app.register(importsRoutes(ctx));
  await app.register(membersRoutes(ctx));
  await app.register(applicationsRoutes(ctx));
  await app.register(plansRoutes(ctx));
  await app.register(documentsRoutes(ctx));
  await app.register(reviewsRoutes(ctx));

  const hasWeb = fs.existsSync(`${ctx.config.webDist}/index.html`);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: ctx.config.webDist,
      prefix: '/',
      wildcard: false,
      schemaHide: true,
      // The .br / .gz written at build, chosen by Accept-Encoding.
      preCompressed: true,
      // Source maps are built for the operators (dist/web), never served: they are the whole source.
      allowedPath: (pathName) => !pathName.endsWith('.map'),
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        // Hashed names change with their content: cached for a year; index.html and the rest are revalidated.
        const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
        reply.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    // The SPA owns every non-API path: unknown ones get index.html and the client router decides.
    // A built file that is not there (an old hash, a source map) is a 404, never the page in its place.
    const isFile = req.url.startsWith('/assets/') || /\.map(\?|$)/.test(req.url);
    if (hasWeb && req.method === 'GET' && !isFile && !req.url.startsWith('/api/') && !req.url.startsWith('/docs')) {
      // The public application form is its own light entry (src/web/apply/), without the app's shell.
      const page = /^\/apply\/[^/?#]+/.test(req.url) ? 'apply.html' : 'index.html';
      return reply.type('text/html').sendFile(page);
    }
    throw new AppError('ROUTE_NOT_FOUND');
  });
  return app;
}
