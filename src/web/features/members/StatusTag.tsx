import { Tag } from 'antd';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import type { TMember } from './api.js';

const COLOR: Record<TMember['status'], string> = {
  active: 'green',
  transferred: 'blue',
  left: 'default',
  expelled: 'red',
  honorary: 'gold',
};

export function StatusTag({ status }: { status: TMember['status'] }) {
  const { t } = useI18n();
  return (
    <Tag color={COLOR[status]} className="member-status" data-testid="member-status">
      {t(`member.status.${status}`)}
    </Tag>
  );
}
