import { Alert, Skeleton, Typography } from 'antd';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { viDate, viPercent } from '../../components/format.js';
import { useCoverage } from '../outreach/api.js';
import type { WorkScope } from './workScope.js';

/** One line of plan target T1 for the chosen unit and period, above the enterprise list. */
export function CoverageStrip({ scope, surveyMin }: { scope: WorkScope; surveyMin: number }) {
  const { t } = useI18n();
  const coverage = useCoverage({ unitId: scope.unitId, from: scope.from, to: scope.to });
  if (coverage.isError) return <Alert type="error" showIcon title={errorText(coverage.error, t)} />;
  if (!coverage.data) return <Skeleton.Input active block className="coverage-strip-loading" />;
  const c = coverage.data;
  return (
    <div className="coverage-strip" data-testid="coverage-strip">
      <Typography.Text strong className="coverage-strip-main" data-testid="coverage-text">
        {t('ent.coverage', {
          reached: c.reached,
          scope: c.enterprisesInScope,
          pct: viPercent(c.reached, c.enterprisesInScope),
          nsReached: c.nonStateReached,
          nsScope: c.nonStateInScope,
          workers: c.workersReached,
        })}
      </Typography.Text>
      <Typography.Text type="secondary" className="coverage-strip-note">
        {t('ent.coverageNote', { from: viDate(c.period.from), to: viDate(c.period.to), n: surveyMin })}
      </Typography.Text>
    </div>
  );
}
