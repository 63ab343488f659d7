import { Tag } from 'antd';
import { useI18n } from '../../app/i18n/I18nProvider.js';

export function PlanStatusTag({ status }: { status: 'draft' | 'issued' }) {
  const { t } = useI18n();
  return (
    <Tag color={status === 'issued' ? 'blue' : 'default'} data-testid="plan-status">
      {t(`plan.status.${status}`)}
    </Tag>
  );
}
