import { Card, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { formatNumber } from '../../app/i18n/i18n.js';
import { viDate } from '../../components/format.js';
import type { TPlanProgress, TSubTargetProgress, TTargetProgress } from '../plans/api.js';
import { drillHref, pendingDrill } from './drill.js';
import { figure, pct, round1 } from './format.js';
import { ProgressBar } from './ProgressBar.js';
import { TargetStatusTag } from './StatusTag.js';

type Props = {
  plan: TPlanProgress;
  target: TTargetProgress;
  selected?: boolean;
  onSelect?: () => void;
};

function useBarLabel() {
  const { t } = useI18n();
  return (x: TSubTargetProgress) =>
    t('dash.bar', {
      label: `${x.code} ${x.label}`,
      actual: figure(x.actual, x.metricUnit),
      goal: figure(x.goal, x.metricUnit),
      percent: pct(x.percent),
      expected: figure(x.expectedNow, x.metricUnit),
    });
}

/** The actual, as a link to the records behind it. */
function Actual({ x, big }: { x: TSubTargetProgress; big?: boolean }) {
  const { t } = useI18n();
  return (
    <Link
      to={drillHref(x.drill)}
      className={big ? 'dash-actual' : 'dash-actual-small'}
      title={t('dash.drillHint')}
      data-testid={`drill-${x.code}`}
    >
      {figure(x.actual, x.metricUnit)}
    </Link>
  );
}

function Goal({ x }: { x: TSubTargetProgress }) {
  const { t } = useI18n();
  return (
    <span className="dash-goal">
      {' / '}
      {t(`dash.goal.${x.comparator}`, { goal: figure(x.goal, x.metricUnit) })}
    </span>
  );
}

/** Nothing more is needed: the goal is met (at least) or still kept (at most). */
function reached(x: TSubTargetProgress): boolean {
  return x.comparator === 'at_least' ? x.actual >= x.goal : x.actual <= x.goal;
}

/** One target of a plan at a glance: figure against goal, bar with the even-pace tick, pending, forecast, status. */
export function TargetCard({ plan, target: x, selected, onSelect }: Props) {
  const { t } = useI18n();
  const barLabel = useBarLabel();
  const pending = x.pending
    ? pendingDrill(x.metric, {
        unitId: plan.plan.unitId,
        from: plan.plan.periodFrom,
        to: plan.plan.periodTo,
        asOf: plan.countedTo,
      })
    : null;
  const forecastValue = figure(x.forecast.value, x.metricUnit);
  return (
    <Card
      size="small"
      className={`dash-card${selected ? ' dash-card-selected' : ''}`}
      data-testid={`target-card-${x.code}`}
      title={
        <div className="dash-card-title">
          <span className="dash-code">{x.code}</span>
          <span className="dash-label">{x.label}</span>
        </div>
      }
      extra={<TargetStatusTag status={x.status} />}
    >
      <div className="dash-figure">
        <Actual x={x} big />
        <Goal x={x} />
        <span className="dash-percent">{pct(x.percent)}</span>
      </div>
      {x.numerator !== null && x.denominator !== null && (
        <Typography.Text type="secondary" className="dash-meta">
          {t('dash.ratio', { numerator: formatNumber(x.numerator), denominator: formatNumber(x.denominator) })}
        </Typography.Text>
      )}
      <ProgressBar actual={x.actual} goal={x.goal} expected={x.expectedNow} status={x.status} label={barLabel(x)} />
      {pending && x.pending ? (
        <Link to={drillHref(pending)} className="dash-pending" data-testid={`pending-${x.code}`}>
          {t('dash.pending', { n: formatNumber(x.pending) })}
        </Link>
      ) : null}
      <div className="dash-meta" data-testid={`forecast-${x.code}`}>
        {t('dash.forecast', { date: viDate(plan.plan.periodTo), value: forecastValue })}{' '}
        <Typography.Text type="secondary">({t(`dash.forecast.${x.forecast.basis}`)})</Typography.Text>
        {x.forecast.basis === 'last_year' && (
          <Typography.Text type="secondary">
            {' · '}
            {t('dash.forecast.otherPace', { value: figure(x.forecast.pace, x.metricUnit) })}
          </Typography.Text>
        )}
      </div>
      {x.metricUnit !== 'percent' && (
        <Typography.Text type="secondary" className="dash-meta">
          {x.pace.neededPerDay !== null
            ? t('dash.pace', {
                soFar: formatNumber(round1(x.pace.soFarPerDay)),
                needed: formatNumber(round1(x.pace.neededPerDay)),
              })
            : reached(x)
              ? t('dash.paceDone', { soFar: formatNumber(round1(x.pace.soFarPerDay)) })
              : t('dash.paceOnly', { soFar: formatNumber(round1(x.pace.soFarPerDay)) })}
        </Typography.Text>
      )}
      {x.subTargets.length > 0 && (
        <div className="dash-subs">
          <Typography.Text strong className="dash-subs-title">
            {t('dash.subTargets')}
          </Typography.Text>
          {x.subTargets.map((s) => (
            <div key={s.targetId} className="dash-sub" data-testid={`target-card-${s.code}`}>
              <div className="dash-sub-head">
                <span className="dash-sub-label">
                  <span className="dash-code">{s.code}</span> {s.label}
                </span>
                <TargetStatusTag status={s.status} />
              </div>
              <div className="dash-figure dash-figure-small">
                <Actual x={s} />
                <Goal x={s} />
                <span className="dash-percent">{pct(s.percent)}</span>
              </div>
              <ProgressBar
                actual={s.actual}
                goal={s.goal}
                expected={s.expectedNow}
                status={s.status}
                label={barLabel(s)}
                thin
              />
            </div>
          ))}
        </div>
      )}
      {onSelect && (
        <Typography.Link
          className="dash-select"
          onClick={onSelect}
          aria-pressed={selected}
          data-testid={`target-select-${x.code}`}
        >
          {t('dash.details')}
        </Typography.Link>
      )}
    </Card>
  );
}
