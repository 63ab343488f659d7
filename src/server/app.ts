import fs from 'node:fs';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { applicationsRoutes } from './modules/applications/applications.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { enterprisesRoutes } from './modules/enterprises/enterprises.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { importsRoutes } from './modules/imports/imports.routes.js';
import { membersRoutes } from './modules/members/members.routes.js';
import { orgRoutes } from './modules/org/org.routes.js';
import { outreachRoutes } from './modules/outreach/outreach.routes.js';
import { plansRoutes } from './modules/plans/plans.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import type { App, AppContext } from './platform/context.js';
import { AppError } from './platform/errors.js';
import { errorHandler } from './platform/http-errors.js';
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

export async function buildApp(ctx: AppContext, opts: { logger?: FastifyServerOptions['logger'] } = {}): Promise<App> {
  configureZodMessages();
  const app = Fastify({
    logger: opts.logger ?? { level: ctx.config.logLevel, redact: REDACT },
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

  await app.register(helmet, {
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

  const hasWeb = fs.existsSync(`${ctx.config.webDist}/index.html`);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: ctx.config.webDist, prefix: '/', wildcard: false, schemaHide: true });
  }
  app.setNotFoundHandler((req, reply) => {
    // The SPA owns every non-API path: unknown ones get index.html and the client router decides.
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/docs')) {
      return reply.type('text/html').sendFile('index.html');
    }
    throw new AppError('ROUTE_NOT_FOUND');
  });
  return app;
}
