import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Select, Table, type TableColumnsType, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { viDate } from '../../components/format.js';
import { useLayout } from '../../components/useLayout.js';
import { useSession } from '../auth/session.js';
import { planKeys, plansApi, type TPlanSummary } from './api.js';
import { PlanStatusTag } from './PlanStatusTag.js';

/** The plans of the caller's subtree, newest first; a status filter lives in the URL (?status=draft). */
export function PlansPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const { phone } = useLayout();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = statusParam === 'draft' || statusParam === 'issued' ? statusParam : undefined;
  const list = useQuery({ queryKey: planKeys.list({ status }), queryFn: () => plansApi.list({ status }) });

  const reference = (p: TPlanSummary) => (
    <Link to={`/plans/${p.id}`} data-testid={`plan-link-${p.id}`}>
      {p.reference}
    </Link>
  );
  const period = (p: TPlanSummary) => `${viDate(p.periodFrom)} – ${viDate(p.periodTo)}`;
  const columns: TableColumnsType<TPlanSummary> = phone
    ? [
        {
          key: 'plan',
          title: t('plan.col.title'),
          render: (_, p) => (
            <div className="enterprise-cell">
              <span>
                {reference(p)} · {viDate(p.issuedOn)}
              </span>
              <span>{p.title}</span>
              <Typography.Text type="secondary" className="enterprise-cell-meta">
                {p.unitName} · {period(p)}
              </Typography.Text>
            </div>
          ),
        },
        {
          key: 'status',
          title: t('plan.col.status'),
          width: 110,
          render: (_, p) => <PlanStatusTag status={p.status} />,
        },
      ]
    : [
        {
          key: 'ref',
          title: t('plan.col.reference'),
          width: 170,
          render: (_, p) => (
            <div className="enterprise-cell">
              {reference(p)}
              <Typography.Text type="secondary" className="enterprise-cell-meta">
                {viDate(p.issuedOn)}
              </Typography.Text>
            </div>
          ),
        },
        { key: 'title', title: t('plan.col.title'), dataIndex: 'title' },
        { key: 'unit', title: t('plan.col.unit'), dataIndex: 'unitName', width: 240 },
        { key: 'period', title: t('plan.col.period'), width: 210, render: (_, p) => period(p) },
        {
          key: 'status',
          title: t('plan.col.status'),
          width: 130,
          render: (_, p) => <PlanStatusTag status={p.status} />,
        },
      ];
  return (
    <div>
      <div className="page-head">
        <Typography.Title level={1} className="page-title dash-h1-plain">
          {t('plan.list.title')}
        </Typography.Title>
        <div className="page-actions">
          <Select
            allowClear
            placeholder={t('plan.filter.status')}
            aria-label={t('plan.filter.status')}
            value={status}
            style={{ width: 160 }}
            onChange={(v) => setParams(v ? { status: v } : {}, { replace: true })}
            options={(['draft', 'issued'] as const).map((s) => ({ value: s, label: t(`plan.status.${s}`) }))}
            data-testid="plans-status"
          />
          {can('plan.manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/plans/new')}
              data-testid="plan-new"
            >
              {t('plan.new')}
            </Button>
          )}
        </div>
      </div>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error, t)} />}
      <Table<TPlanSummary>
        rowKey="id"
        size={phone ? 'small' : 'middle'}
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        columns={columns}
        data-testid="plans-table"
        locale={{ emptyText: t('plan.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
    </div>
  );
}
