import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row } from 'antd';
import type { Role } from '../../../shared/auth/roles.js';
import { todayIso } from '../../../shared/text/index.js';
import type { TUserCreated } from '../../../shared/users/contract.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { FormModal } from '../../components/FormModal.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { usersApi } from './api.js';
import { RoleSelect } from './RoleSelect.js';

type Values = {
  username: string;
  fullName: string;
  email?: string;
  phone?: string;
  password?: string;
  roles: { unitId: number; role: Role }[];
};

type Props = { open: boolean; onClose: () => void; onCreated: (created: TUserCreated) => void };

export function CreateUserModal({ open, onClose, onCreated }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const today = todayIso();
  return (
    <FormModal<Values>
      open={open}
      title={t('users.create')}
      form={form}
      width={680}
      testId="create-user-form"
      initialValues={{ roles: [{} as Values['roles'][number]] }}
      onClose={onClose}
      onSubmit={async (v) => {
        // An empty password field means "generate one"; the server then shows it once.
        const created = await usersApi.create({ ...v, password: v.password ? v.password : undefined });
        onCreated(created);
      }}
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="username"
            label={t('users.username')}
            normalize={(v: string) => v.toLowerCase()}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={60} autoCapitalize="none" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="fullName"
            label={t('users.fullName')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={120} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="email" label={t('users.email')}>
            <Input type="email" maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="phone" label={t('users.phone')}>
            <Input type="tel" maxLength={20} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="password" label={t('users.password')} extra={t('users.passwordHint')}>
        <Input.Password autoComplete="new-password" maxLength={200} />
      </Form.Item>
      <Form.List name="roles">
        {(fields, { add, remove }) => (
          <div className="role-rows">
            <div className="role-rows-label">{t('users.roles')}</div>
            {fields.map((field) => (
              <Row key={field.key} gutter={8} align="top" wrap={false}>
                <Col flex="auto" style={{ minWidth: 0 }}>
                  <Row gutter={8}>
                    <Col xs={24} sm={15}>
                      <Form.Item
                        name={[field.name, 'unitId']}
                        rules={[{ required: true, message: t('common.required') }]}
                      >
                        <UnitSelect asOf={today} placeholder={t('users.unit')} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={9}>
                      <Form.Item
                        name={[field.name, 'role']}
                        rules={[{ required: true, message: t('common.required') }]}
                      >
                        <RoleSelect />
                      </Form.Item>
                    </Col>
                  </Row>
                </Col>
                <Col flex="none">
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('common.remove')}
                    disabled={fields.length === 1}
                    onClick={() => remove(field.name)}
                  />
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block>
              {t('users.addRoleRow')}
            </Button>
          </div>
        )}
      </Form.List>
    </FormModal>
  );
}
