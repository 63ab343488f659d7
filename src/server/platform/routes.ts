import type { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  type BodyOf,
  type ParamsOf,
  type QueryOf,
  type ReplyOf,
  type RouteDef,
  type RouteKey,
  type RouteTable,
  splitKey,
} from '../../shared/http/route.js';
import type { App, AppContext } from './context.js';
import { contentDisposition } from './files.js';
import type { Actor } from './scope.js';
import { actorOf } from './session.js';

/** A file answer: the route sends the bytes with their type and a download (or inline) name. */
export type FileAnswer = {
  contentType: string;
  /** The name the browser saves under (Vietnamese allowed; an ASCII fallback is derived). */
  fileName: string;
  /** The plain-ASCII name for old clients; derived from fileName when absent. */
  asciiName?: string;
  body: Buffer | Readable | string;
  size?: number;
  inline?: boolean;
};

export type HandlerInput<R> = {
  /** The signed-in caller; null only on public routes without a session. */
  actor: R extends { public: true } ? Actor | null : Actor;
  params: ParamsOf<R>;
  query: QueryOf<R>;
  body: BodyOf<R>;
  req: FastifyRequest;
  reply: FastifyReply;
};

type Returned<R> = R extends { file: true } ? FileAnswer : ReplyOf<R>;
export type Handler<R> = (input: HandlerInput<R>) => Promise<Returned<R>> | Returned<R>;
export type Handlers<T extends RouteTable> = { [K in keyof T]-?: Handler<NonNullable<T[K]>> };

type Options = {
  /** Registered inside this feature's plugin only (e.g. @fastify/multipart with its limits). */
  setup?: (app: App) => Promise<void>;
};

/**
 * Registers a feature's routes from its route table: every key of the table must have a handler
 * (the type says so), every handler gets the validated params, query and body and the caller.
 * Routes stay thin: the handler calls the service and returns its answer.
 */
export function mountRoutes<T extends RouteTable>(
  tag: string,
  table: T,
  handlers: (ctx: AppContext) => Handlers<T>,
  options: Options = {},
) {
  return (ctx: AppContext): FastifyPluginAsync =>
    async (instance) => {
      const app = instance as unknown as App;
      if (options.setup) await options.setup(app);
      const made = handlers(ctx) as unknown as Record<string, Handler<RouteDef>>;
      for (const [key, def] of Object.entries(table) as [RouteKey, RouteDef][]) {
        const handler = made[key];
        if (!handler) throw new Error(`no handler for ${key}`);
        const { method, path } = splitKey(key);
        const status = def.status ?? 200;
        const response: Record<number, z.ZodType> = {};
        if (def.response) {
          response[status] = def.response;
          if (def.alsoStatus) response[def.alsoStatus] = def.response;
        }
        app.route({
          method,
          url: path,
          ...(def.public ? { config: { public: true } } : {}),
          schema: {
            tags: [tag],
            summary: def.summary,
            ...(def.public ? { security: [] } : {}),
            ...(def.upload ? { consumes: ['multipart/form-data'] } : {}),
            ...(def.params ? { params: def.params } : {}),
            ...(def.query ? { querystring: def.query } : {}),
            ...(def.body ? { body: def.body } : {}),
            ...(def.response ? { response } : {}),
          },
          handler: async (req, reply) => {
            reply.status(status);
            const out = await handler({
              actor: (def.public ? req.actor : actorOf(req)) as Actor,
              params: req.params as never,
              query: req.query as never,
              body: req.body as never,
              req,
              reply,
            });
            if (!def.file) return out;
            const file = out as FileAnswer;
            reply
              .type(file.contentType)
              .header(
                'content-disposition',
                contentDisposition(file.fileName, file.inline ? 'inline' : 'attachment', file.asciiName),
              );
            if (file.size !== undefined) reply.header('content-length', file.size);
            return reply.send(file.body);
          },
        });
      }
    };
}
