import { z } from 'zod';
import { LOCALES } from '../errors/codes.js';
import { ZOk } from '../http/common.js';
import type { RouteTable } from '../http/route.js';
import { ZPassword } from '../users/contract.js';
import { authMessages as M } from './messages.js';
import { PERMISSIONS, ROLES } from './roles.js';

export const ZLogin = z
  .object({
    username: z.string().trim().toLowerCase().min(1, { message: M.usernameRequired.key }).max(60),
    password: z.string().min(1, { message: M.passwordRequired.key }).max(200),
  })
  .strict();

export const ZMe = z.object({
  user: z.object({
    id: z.number().int(),
    username: z.string(),
    fullName: z.string(),
    locale: z.enum(LOCALES),
  }),
  roles: z.array(
    z.object({
      unitId: z.number().int(),
      unitName: z.string(),
      unitCode: z.string(),
      role: z.enum(ROLES),
      /** The day the unit ended when that is today or earlier (its officers are warned), with who took over. */
      unitEndedOn: z.string().nullable(),
      successorName: z.string().nullable(),
    }),
  ),
  permissions: z.array(z.enum(PERMISSIONS)),
  /** Send back in the X-CSRF-Token header of every state-changing request. */
  csrfToken: z.string(),
  sessionExpiresAt: z.string(),
});
export type TMe = z.infer<typeof ZMe>;

export const ZLocaleChange = z.object({ locale: z.enum(LOCALES) }).strict();

export const ZPasswordChange = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: ZPassword })
  .strict();

export const ZHealth = z.object({
  status: z.literal('ok'),
  version: z.string(),
  db: z.enum(['sqlite', 'postgres']),
  time: z.string(),
});

export const authApi = {
  'POST /api/auth/login': { summary: 'Đăng nhập / sign in', body: ZLogin, response: ZMe, public: true },
  // Public so that signing out with an expired session still clears the cookie.
  'POST /api/auth/logout': { summary: 'Đăng xuất / sign out', response: ZOk, public: true },
  'GET /api/auth/me': { summary: 'Người dùng hiện tại / current user', response: ZMe },
  'PUT /api/auth/me/locale': { summary: 'Đổi ngôn ngữ / change language', body: ZLocaleChange, response: ZOk },
  'POST /api/auth/me/password': { summary: 'Đổi mật khẩu / change password', body: ZPasswordChange, response: ZOk },
} as const satisfies RouteTable;

export const healthApi = {
  'GET /api/health': { summary: 'Tình trạng hệ thống / health', response: ZHealth, public: true },
} as const satisfies RouteTable;
