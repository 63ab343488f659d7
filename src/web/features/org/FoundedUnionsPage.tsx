import { useQuery } from '@tanstack/react-query';
import { Alert, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { TFoundedUnion } from '../../../shared/org/contract.js';
import { isIsoDate } from '../../../shared/text/index.js';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { formatNumber } from '../../app/i18n/i18n.js';
import { viDate } from '../../components/format.js';
import { useLayout } from '../../components/useLayout.js';
import { type FoundedQuery, orgApi, orgKeys } from './api.js';

/**
 * The grassroots unions behind target T2's figure (the dashboard's drill-down): the unit, the period and
 * the target's filters come in the URL (?unit=&foundedFrom=&foundedTo=&nonState=&minWorkers=).
 */
export function FoundedUnionsPage() {
  const { t } = useI18n();
  const { phone } = useLayout();
  const [params] = useSearchParams();
  const unitId = Number(params.get('unit'));
  const from = params.get('foundedFrom') ?? '';
  const to = params.get('foundedTo') ?? '';
  const nonState = params.get('nonState');
  const minWorkers = params.get('minWorkers');
  const valid = Number.isInteger(unitId) && unitId > 0 && isIsoDate(from) && isIsoDate(to);
  const query: FoundedQuery = {
    unitId,
    foundedFrom: from,
    foundedTo: to,
    ...(nonState === 'true' || nonState === 'false' ? { nonState } : {}),
    ...(minWorkers ? { minWorkers: Number(minWorkers) } : {}),
  };
  const list = useQuery({ queryKey: orgKeys.founded(query), queryFn: () => orgApi.founded(query), enabled: valid });
  const unit = useQuery({
    queryKey: orgKeys.detail(unitId, to),
    queryFn: () => orgApi.detail(unitId, to),
    enabled: valid,
  });

  const columns: TableColumnsType<TFoundedUnion> = [
    {
      key: 'name',
      title: t('founded.name'),
      render: (_, u) => <Link to={`/org?unit=${u.id}&asOf=${u.foundedOn}`}>{u.name}</Link>,
    },
    { key: 'on', title: t('founded.on'), render: (_, u) => viDate(u.foundedOn), width: 120 },
    { key: 'decision', title: t('founded.decision'), render: (_, u) => u.foundingDecisionNo ?? '—' },
    ...(phone
      ? []
      : [{ key: 'parent', title: t('founded.parent'), render: (_: unknown, u: TFoundedUnion) => u.parentName ?? '—' }]),
    {
      key: 'enterprises',
      title: t('founded.enterprises'),
      render: (_, u) =>
        u.enterprises.length === 0
          ? '—'
          : u.enterprises.map((e) => (
              <div key={e.id}>
                {e.name} ({formatNumber(e.workers)})
              </div>
            )),
    },
  ];

  const filters = [
    ...(nonState === 'true' ? [t('founded.nonState')] : []),
    ...(minWorkers ? [t('founded.minWorkers', { n: minWorkers })] : []),
  ];
  return (
    <div className="founded-page">
      <Typography.Title level={1} className="page-title">
        {t('founded.title')}
      </Typography.Title>
      {!valid ? (
        <Alert type="info" showIcon title={t('founded.missing')} />
      ) : (
        <>
          <Typography.Paragraph data-testid="founded-intro">
            {t('founded.intro', { unit: unit.data?.name ?? '…', from: viDate(from), to: viDate(to) })}
            {filters.map((f) => (
              <Tag key={f} style={{ marginInlineStart: 8 }}>
                {f}
              </Tag>
            ))}
          </Typography.Paragraph>
          {list.isError && <Alert type="error" showIcon title={errorText(list.error, t)} />}
          <Table<TFoundedUnion>
            rowKey="id"
            size="small"
            data-testid="founded-table"
            loading={list.isPending}
            columns={columns}
            dataSource={list.data?.items ?? []}
            pagination={false}
            scroll={phone ? undefined : { x: 'max-content' }}
            locale={{ emptyText: t('founded.empty') }}
            footer={() => t('founded.total', { n: formatNumber(list.data?.items.length ?? 0) })}
          />
        </>
      )}
    </div>
  );
}
