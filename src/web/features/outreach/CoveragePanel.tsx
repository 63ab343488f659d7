import { Alert, Card, Progress, Skeleton, Statistic, Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { formatNumber } from '../../app/i18n/i18n.js';
import { viDate, viPercent } from '../../components/format.js';
import { useLayout } from '../../components/useLayout.js';
import { type TCoverageRow, useCoverage } from './api.js';

type Props = { unitId?: number; from: string; to: string; surveyMin: number };

/** Plan target T1 for a unit and period: totals, then commune by commune. */
export function CoveragePanel({ unitId, from, to, surveyMin }: Props) {
  const { t } = useI18n();
  const coverage = useCoverage({ unitId, from, to });
  const { phone } = useLayout();
  const ofScope = (part: number, whole: number) => `${formatNumber(part)}/${formatNumber(whole)}`;
  // Each row opens the enterprise list filtered to it; the unresolved row is how they get fixed.
  const communeName = (c: TCoverageRow) => {
    const name = c.unresolved ? t('coverage.unknownCommune') : (c.adminAreaName ?? c.adminAreaCode ?? '');
    return (
      <Link
        to={`/enterprises?commune=${c.unresolved ? 'unresolved' : c.communeId}`}
        aria-label={t('coverage.showCommune', { name })}
        className={c.unresolved ? 'coverage-unresolved' : undefined}
      >
        {name}
      </Link>
    );
  };
  // A phone gets the same figures as "reached/in scope" pairs, so the table fits 390 px.
  const phoneColumns: TableColumnsType<TCoverageRow> = [
    { key: 'commune', title: t('coverage.commune'), render: (_, c) => communeName(c) },
    {
      key: 'reached',
      title: t('coverage.reached'),
      align: 'right',
      render: (_, c) => `${ofScope(c.reached, c.enterprisesInScope)} (${viPercent(c.reached, c.enterprisesInScope)})`,
    },
    {
      key: 'nonState',
      title: t('coverage.nonStateShort'),
      align: 'right',
      render: (_, c) => ofScope(c.nonStateReached, c.nonStateInScope),
    },
  ];
  const columns: TableColumnsType<TCoverageRow> = [
    {
      key: 'commune',
      title: t('coverage.commune'),
      render: (_, c) => communeName(c),
    },
    {
      key: 'inScope',
      title: t('coverage.inScope'),
      align: 'right',
      render: (_, c) => formatNumber(c.enterprisesInScope),
    },
    { key: 'reached', title: t('coverage.reached'), align: 'right', render: (_, c) => formatNumber(c.reached) },
    {
      key: 'pct',
      title: t('coverage.pct'),
      align: 'right',
      render: (_, c) => viPercent(c.reached, c.enterprisesInScope),
    },
    {
      key: 'nonState',
      title: t('coverage.nonStateReached'),
      align: 'right',
      render: (_, c) => `${formatNumber(c.nonStateReached)}/${formatNumber(c.nonStateInScope)}`,
    },
  ];
  if (coverage.isError) return <Alert type="error" showIcon title={errorText(coverage.error, t)} />;
  const c = coverage.data;
  return (
    <Card
      size="small"
      className="coverage-panel"
      title={t('coverage.title')}
      extra={
        phone ? undefined : (
          <Typography.Text type="secondary">{t('date.range', { from: viDate(from), to: viDate(to) })}</Typography.Text>
        )
      }
      data-testid="coverage-panel"
    >
      {!c ? (
        <Skeleton active />
      ) : (
        <>
          <div className="coverage-stats">
            <div className="coverage-stat coverage-stat-main" data-testid="coverage-enterprises">
              <Statistic
                title={t('coverage.enterprises')}
                value={c.reached}
                formatter={() => `${formatNumber(c.reached)}/${formatNumber(c.enterprisesInScope)}`}
              />
              <Progress
                percent={c.enterprisesInScope ? Math.round((c.reached / c.enterprisesInScope) * 1000) / 10 : 0}
                format={() => viPercent(c.reached, c.enterprisesInScope)}
                aria-label={t('coverage.enterprises')}
                size="small"
              />
            </div>
            <div className="coverage-stat" data-testid="coverage-non-state">
              <Statistic
                title={t('coverage.nonState')}
                value={c.nonStateReached}
                formatter={() => `${formatNumber(c.nonStateReached)}/${formatNumber(c.nonStateInScope)}`}
              />
            </div>
            <div className="coverage-stat" data-testid="coverage-workers">
              <Statistic
                title={t('coverage.workersReached')}
                value={c.workersReached}
                formatter={() => formatNumber(c.workersReached)}
              />
            </div>
            <div className="coverage-stat">
              <Statistic
                title={t('coverage.workersInReached')}
                value={c.workersInReachedEnterprises}
                formatter={() => formatNumber(c.workersInReachedEnterprises)}
              />
            </div>
            <div className="coverage-stat">
              <Statistic title={t('coverage.events')} value={c.events} formatter={() => formatNumber(c.events)} />
            </div>
          </div>
          <Typography.Paragraph type="secondary" className="coverage-note">
            {t('coverage.scopeNote', { n: surveyMin })}
          </Typography.Paragraph>
          <Table<TCoverageRow>
            rowKey={(r) => (r.unresolved ? 'unresolved' : String(r.communeId))}
            size="small"
            className="coverage-table"
            data-testid="coverage-by-commune"
            columns={phone ? phoneColumns : columns}
            dataSource={c.byCommune}
            pagination={false}
            scroll={phone ? undefined : { x: 'max-content' }}
            locale={{ emptyText: t('coverage.empty') }}
            title={() => <Typography.Text strong>{t('coverage.byCommune')}</Typography.Text>}
            summary={() =>
              c.byCommune.length > 1 && phone ? (
                <Table.Summary.Row className="coverage-total">
                  <Table.Summary.Cell index={0}>{t('coverage.total')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {`${ofScope(c.reached, c.enterprisesInScope)} (${viPercent(c.reached, c.enterprisesInScope)})`}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    {ofScope(c.nonStateReached, c.nonStateInScope)}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              ) : c.byCommune.length > 1 ? (
                <Table.Summary.Row className="coverage-total">
                  <Table.Summary.Cell index={0}>{t('coverage.total')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {formatNumber(c.enterprisesInScope)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    {formatNumber(c.reached)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    {viPercent(c.reached, c.enterprisesInScope)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">
                    {`${formatNumber(c.nonStateReached)}/${formatNumber(c.nonStateInScope)}`}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null
            }
          />
        </>
      )}
    </Card>
  );
}
