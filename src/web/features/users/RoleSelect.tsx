import { Select } from 'antd';
import type { Role } from '../../../shared/auth/roles.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { useSession } from '../auth/session.js';
import { grantableRoles } from './roles.js';

type Props = { value?: Role; onChange?: (role: Role) => void; id?: string };

export function RoleSelect({ value, onChange, id }: Props) {
  const { t } = useI18n();
  const { me } = useSession();
  return (
    <Select<Role>
      id={id}
      value={value}
      onChange={onChange}
      placeholder={t('users.role')}
      options={grantableRoles(me).map((r) => ({ value: r, label: t(`role.${r}`) }))}
    />
  );
}
