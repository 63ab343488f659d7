import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { viDate } from '../../components/format.js';
import { reviewKeys, reviewsApi } from './api.js';
import { CreateReviewModal } from './CreateReviewModal.js';
import { ReviewStatusTag } from './ReviewStatusTag.js';

/** The plan's reviews (sơ kết, tổng kết), newest period first, and the button that starts one. */
export function ReviewsCard({
  planId,
  canCreate,
  defaultYear,
}: {
  planId: number;
  canCreate: boolean;
  defaultYear: number;
}) {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: reviewKeys.ofPlan(planId), queryFn: () => reviewsApi.ofPlan(planId) });
  return (
    <Card
      size="small"
      title={t('review.card.title')}
      style={{ marginBottom: 16 }}
      extra={
        canCreate && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="review-create">
            {t('review.create')}
          </Button>
        )
      }
    >
      {list.isError && <Alert type="error" showIcon title={errorText(list.error, t)} />}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        data-testid="plan-reviews"
        locale={{ emptyText: t('review.card.empty') }}
        columns={[
          {
            key: 'period',
            title: t('review.col.period'),
            render: (_, r) => <Link to={`/reviews/${r.id}`}>{r.label}</Link>,
          },
          { key: 'version', title: t('review.col.version'), width: 90, align: 'right', dataIndex: 'version' },
          {
            key: 'status',
            title: t('review.col.status'),
            width: 170,
            render: (_, r) => <ReviewStatusTag status={r.status} />,
          },
          { key: 'due', title: t('review.col.due'), width: 110, render: (_, r) => viDate(r.dueOn) },
        ]}
      />
      <CreateReviewModal planId={planId} open={creating} defaultYear={defaultYear} onClose={() => setCreating(false)} />
    </Card>
  );
}
