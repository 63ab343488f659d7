import { Tag } from 'antd';
import type { TargetStatus } from '../../../shared/plans/contract.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';

// Dark enough tag colours for text contrast on the light tag background (antd presets).
const COLORS: Record<TargetStatus, string> = {
  on_track: 'green',
  at_risk: 'orange',
  behind: 'red',
  not_started: 'default',
  no_goal: 'default',
};

export function TargetStatusTag({ status }: { status: TargetStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid="target-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`dash.status.${status}`)}
    </Tag>
  );
}
