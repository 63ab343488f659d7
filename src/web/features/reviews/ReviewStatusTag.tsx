import { Tag } from 'antd';
import type { ReviewStatus } from '../../../shared/reviews/contract.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';

const COLORS: Record<ReviewStatus, string> = {
  draft: 'default',
  frozen: 'blue',
  submitted: 'gold',
  returned: 'red',
  acknowledged: 'green',
};

export function ReviewStatusTag({ status }: { status: ReviewStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid="review-status">
      {t(`review.status.${status}`)}
    </Tag>
  );
}
