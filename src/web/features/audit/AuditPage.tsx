import { Alert, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { viDateTime } from '../../components/format.js';
import { useLayout } from '../../components/useLayout.js';
import { useServerTable } from '../../components/useServerTable.js';
import { AuditFilters } from './AuditFilters.js';
import { type AuditFilter, auditApi, auditKeys, type TAuditEntry } from './api.js';

const PAGE_SIZE = 50;

/** The entry's fields in words, as the server rendered them: "Tên: A → B". */
function Details({ entry }: { entry: TAuditEntry }) {
  const { t } = useI18n();
  if (entry.details.length === 0) return null;
  return (
    <dl className="audit-details" data-testid="audit-details">
      {entry.details.map((d) => (
        <div key={d.field} className="audit-detail">
          <dt>{d.label}</dt>
          <dd>
            {d.before !== null && d.after !== null && d.before !== d.after ? (
              <>
                <span className="audit-before">{d.before}</span>
                <span aria-hidden="true"> → </span>
                <span className="visually-hidden"> {t('audit.changedTo')} </span>
                <span>{d.after}</span>
              </>
            ) : (
              (d.after ?? d.before)
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Who changed what, newest first, limited by the server to the units in the user's scope. */
export function AuditPage() {
  const { t } = useI18n();
  const { phone } = useLayout();
  const [filter, setFilter] = useState<AuditFilter>({});
  const { query: list, table } = useServerTable({
    key: auditKeys.list(filter),
    fetch: ({ limit, offset }) => auditApi.list(filter, limit, offset),
    pageSize: PAGE_SIZE,
  });
  const who = (e: TAuditEntry) => e.userFullName ?? e.username ?? t('audit.system');

  const desktopColumns: TableColumnsType<TAuditEntry> = [
    { key: 'at', title: t('audit.at'), render: (_, e) => viDateTime(e.at), width: 150 },
    { key: 'user', title: t('audit.user'), render: (_, e) => who(e) },
    { key: 'action', title: t('audit.action'), render: (_, e) => e.actionLabel },
    { key: 'entity', title: t('audit.entity'), render: (_, e) => e.entityLabel },
    { key: 'unit', title: t('audit.unit'), render: (_, e) => e.unitName ?? t('common.none') },
  ];
  // A phone gets one card per entry: what happened to whom on top, when, who and where below, then the fields.
  const phoneColumns: TableColumnsType<TAuditEntry> = [
    {
      key: 'entry',
      title: t('audit.title'),
      render: (_, e) => (
        <article className="audit-card" data-testid="audit-card">
          <Typography.Text strong>{e.actionLabel}</Typography.Text>
          <div>{e.entityLabel}</div>
          <Typography.Text type="secondary" className="audit-card-meta">
            {viDateTime(e.at)} · {who(e)}
            {e.unitName ? ` · ${e.unitName}` : ''}
          </Typography.Text>
          <Details entry={e} />
        </article>
      ),
    },
  ];

  return (
    <div className="audit-page">
      <Typography.Title level={1} className="page-title">
        {t('audit.title')}
      </Typography.Title>
      <AuditFilters value={filter} onChange={setFilter} />
      {list.isError && <Alert type="error" showIcon title={errorText(list.error, t)} style={{ marginBottom: 12 }} />}
      <Table<TAuditEntry>
        rowKey="id"
        size="small"
        data-testid="audit-table"
        columns={phone ? phoneColumns : desktopColumns}
        showHeader={!phone}
        {...table}
        locale={{ emptyText: t('audit.empty') }}
        expandable={
          phone
            ? undefined
            : {
                rowExpandable: (e) => e.details.length > 0,
                expandedRowRender: (e) => <Details entry={e} />,
                columnTitle: <span className="visually-hidden">{t('audit.details')}</span>,
              }
        }
      />
    </div>
  );
}
