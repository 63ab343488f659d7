import { useQuery } from '@tanstack/react-query';
import { Alert, Skeleton, Typography } from 'antd';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { formatNumber } from '../../app/i18n/i18n.js';
import { viDate } from '../../components/format.js';
import type { WorkScope } from '../enterprises/workScope.js';
import { memberKeys, membersApi, type TMemberCounts } from './api.js';

type Figure = { key: keyof TMemberCounts; label: string; strong?: boolean };

/** Member movement of the chosen subtree in the chosen period (plan targets T3/T4), computed from the records. */
export function MemberCounts({ scope }: { scope: WorkScope }) {
  const { t } = useI18n();
  const counts = useQuery({
    queryKey: memberKeys.counts(scope.unitId, scope.from, scope.to),
    queryFn: () => membersApi.counts({ unitId: scope.unitId, from: scope.from, to: scope.to }),
  });
  if (counts.isError) return <Alert type="error" showIcon title={errorText(counts.error, t)} />;
  if (!counts.data) return <Skeleton.Input active block className="coverage-strip-loading" />;
  const c = counts.data;
  const figures: Figure[] = [
    { key: 'admitted', label: t('member.counts.admitted'), strong: true },
    { key: 'admittedInformal', label: t('member.counts.informal') },
    { key: 'admittedFemale', label: t('member.counts.female') },
    { key: 'admittedForeign', label: t('member.counts.foreign') },
    { key: 'left', label: t('member.counts.left') },
    { key: 'net', label: t('member.counts.net'), strong: true },
    { key: 'partyIntroduced', label: t('member.counts.party') },
    { key: 'activeAtEnd', label: t('member.counts.active') },
  ];
  return (
    <div className="coverage-strip member-counts" data-testid="member-counts">
      <div className="member-counts-figures">
        {figures.map((f) => (
          <span key={f.key} className={`member-count${f.strong ? ' member-count-strong' : ''}`}>
            <span className="member-count-label">{f.label}</span>
            <span className="member-count-value" data-testid={`member-count-${f.key}`}>
              {formatNumber(c[f.key] as number)}
            </span>
          </span>
        ))}
      </div>
      <Typography.Text type="secondary" className="coverage-strip-note">
        {t('member.counts.note', { from: viDate(c.period.from), to: viDate(c.period.to) })}
      </Typography.Text>
    </div>
  );
}
