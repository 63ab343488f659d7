import { Form, Input } from 'antd';
import type { TUserView } from '../../../shared/users/contract.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { FormModal } from '../../components/FormModal.js';
import { usersApi } from './api.js';

type Values = { fullName: string; email?: string; phone?: string };

type Props = { user: TUserView | null; onClose: () => void; onSaved: () => Promise<void> };

export function EditUserModal({ user, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      open={user !== null}
      title={user ? t('users.editTitle', { name: user.username }) : ''}
      form={form}
      testId="edit-user-form"
      initialValues={user ? { fullName: user.fullName, email: user.email ?? '', phone: user.phone ?? '' } : undefined}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!user) return;
        await usersApi.edit(user.id, { fullName: v.fullName, email: v.email ?? null, phone: v.phone ?? null });
        await onSaved();
      }}
    >
      <Form.Item
        name="fullName"
        label={t('users.fullName')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="email" label={t('users.email')}>
        <Input type="email" maxLength={200} />
      </Form.Item>
      <Form.Item name="phone" label={t('users.phone')}>
        <Input type="tel" maxLength={20} />
      </Form.Item>
    </FormModal>
  );
}
