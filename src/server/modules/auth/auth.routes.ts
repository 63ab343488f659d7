import { ZLocaleChange, ZLogin, ZMe, ZPasswordChange } from '../../../shared/auth/contract.js';
import { ZOk } from '../../../shared/http/common.js';
import { routes } from '../../platform/plugin.js';
import { actorOf, clearSessionCookie, deleteSession, setSessionCookie } from '../../platform/session.js';
import * as service from './auth.service.js';

const tags = ['auth'];

export const authRoutes = routes((app, ctx) => {
  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: { tags, summary: 'Đăng nhập / sign in', security: [], body: ZLogin, response: { 200: ZMe } },
    },
    async (req, reply) => {
      const { session, actor } = await service.login(ctx, req.body, req.ip, req.headers['user-agent'] ?? null);
      setSessionCookie(reply, ctx.config, session.token);
      req.actor = actor;
      return service.me(ctx, actor, session.csrfToken, session.id);
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { public: true }, schema: { tags, summary: 'Đăng xuất / sign out', response: { 200: ZOk } } },
    async (req, reply) => {
      if (req.sessionId) await deleteSession(ctx.db, req.sessionId);
      clearSessionCookie(reply, ctx.config);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags, summary: 'Người dùng hiện tại / current user', response: { 200: ZMe } } },
    async (req) => service.me(ctx, actorOf(req), req.csrfToken ?? '', req.sessionId ?? ''),
  );

  app.put(
    '/api/auth/me/locale',
    { schema: { tags, summary: 'Đổi ngôn ngữ / change language', body: ZLocaleChange, response: { 200: ZOk } } },
    async (req) => {
      await service.setLocale(ctx, actorOf(req), req.body.locale);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/me/password',
    { schema: { tags, summary: 'Đổi mật khẩu / change password', body: ZPasswordChange, response: { 200: ZOk } } },
    async (req) => {
      await service.changePassword(ctx, actorOf(req), req.body, req.sessionId ?? '');
      return { ok: true as const };
    },
  );
});
