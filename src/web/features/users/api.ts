import type { z } from 'zod';
import type { Role } from '../../../shared/auth/roles.js';
import type {
  TUserView,
  ZPasswordReset,
  ZUserCreate,
  ZUserCreated,
  ZUserEdit,
  ZUserList,
} from '../../../shared/users/contract.js';
import { api } from '../../app/api/client.js';

export type TUserList = z.infer<typeof ZUserList>;
export type TUserCreated = z.infer<typeof ZUserCreated>;
export type UserCreateInput = z.input<typeof ZUserCreate>;
export type UserEditInput = z.input<typeof ZUserEdit>;

export const userKeys = {
  all: ['users'] as const,
  list: (q: string, page: number, pageSize: number) => ['users', 'list', q, page, pageSize] as const,
};

export const usersApi = {
  list: (q: string, limit: number, offset: number) => api.get<TUserList>('/api/users', { q, limit, offset }),
  create: (input: UserCreateInput) => api.post<TUserCreated>('/api/users', input),
  edit: (id: number, input: UserEditInput) => api.patch<TUserView>(`/api/users/${id}`, input),
  addRole: (id: number, unitId: number, role: Role) => api.post<TUserView>(`/api/users/${id}/roles`, { unitId, role }),
  removeRole: (id: number, roleId: number) => api.delete<TUserView>(`/api/users/${id}/roles/${roleId}`),
  resetPassword: (id: number) => api.post<z.infer<typeof ZPasswordReset>>(`/api/users/${id}/reset-password`),
};
