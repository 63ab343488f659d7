import { ROLE_NAMES } from '../../../shared/auth/roles.js';

/**
 * UI text of signing in, the account menu and the role names, spread into the app catalogues
 * (app/i18n). Kept beside the feature so its screens and their words change together; English is
 * typed by the Vietnamese keys.
 */
export const authVi = {
  'login.title': 'Đăng nhập',
  'login.username': 'Tên đăng nhập',
  'login.password': 'Mật khẩu',
  'login.submit': 'Đăng nhập',
  'login.usernameRequired': 'Nhập tên đăng nhập',
  'login.passwordRequired': 'Nhập mật khẩu',
  'login.sessionExpired': 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
  'login.footer': 'Liên đoàn Lao động — hệ thống quản lý phát triển đoàn viên',

  'account.menu': 'Tài khoản',
  'account.logout': 'Đăng xuất',
  'account.changePassword': 'Đổi mật khẩu',
  'account.currentPassword': 'Mật khẩu hiện tại',
  'account.newPassword': 'Mật khẩu mới',
  'account.confirmPassword': 'Nhập lại mật khẩu mới',
  'account.passwordMismatch': 'Hai mật khẩu không khớp',
  'account.passwordHint': 'Ít nhất 10 ký tự',
  'account.passwordChanged': 'Đã đổi mật khẩu',

  'role.system_admin': ROLE_NAMES.system_admin.vi,
  'role.federation_admin': ROLE_NAMES.federation_admin.vi,
  'role.officer': ROLE_NAMES.officer.vi,
  'role.viewer': ROLE_NAMES.viewer.vi,
};

export const authEn: Record<keyof typeof authVi, string> = {
  'login.title': 'Sign in',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.usernameRequired': 'Enter your username',
  'login.passwordRequired': 'Enter your password',
  'login.sessionExpired': 'Your session has expired. Please sign in again.',
  'login.footer': 'Labour Federation — union member development system',

  'account.menu': 'Account',
  'account.logout': 'Sign out',
  'account.changePassword': 'Change password',
  'account.currentPassword': 'Current password',
  'account.newPassword': 'New password',
  'account.confirmPassword': 'Repeat the new password',
  'account.passwordMismatch': 'The two passwords differ',
  'account.passwordHint': 'At least 10 characters',
  'account.passwordChanged': 'Password changed',

  'role.system_admin': ROLE_NAMES.system_admin.en,
  'role.federation_admin': ROLE_NAMES.federation_admin.en,
  'role.officer': ROLE_NAMES.officer.en,
  'role.viewer': ROLE_NAMES.viewer.en,
};
