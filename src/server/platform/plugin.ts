import type { FastifyPluginAsync } from 'fastify';
import type { App, AppContext } from './context.js';

/** Each feature module exports its routes through this, so all modules are typed the same way. */
export function routes(register: (app: App, ctx: AppContext) => void | Promise<void>) {
  return (ctx: AppContext): FastifyPluginAsync =>
    async (instance) => {
      await register(instance as unknown as App, ctx);
    };
}
