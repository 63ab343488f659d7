import { ZHealth } from '../../../shared/auth/contract.js';
import { ping } from '../../db/database.js';
import { routes } from '../../platform/plugin.js';

export const healthRoutes = routes((app, ctx) => {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: { tags: ['system'], summary: 'Tình trạng hệ thống / health', security: [], response: { 200: ZHealth } },
    },
    async () => {
      await ping(ctx.db);
      return { status: 'ok' as const, version: ctx.version, db: ctx.dbKind, time: new Date().toISOString() };
    },
  );
});
