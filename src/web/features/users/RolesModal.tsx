import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Form, Modal, Popconfirm, Row, Tag } from 'antd';
import { useState } from 'react';
import type { Role } from '../../../shared/auth/roles.js';
import { todayIso } from '../../../shared/text/index.js';
import type { TUserView } from '../../../shared/users/contract.js';
import { applyServerErrors, errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { usersApi } from './api.js';
import { RoleSelect } from './RoleSelect.js';

type Props = { user: TUserView | null; onClose: () => void; onChanged: (user: TUserView) => Promise<void> };
type Values = { unitId: number; role: Role };

/** Grant and revoke a user's roles; each change is saved at once. */
export function RolesModal({ user, onClose, onChanged }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const grant = async (v: Values) => {
    if (!user) return;
    setBusy(true);
    setBanner(null);
    try {
      await onChanged(await usersApi.addRole(user.id, v.unitId, v.role));
      form.resetFields();
      message.success(t('common.saved'));
    } catch (e) {
      setBanner(applyServerErrors(form, e, t));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (roleId: number) => {
    if (!user) return;
    setBanner(null);
    try {
      await onChanged(await usersApi.removeRole(user.id, roleId));
      message.success(t('common.saved'));
    } catch (e) {
      setBanner(errorText(e, t));
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.rolesTitle', { name: user.fullName }) : ''}
      onCancel={onClose}
      afterClose={() => setBanner(null)}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
      width={640}
      destroyOnHidden
    >
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} />}
      <ul className="role-list" data-testid="user-roles">
        {user?.roles.map((r) => {
          const role = t(`role.${r.role}`);
          return (
            <li key={r.id}>
              <Tag color="blue">{role}</Tag>
              <span className="role-list-unit">{r.unitName}</span>
              <Popconfirm
                title={t('users.revokeConfirm', { role, unit: r.unitName })}
                okText={t('users.revoke')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => revoke(r.id)}
              >
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('users.revoke')}>
                  {t('users.revoke')}
                </Button>
              </Popconfirm>
            </li>
          );
        })}
      </ul>
      <Form<Values> form={form} layout="vertical" onFinish={grant}>
        <Row gutter={8}>
          <Col xs={24} sm={14}>
            <Form.Item
              name="unitId"
              label={t('users.unit')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <UnitSelect asOf={todayIso()} placeholder={t('org.search')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('common.required') }]}>
              <RoleSelect />
            </Form.Item>
          </Col>
        </Row>
        <Button htmlType="submit" type="primary" icon={<PlusOutlined />} loading={busy}>
          {t('users.grant')}
        </Button>
      </Form>
    </Modal>
  );
}
