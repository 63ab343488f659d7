import { useQuery } from '@tanstack/react-query';
import { Alert, Skeleton, Tag, Typography } from 'antd';
import type { OrgEventKind, TOrgEvent } from '../../../shared/org/contract.js';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { viDate } from '../../components/format.js';
import { orgApi, orgKeys } from './api.js';

const KIND_COLOR: Record<OrgEventKind, string> = {
  create: 'green',
  rename: 'blue',
  move: 'geekblue',
  dissolve: 'red',
  merge: 'purple',
  absorb: 'cyan',
  edit: 'default',
};

function byDateDesc(a: TOrgEvent, b: TOrgEvent): number {
  if (a.effectiveDate !== b.effectiveDate) return a.effectiveDate < b.effectiveDate ? 1 : -1;
  return b.id - a.id;
}

/** The unit's recorded events (what changed, from when, by which decision). */
export function UnitEvents({ unitId }: { unitId: number }) {
  const { t } = useI18n();
  const events = useQuery({ queryKey: orgKeys.events(unitId), queryFn: () => orgApi.events(unitId) });
  if (events.isPending) return <Skeleton active />;
  if (events.isError) return <Alert type="error" showIcon title={errorText(events.error, t)} />;
  if (events.data.length === 0) return <Typography.Text type="secondary">{t('org.events.empty')}</Typography.Text>;
  return (
    <ul className="event-list" data-testid="unit-events">
      {[...events.data].sort(byDateDesc).map((e) => (
        <li key={e.id} className="event-item">
          <div className="event-head">
            <Tag color={KIND_COLOR[e.kind]}>{t(`event.${e.kind}`)}</Tag>
            <Typography.Text strong>{t('org.events.effective', { date: viDate(e.effectiveDate) })}</Typography.Text>
          </div>
          {e.decisionNo && (
            <div>
              <Typography.Text type="secondary">{t('org.events.decision')}: </Typography.Text>
              {e.decisionDate
                ? t('org.decisionOn', { no: e.decisionNo, date: viDate(e.decisionDate) })
                : t('org.decisionNoOnly', { no: e.decisionNo })}
            </div>
          )}
          {e.relatedUnitName && (
            <div>
              <Typography.Text type="secondary">{t('org.events.related')}: </Typography.Text>
              {e.relatedUnitName}
            </div>
          )}
          {e.note && (
            <div>
              <Typography.Text type="secondary">{t('org.events.note')}: </Typography.Text>
              {e.note}
            </div>
          )}
          {e.createdBy && (
            <Typography.Text type="secondary" className="event-by">
              {t('org.events.by', { name: e.createdBy })}
            </Typography.Text>
          )}
        </li>
      ))}
    </ul>
  );
}
