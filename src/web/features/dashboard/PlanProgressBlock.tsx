import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { viDate } from '../../components/format.js';
import { plansApi, type TPlanProgress } from '../plans/api.js';
import { ChildrenTable } from './ChildrenTable.js';
import { TargetCard } from './TargetCard.js';
import './dashboard.css';

// ECharts (~150 kB on the wire) comes with the chart itself: the cards and the table show without waiting for it.
const ProgressChart = lazy(() => import('./ProgressChart.js').then((m) => ({ default: m.ProgressChart })));

type Props = {
  plan: TPlanProgress;
  phone: boolean /** The plan's own page hides the link to itself. */;
  linkToPlan?: boolean;
};

/**
 * One plan's progress: a card per target, then the chart and the child units of the chosen target
 * (the first until another card is chosen), and the .xlsx of the whole table.
 */
export function PlanProgressBlock({ plan, phone, linkToPlan = true }: Props) {
  const { t } = useI18n();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const selected = plan.targets.find((x) => x.targetId === selectedId) ?? plan.targets[0];
  return (
    <section className="dash-plan" data-testid={`dash-plan-${plan.plan.id}`} aria-labelledby={`plan-${plan.plan.id}`}>
      <div className="dash-plan-head">
        <div>
          <Typography.Title level={2} className="dash-h2" id={`plan-${plan.plan.id}`}>
            {linkToPlan ? (
              <Link to={`/plans/${plan.plan.id}`}>{t('dash.plan', { ref: plan.plan.reference })}</Link>
            ) : (
              t('plan.progress', { date: viDate(plan.asOf) })
            )}
          </Typography.Title>
          <Typography.Text className="dash-plan-title">{plan.plan.title}</Typography.Text>
          <Typography.Text type="secondary" className="dash-meta">
            {t('dash.period', { from: viDate(plan.plan.periodFrom), to: viDate(plan.plan.periodTo) })} ·{' '}
            {t('dash.elapsed', { elapsed: plan.elapsedDays, total: plan.totalDays })}
          </Typography.Text>
        </div>
        <Button
          icon={<DownloadOutlined />}
          href={plansApi.progressXlsxUrl(plan.plan.id, plan.asOf)}
          download
          data-testid={`dash-export-${plan.plan.id}`}
        >
          {t('dash.export')}
        </Button>
      </div>
      <div className="dash-cards">
        {plan.targets.map((x) => (
          <TargetCard
            key={x.targetId}
            plan={plan}
            target={x}
            selected={x.targetId === selected?.targetId}
            onSelect={plan.targets.length > 1 ? () => setSelectedId(x.targetId) : undefined}
          />
        ))}
      </div>
      {selected && (
        <div className="dash-detail">
          <Card size="small" title={t('dash.chart', { code: selected.code })} className="dash-chart-card">
            <Suspense fallback={<Skeleton active />}>
              <ProgressChart planId={plan.plan.id} target={selected} asOf={plan.asOf} phone={phone} />
            </Suspense>
          </Card>
          <Card size="small" title={t('dash.children', { code: selected.code })} className="dash-children-card">
            <ChildrenTable target={selected} phone={phone} />
          </Card>
        </div>
      )}
    </section>
  );
}
