import type { z } from 'zod';
import type { Role } from '../../../shared/auth/roles.js';
import type { ZUserCreate, ZUserEdit } from '../../../shared/users/contract.js';
import { call } from '../../app/api/client.js';

export type UserCreateInput = z.input<typeof ZUserCreate>;
export type UserEditInput = z.input<typeof ZUserEdit>;

export const userKeys = {
  all: ['users'] as const,
  list: (q: string) => ['users', 'list', q] as const,
};

export const usersApi = {
  list: (q: string, limit: number, offset: number) => call('GET /api/users', { query: { q, limit, offset } }),
  create: (body: UserCreateInput) => call('POST /api/users', { body }),
  edit: (id: number, body: UserEditInput) => call('PATCH /api/users/:id', { params: { id }, body }),
  addRole: (id: number, unitId: number, role: Role) =>
    call('POST /api/users/:id/roles', { params: { id }, body: { unitId, role } }),
  removeRole: (id: number, roleId: number) => call('DELETE /api/users/:id/roles/:roleId', { params: { id, roleId } }),
  unlockLogin: (id: number) => call('POST /api/users/:id/unlock-login', { params: { id } }),
  resetPassword: (id: number) => call('POST /api/users/:id/reset-password', { params: { id } }),
};
