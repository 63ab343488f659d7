import { call } from '../../app/api/client.js';
import type { Locale } from '../../app/i18n/i18n.js';

export const authApi = {
  /** The "am I signed in?" probe: a 401 there is an answer, not an expired session. */
  me: () => call('GET /api/auth/me', { anonymousOk: true }),
  login: (username: string, password: string) => call('POST /api/auth/login', { body: { username, password } }),
  logout: () => call('POST /api/auth/logout'),
  setLocale: (locale: Locale) => call('PUT /api/auth/me/locale', { body: { locale } }),
  changePassword: (currentPassword: string, newPassword: string) =>
    call('POST /api/auth/me/password', { body: { currentPassword, newPassword } }),
};
