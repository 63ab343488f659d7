import { MoreOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Dropdown,
  Input,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { TUserView } from '../../../shared/users/contract.js';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { viDateTime } from '../../components/format.js';
import { useDebounced } from '../../components/useDebounced.js';
import { useLayout } from '../../components/useLayout.js';
import { useServerTable } from '../../components/useServerTable.js';
import { userKeys, usersApi } from './api.js';
import { CreateUserModal } from './CreateUserModal.js';
import { EditUserModal } from './EditUserModal.js';
import { PasswordOnceModal } from './PasswordOnceModal.js';
import { RolesModal } from './RolesModal.js';

export function UsersPage() {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const { phone } = useLayout();
  const [term, setTerm] = useState('');
  const q = useDebounced(term.trim());
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<TUserView | null>(null);
  const [rolesOf, setRolesOf] = useState<TUserView | null>(null);
  const [password, setPassword] = useState<{ name: string; password: string } | null>(null);

  const { query: list, table } = useServerTable({
    key: userKeys.list(q),
    fetch: ({ limit, offset }) => usersApi.list(q, limit, offset),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: userKeys.all });

  const toggleActive = (u: TUserView) =>
    modal.confirm({
      title: u.active ? t('users.lockConfirm', { name: u.fullName }) : t('users.unlockConfirm', { name: u.fullName }),
      okText: u.active ? t('users.lock') : t('users.unlock'),
      okButtonProps: { danger: u.active },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await usersApi.edit(u.id, { active: !u.active });
          message.success(t('common.saved'));
          await refresh();
        } catch (e) {
          message.error(errorText(e, t));
        }
      },
    });

  const resetPassword = (u: TUserView) =>
    modal.confirm({
      title: t('users.resetConfirm', { name: u.fullName }),
      okText: t('users.resetPassword'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const r = await usersApi.resetPassword(u.id);
          setPassword({ name: u.fullName, password: r.generatedPassword });
        } catch (e) {
          message.error(errorText(e, t));
        }
      },
    });

  const unlockLogin = (u: TUserView) =>
    modal.confirm({
      title: t('users.unlockLoginConfirm', { name: u.fullName }),
      okText: t('users.unlockLogin'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await usersApi.unlockLogin(u.id);
          message.success(t('users.unlockLoginDone', { name: u.fullName }));
          await refresh();
        } catch (e) {
          message.error(errorText(e, t));
        }
      },
    });

  // Stacked: a slowed account's second tag must not push the actions off a laptop screen.
  const statusTag = (u: TUserView) => (
    <Space direction="vertical" size={4}>
      {u.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag color="red">{t('users.locked')}</Tag>}
      {u.loginSlowedUntil && (
        <Tooltip title={t('users.loginSlowedHint', { time: viDateTime(u.loginSlowedUntil) })}>
          <Tag color="orange" data-testid="user-login-slowed">
            {t('users.loginSlowed')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
  const roleTags = (u: TUserView) => (
    <div className="role-tags">
      {u.roles.map((r) => (
        <Tag key={r.id} color="blue" className="role-tag">
          {t(`role.${r.role}`)} — {r.unitName}
        </Tag>
      ))}
    </div>
  );
  const actions = (u: TUserView) => [
    { key: 'edit', label: t('common.edit'), onClick: () => setEditing(u) },
    { key: 'roles', label: t('users.manageRoles'), onClick: () => setRolesOf(u) },
    {
      key: 'active',
      label: u.active ? t('users.lock') : t('users.unlock'),
      danger: u.active,
      onClick: () => toggleActive(u),
    },
    { key: 'password', label: t('users.resetPassword'), onClick: () => resetPassword(u) },
    // Offered only while the account is slowed: there is nothing to unlock otherwise.
    ...(u.loginSlowedUntil
      ? [
          {
            key: 'unlock-login',
            label: t('users.unlockLogin'),
            onClick: () => unlockLogin(u),
            testId: 'user-unlock-login',
          },
        ]
      : []),
  ];

  const desktopColumns: TableColumnsType<TUserView> = [
    {
      key: 'username',
      title: t('users.username'),
      dataIndex: 'username',
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    { key: 'fullName', title: t('users.fullName'), dataIndex: 'fullName' },
    { key: 'roles', title: t('users.roles'), render: (_, u) => roleTags(u) },
    { key: 'status', title: t('users.status'), render: (_, u) => statusTag(u) },
    {
      key: 'actions',
      title: t('common.actions'),
      // A width of its own so the links wrap (five with 'Mở khóa đăng nhập') instead of widening the table.
      width: 300,
      render: (_, u) => (
        <Space size={0} wrap className="row-actions">
          {actions(u).map((a) => (
            <Button key={a.key} type="link" size="small" danger={a.danger} onClick={a.onClick} data-testid={a.testId}>
              {a.label}
            </Button>
          ))}
        </Space>
      ),
    },
  ];
  // A phone gets one column per idea: who, what roles, and a menu of actions.
  const phoneColumns: TableColumnsType<TUserView> = [
    {
      key: 'user',
      title: t('users.fullName'),
      render: (_, u) => (
        <div className="user-cell">
          <Typography.Text strong>{u.fullName}</Typography.Text>
          <Typography.Text type="secondary">{u.username}</Typography.Text>
          {statusTag(u)}
        </div>
      ),
    },
    { key: 'roles', title: t('users.roles'), render: (_, u) => roleTags(u) },
    {
      key: 'actions',
      width: 44,
      render: (_, u) => (
        <Dropdown
          trigger={['click']}
          menu={{ items: actions(u).map(({ testId: _testId, ...item }) => item) }}
          placement="bottomRight"
        >
          <Button type="text" icon={<MoreOutlined />} aria-label={t('common.actions')} />
        </Dropdown>
      ),
    },
  ];

  return (
    <div className="users-page">
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('users.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create">
          {t('users.create')}
        </Button>
      </div>
      <Input.Search
        className="page-search"
        allowClear
        placeholder={t('users.search')}
        value={term}
        onChange={(e) => {
          setTerm(e.target.value);
        }}
        data-testid="user-search"
      />
      {list.isError && <Alert type="error" showIcon title={errorText(list.error, t)} style={{ marginBottom: 12 }} />}
      <Table<TUserView>
        rowKey="id"
        size={phone ? 'small' : 'middle'}
        data-testid="users-table"
        columns={phone ? phoneColumns : desktopColumns}
        {...table}
        scroll={phone ? undefined : { x: 'max-content' }}
        locale={{ emptyText: t('users.empty') }}
      />
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={async (c) => {
          message.success(t('users.created', { name: c.user.fullName }));
          if (c.generatedPassword) setPassword({ name: c.user.fullName, password: c.generatedPassword });
          await refresh();
        }}
      />
      <EditUserModal user={editing} onClose={() => setEditing(null)} onSaved={refresh} />
      <RolesModal
        user={rolesOf}
        onClose={() => setRolesOf(null)}
        onChanged={async (u) => {
          setRolesOf(u);
          await refresh();
        }}
      />
      <PasswordOnceModal shown={password} onClose={() => setPassword(null)} />
    </div>
  );
}
