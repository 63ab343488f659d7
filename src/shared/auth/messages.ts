import { defineMessages } from '../i18n/messages.js';

/** What the server says about sign-in fields. */
export const authMessages = defineMessages('auth', {
  usernameRequired: { vi: 'Nhập tên đăng nhập', en: 'Enter your username' },
  passwordRequired: { vi: 'Nhập mật khẩu', en: 'Enter your password' },
  // How long a slowed sign-in must wait ({wait} of LOGIN_SLOWED).
  waitOneSecond: { vi: '1 giây', en: '1 second' },
  waitSeconds: { vi: '{n} giây', en: '{n} seconds' },
  waitOneMinute: { vi: '1 phút', en: '1 minute' },
  waitMinutes: { vi: '{n} phút', en: '{n} minutes' },
});
