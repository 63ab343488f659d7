import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Skeleton, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isIsoDate, todayIso } from '../../../shared/text/index.js';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { DateInput } from '../../components/DateInput.js';
import { viDate } from '../../components/format.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { useLayout } from '../../components/useLayout.js';
import { useSession } from '../auth/session.js';
import { planKeys, plansApi, type TDashboard, type TPlanSummary } from '../plans/api.js';
import { drillHref } from './drill.js';
import { figure, metricUnitOf, pct } from './format.js';
import { PlanProgressBlock } from './PlanProgressBlock.js';
import { TargetStatusTag } from './StatusTag.js';
import './dashboard.css';

/**
 * The landing page: where the caller's unit stands against the plans in force on a day — one card per
 * target, the cumulative chart and the child units of the chosen target, every figure a link to the
 * records behind it. The unit and the day live in the URL (?unit=12&asOf=2024-08-31).
 */
export function DashboardPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const { phone } = useLayout();
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const asOfParam = params.get('asOf');
  const asOf = asOfParam && isIsoDate(asOfParam) ? asOfParam : undefined;
  const unitParam = Number(params.get('unit'));
  const unitId = Number.isInteger(unitParam) && unitParam > 0 ? unitParam : undefined;
  const [fallback, setFallback] = useState<TPlanSummary | null>(null);

  const set = (key: string, value: string | undefined) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (value === undefined) p.delete(key);
        else p.set(key, value);
        return p;
      },
      { replace: true },
    );

  const dash = useQuery({
    queryKey: planKeys.dashboard(unitId, asOf),
    queryFn: () => plansApi.dashboard({ unitId, asOf }),
    placeholderData: (prev) => prev,
  });
  const shownUnit = dash.data?.unit;
  // Nothing in force today (a plan's period is months long): open on the unit's latest issued plan at its
  // deadline rather than on an empty page, and say so.
  const noneToday = asOf === undefined && dash.data !== undefined && dash.data.plans.length === 0;
  const recent = useQuery({
    queryKey: planKeys.list({ unitId: shownUnit?.id, status: 'issued' }),
    queryFn: () => plansApi.list({ unitId: shownUnit?.id, status: 'issued' }),
    enabled: noneToday && shownUnit !== undefined,
  });
  useEffect(() => {
    if (!noneToday || !recent.data || !shownUnit) return;
    const latest = recent.data.items
      .filter((p) => p.unitId === shownUnit.id && p.periodTo.localeCompare(today) < 0)
      .sort((a, b) => b.periodTo.localeCompare(a.periodTo))[0];
    if (latest) {
      setFallback(latest);
      set('asOf', latest.periodTo);
    }
  });

  const data: TDashboard | undefined = dash.data;
  const shownAsOf = data?.asOf ?? asOf ?? today;

  return (
    <div className="dashboard-page">
      <div className="page-head">
        <div>
          <Typography.Title level={1} className="page-title dash-h1">
            {t('dash.title')}
          </Typography.Title>
          {data && (
            <Typography.Text type="secondary" data-testid="dash-unit">
              {data.unit.name}
            </Typography.Text>
          )}
        </div>
        <div className="page-actions">
          <Button onClick={() => navigate('/plans')} data-testid="plans-open">
            {t('dash.allPlans')}
          </Button>
          {can('plan.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/plans/new')}>
              {t('dash.newPlan')}
            </Button>
          )}
        </div>
      </div>
      <div className="scope-bar">
        <div className="scope-field scope-unit">
          <label className="scope-label" htmlFor="dash-unit-select">
            {t('dash.unit')}
          </label>
          <UnitSelect
            id="dash-unit-select"
            asOf={shownAsOf}
            value={data?.unit.id ?? null}
            valueName={data?.unit.name}
            onChange={(id) => id !== null && set('unit', String(id))}
            style={{ width: '100%' }}
            data-testid="dash-unit-select"
          />
        </div>
        <div className="scope-field">
          <label className="scope-label" htmlFor="dash-as-of">
            {t('dash.asOf')}
          </label>
          <DateInput
            id="dash-as-of"
            value={shownAsOf}
            allowClear={false}
            onChange={(d) => {
              setFallback(null);
              set('asOf', d ?? undefined);
            }}
            style={{ width: 140 }}
          />
        </div>
      </div>
      {fallback && asOf === fallback.periodTo && (
        <Alert
          type="info"
          showIcon
          className="dash-notice"
          data-testid="dash-fallback"
          title={t('dash.fallback', { ref: fallback.reference, date: viDate(fallback.periodTo) })}
          action={
            <Button
              size="small"
              onClick={() => {
                setFallback(null);
                set('asOf', today);
              }}
            >
              {t('date.today')}
            </Button>
          }
        />
      )}
      {dash.isError && <Alert type="error" showIcon title={errorText(dash.error, t)} />}
      {dash.isPending && <Skeleton active />}
      {data && data.plans.length === 0 && data.assigned.length === 0 && (
        <Empty description={t('dash.noPlans')} data-testid="dash-empty" />
      )}
      {data?.plans.map((p) => (
        <PlanProgressBlock key={p.plan.id} plan={p} phone={phone} />
      ))}
      {data && data.assigned.length > 0 && <Assigned data={data} />}
    </div>
  );
}

function Assigned({ data }: { data: TDashboard }) {
  const { t } = useI18n();
  type Row = TDashboard['assigned'][number];
  return (
    <section className="dash-plan" aria-labelledby="dash-assigned">
      <Typography.Title level={2} className="dash-h2" id="dash-assigned">
        {t('dash.assigned')}
      </Typography.Title>
      <Table<Row>
        rowKey="targetId"
        size="small"
        pagination={false}
        data-testid="dash-assigned"
        dataSource={data.assigned}
        columns={[
          {
            key: 'target',
            title: t('dash.col.target'),
            render: (_, r) => (
              <div className="enterprise-cell">
                <span>
                  <span className="dash-code">{r.code}</span> {r.label}
                </span>
                <Typography.Text type="secondary" className="enterprise-cell-meta">
                  <Link to={`/plans/${r.planId}`}>
                    {t('dash.assignedBy', { ref: r.planReference, unit: r.planUnitName })}
                  </Link>
                </Typography.Text>
              </div>
            ),
          },
          {
            key: 'actual',
            title: t('dash.col.actual'),
            align: 'right',
            render: (_, r) => (
              <span>
                <Link to={drillHref(r.drill)}>{figure(r.actual, metricUnitOf(r.metric))}</Link>
                {' / '}
                {figure(r.goal, metricUnitOf(r.metric))}
              </span>
            ),
          },
          { key: 'percent', title: t('dash.col.percent'), align: 'right', render: (_, r) => pct(r.percent) },
          { key: 'status', title: t('dash.col.status'), render: (_, r) => <TargetStatusTag status={r.status} /> },
        ]}
      />
    </section>
  );
}
