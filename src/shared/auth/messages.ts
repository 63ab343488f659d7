import { defineMessages } from '../i18n/messages.js';

/** What the server says about sign-in fields. */
export const authMessages = defineMessages('auth', {
  usernameRequired: { vi: 'Nhập tên đăng nhập', en: 'Enter your username' },
  passwordRequired: { vi: 'Nhập mật khẩu', en: 'Enter your password' },
});
