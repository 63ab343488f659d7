import { z } from 'zod';
import { ROLES } from '../auth/roles.js';
import { ZId, ZIdParams, zOptionalText, zText } from '../http/common.js';
import type { RouteTable } from '../http/route.js';
import { usersMessages as M } from './messages.js';

export const ZUsername = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(3, { message: M.usernameMin.key })
      .max(60, { message: M.usernameMax.key })
      .regex(/^[a-z0-9][a-z0-9._-]*$/, {
        message: M.usernameChars.key,
      }),
  );

export const ZPassword = z.string().min(10, { message: M.passwordMin.key }).max(200, { message: M.passwordMax.key });

export const ZRoleGrant = z.object({ unitId: ZId, role: z.enum(ROLES) }).strict();

export const ZRoleView = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  unitCode: z.string(),
  role: z.enum(ROLES),
});

export const ZUserView = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  locale: z.enum(['vi', 'en']),
  createdAt: z.string(),
  roles: z.array(ZRoleView),
  /**
   * Until when sign-ins of this account from some source are refused after repeated wrong passwords
   * (the latest such wait; other sources are not affected), null when none is: the unlock route clears it.
   */
  loginSlowedUntil: z.string().nullable(),
});
export type TUserView = z.infer<typeof ZUserView>;

export const ZUserCreate = z
  .object({
    username: ZUsername,
    fullName: zText(120),
    email: zOptionalText(200).pipe(z.email({ message: M.emailInvalid.key }).nullable()),
    phone: zOptionalText(20),
    /** Leave out to have the server generate one, shown once in the answer. */
    password: ZPassword.optional(),
    roles: z.array(ZRoleGrant).min(1, { message: M.roleRequired.key }).max(20),
  })
  .strict();

export const ZUserCreated = z.object({ user: ZUserView, generatedPassword: z.string().nullable() });
export type TUserCreated = z.infer<typeof ZUserCreated>;

export const ZUserEdit = z
  .object({
    fullName: zText(120).optional(),
    email: zOptionalText(200).pipe(z.email({ message: M.emailInvalid.key }).nullable()),
    phone: zOptionalText(20),
    active: z.boolean().optional(),
  })
  .strict();

export const ZUserListQuery = z
  .object({
    q: z.string().max(100).optional(),
    unitId: ZId.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const ZUserList = z.object({ total: z.number().int(), items: z.array(ZUserView) });

export const ZPasswordReset = z.object({ generatedPassword: z.string() });

export const ZUserRoleParams = z.object({ id: ZId, roleId: ZId }).strict();

export const usersApi = {
  'GET /api/users': {
    summary: 'Danh sách người dùng trong phạm vi',
    query: ZUserListQuery,
    response: ZUserList,
  },
  'GET /api/users/:id': { summary: 'Chi tiết người dùng', params: ZIdParams, response: ZUserView },
  'POST /api/users': { summary: 'Tạo người dùng', body: ZUserCreate, response: ZUserCreated, status: 201 },
  'PATCH /api/users/:id': { summary: 'Sửa / khoá người dùng', params: ZIdParams, body: ZUserEdit, response: ZUserView },
  'POST /api/users/:id/roles': {
    summary: 'Cấp vai trò tại một đơn vị',
    params: ZIdParams,
    body: ZRoleGrant,
    response: ZUserView,
  },
  'DELETE /api/users/:id/roles/:roleId': { summary: 'Thu hồi vai trò', params: ZUserRoleParams, response: ZUserView },
  'POST /api/users/:id/unlock-login': {
    summary: 'Mở khóa đăng nhập: xoá các lần đăng nhập sai đang làm chậm tài khoản (mọi nguồn)',
    params: ZIdParams,
    response: ZUserView,
  },
  'POST /api/users/:id/reset-password': {
    summary: 'Cấp lại mật khẩu (hiển thị một lần)',
    params: ZIdParams,
    response: ZPasswordReset,
  },
} as const satisfies RouteTable;
