import { defineMessages } from '../i18n/messages.js';

/** What the server says about user accounts' fields. */
export const usersMessages = defineMessages('users', {
  usernameMin: { vi: 'Tên đăng nhập cần ít nhất 3 ký tự', en: 'A username needs at least 3 characters' },
  usernameMax: { vi: 'Tên đăng nhập tối đa 60 ký tự', en: 'A username has at most 60 characters' },
  usernameChars: {
    vi: 'Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới',
    en: 'A username has only unaccented lowercase letters, digits, dots, hyphens and underscores',
  },
  passwordMin: { vi: 'Mật khẩu cần ít nhất 10 ký tự', en: 'A password needs at least 10 characters' },
  passwordMax: { vi: 'Mật khẩu tối đa 200 ký tự', en: 'A password has at most 200 characters' },
  emailInvalid: { vi: 'Email không hợp lệ', en: 'Invalid email address' },
  roleRequired: { vi: 'Cần ít nhất một vai trò', en: 'At least one role is needed' },
});
