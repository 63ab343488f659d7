import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { ChangePasswordModal } from '../../features/auth/ChangePasswordModal.js';
import { useSession } from '../../features/auth/session.js';
import { errorText } from '../api/errors.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { HEADER_ICON } from './headerStyle.js';

/** Who is signed in (name and roles), the language switch and sign-out. */
export function UserArea({ compact }: { compact: boolean }) {
  const { t } = useI18n();
  const { me, logout } = useSession();
  const { message } = App.useApp();
  const [pwOpen, setPwOpen] = useState(false);
  if (!me) return null;

  const roleLines = me.roles.map((r) => `${t(`role.${r.role}`)} — ${r.unitName}`);
  const signOut = () => {
    logout().catch((e: unknown) => message.error(errorText(e, t)));
  };
  const items: MenuProps['items'] = [
    ...(compact
      ? [
          {
            key: 'who',
            disabled: true,
            label: (
              <div className="user-menu-who">
                <strong>{me.user.fullName}</strong>
                {roleLines.map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </div>
            ),
          },
          { type: 'divider' as const },
        ]
      : []),
    { key: 'password', icon: <KeyOutlined />, label: t('account.changePassword'), onClick: () => setPwOpen(true) },
    ...(compact
      ? [{ key: 'logout', icon: <LogoutOutlined />, label: t('account.logout'), onClick: signOut, danger: true }]
      : []),
  ];

  return (
    <div className="user-area">
      <LanguageSwitch size={compact ? 'small' : 'middle'} />
      <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
        {compact ? (
          <Button
            type="text"
            style={HEADER_ICON}
            aria-label={t('account.menu')}
            data-testid="user-menu"
            icon={<Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#fff', color: '#0b57a4' }} />}
          />
        ) : (
          <button type="button" className="user-who" data-testid="user-menu" aria-label={t('account.menu')}>
            <span className="user-who-name" data-testid="user-name">
              {me.user.fullName}
            </span>
            <span className="user-who-roles" title={roleLines.join('\n')}>
              {roleLines[0]}
              {roleLines.length > 1 ? ` (+${roleLines.length - 1})` : ''}
            </span>
          </button>
        )}
      </Dropdown>
      {!compact && (
        <Button ghost icon={<LogoutOutlined />} onClick={signOut} data-testid="logout">
          {t('account.logout')}
        </Button>
      )}
      <ChangePasswordModal open={pwOpen} onClose={() => setPwOpen(false)} />
    </div>
  );
}
