import { authApi } from '../../../shared/auth/contract.js';
import { mountRoutes } from '../../platform/routes.js';
import { clearSessionCookie, setSessionCookie } from '../../platform/session.js';
import * as service from './auth.service.js';

/** The session lives in a cookie, so these handlers set and clear it on the reply. */
export const authRoutes = mountRoutes('auth', authApi, (ctx) => ({
  'POST /api/auth/login': async ({ body, req, reply }) => {
    const { token, actor, me } = await service.login(ctx, body, req.ip, req.headers['user-agent'] ?? null);
    setSessionCookie(reply, ctx.config, token);
    // From here the request is the signed-in user's: an error while answering comes in their language.
    req.actor = actor;
    return me;
  },
  'POST /api/auth/logout': async ({ req, reply }) => {
    const out = await service.logout(ctx, req.sessionId);
    clearSessionCookie(reply, ctx.config);
    return out;
  },
  'GET /api/auth/me': ({ actor, req }) => service.me(ctx, actor, req.csrfToken ?? '', req.sessionId ?? ''),
  'PUT /api/auth/me/locale': ({ actor, body }) => service.setLocale(ctx, actor, body.locale),
  'POST /api/auth/me/password': ({ actor, body, req }) => service.changePassword(ctx, actor, body, req.sessionId ?? ''),
}));
