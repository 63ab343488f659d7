import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { viDate, viDateTime } from '../../components/format.js';
import { reviewKeys, reviewsApi } from './api.js';
import { ReviewStatusTag } from './ReviewStatusTag.js';

/** The reports child units have sent up to the caller's unit, newest period first: each opens to acknowledge or return. */
export function ReceivedPage() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: reviewKeys.received(undefined), queryFn: () => reviewsApi.received() });
  return (
    <div>
      <Typography.Title level={1} className="page-title">
        {t('review.inbox.title')}
      </Typography.Title>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error, t)} />}
      <Table
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        data-testid="reviews-received"
        locale={{ emptyText: t('review.inbox.empty') }}
        pagination={false}
        // Only a list with rows scrolls sideways on a phone (an empty scroll region has nothing to focus).
        scroll={list.data?.items.length ? { x: 720 } : undefined}
        columns={[
          { key: 'unit', title: t('review.col.unit'), dataIndex: 'unitName' },
          { key: 'to', title: t('review.col.sentTo'), render: (_, x) => x.submittedToName ?? '—' },
          {
            key: 'period',
            title: t('review.col.period'),
            render: (_, x) => <Link to={`/reviews/${x.id}`}>{x.label}</Link>,
          },
          { key: 'version', title: t('review.col.version'), dataIndex: 'version', align: 'right', width: 90 },
          { key: 'status', title: t('review.col.status'), render: (_, x) => <ReviewStatusTag status={x.status} /> },
          { key: 'sent', title: t('review.col.sentAt'), render: (_, x) => viDateTime(x.submittedAt) },
          { key: 'due', title: t('review.col.due'), render: (_, x) => viDate(x.dueOn) },
        ]}
      />
    </div>
  );
}
