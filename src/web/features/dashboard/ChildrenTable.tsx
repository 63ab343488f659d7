import { Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import type { TChildProgress, TTargetProgress } from '../plans/api.js';
import { drillHref } from './drill.js';
import { figure, pct } from './format.js';
import { ProgressBar } from './ProgressBar.js';
import { TargetStatusTag } from './StatusTag.js';

// Lagging first: the order the server sends (status, then percent), kept as the default sort.
const STATUS_RANK: Record<TChildProgress['status'], number> = {
  behind: 0,
  at_risk: 1,
  no_goal: 2,
  not_started: 3,
  on_track: 4,
};

type Props = { target: TTargetProgress; phone: boolean };

/** The child units of the plan's unit for one target: each figure is its own subtree's records. */
export function ChildrenTable({ target, phone }: Props) {
  const { t } = useI18n();
  const unit = target.metricUnit;
  const actual = (c: TChildProgress) => (
    <Link to={drillHref(c.drill)} title={t('dash.drillHint')} data-testid={`child-drill-${c.unitId}`}>
      {figure(c.actual, unit)}
    </Link>
  );
  const columns: TableColumnsType<TChildProgress> = [
    {
      key: 'unit',
      title: t('dash.col.unit'),
      sorter: (a, b) => a.unitName.localeCompare(b.unitName, 'vi'),
      render: (_, c) =>
        phone ? (
          <div className="enterprise-cell">
            <span>{c.unitName}</span>
            <Typography.Text type="secondary" className="enterprise-cell-meta">
              {actual(c)} / {c.share === null ? t('dash.noShare') : figure(c.share, unit)} · {pct(c.percent)}
            </Typography.Text>
          </div>
        ) : (
          c.unitName
        ),
    },
    ...(phone
      ? []
      : ([
          {
            key: 'share',
            title: t('dash.col.share'),
            align: 'right',
            width: 96,
            sorter: (a, b) => (a.share ?? -1) - (b.share ?? -1),
            render: (_, c) =>
              c.share === null ? (
                <Typography.Text type="warning">{t('dash.noShare')}</Typography.Text>
              ) : (
                figure(c.share, unit)
              ),
          },
          {
            key: 'actual',
            title: t('dash.col.actual'),
            align: 'right',
            width: 96,
            sorter: (a, b) => a.actual - b.actual,
            render: (_, c) => actual(c),
          },
          {
            key: 'percent',
            title: t('dash.col.percent'),
            width: 150,
            sorter: (a, b) => (a.percent ?? -1) - (b.percent ?? -1),
            render: (_, c) => (
              <div className="dash-cell-bar">
                <span className="dash-cell-pct">{pct(c.percent)}</span>
                {c.share !== null && (
                  <ProgressBar
                    actual={c.actual}
                    goal={c.goal}
                    status={c.status}
                    thin
                    label={`${c.unitName}: ${figure(c.actual, unit)} / ${figure(c.goal, unit)} (${pct(c.percent)})`}
                  />
                )}
              </div>
            ),
          },
        ] satisfies TableColumnsType<TChildProgress>)),
    {
      key: 'status',
      title: t('dash.col.status'),
      width: phone ? 104 : 120,
      defaultSortOrder: 'ascend',
      sorter: (a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || (a.percent ?? -1) - (b.percent ?? -1),
      render: (_, c) => <TargetStatusTag status={c.status} />,
    },
  ];
  return (
    <Table<TChildProgress>
      rowKey="unitId"
      size="small"
      data-testid={`children-${target.code}`}
      columns={columns}
      dataSource={target.children}
      pagination={target.children.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      rowClassName={(c) => (c.share === null ? 'dash-row-noshare' : '')}
      locale={{ emptyText: t('dash.children.empty') }}
    />
  );
}
