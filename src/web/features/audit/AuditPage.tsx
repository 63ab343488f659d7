import { Alert, Table, type TableColumnsType, Typography } from 'antd';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { isMessageKey } from '../../app/i18n/i18n.js';
import { viDateTime } from '../../components/format.js';
import { useServerTable } from '../../components/useServerTable.js';
import { auditApi, auditKeys, type TAuditEntry } from './api.js';

const PAGE_SIZE = 50;

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return null;
  return <pre className="audit-json">{JSON.stringify(value, null, 2)}</pre>;
}

/** Who changed what, newest first, limited by the server to the units in the user's scope. */
export function AuditPage() {
  const { t } = useI18n();
  const { query: list, table } = useServerTable({
    key: auditKeys.list,
    fetch: ({ limit, offset }) => auditApi.list(limit, offset),
    pageSize: PAGE_SIZE,
  });
  // Actions the catalogue does not know yet are shown by their code rather than hidden.
  const label = (prefix: 'audit.action.' | 'audit.entity.', code: string) => {
    const key = `${prefix}${code}`;
    return isMessageKey(key) ? t(key) : code;
  };

  const columns: TableColumnsType<TAuditEntry> = [
    { key: 'at', title: t('audit.at'), render: (_, e) => viDateTime(e.at), width: 150 },
    { key: 'user', title: t('audit.user'), render: (_, e) => e.username ?? t('audit.system') },
    { key: 'action', title: t('audit.action'), render: (_, e) => label('audit.action.', e.action) },
    { key: 'unit', title: t('audit.unit'), render: (_, e) => e.unitName ?? t('common.none') },
    {
      key: 'entity',
      title: t('audit.entity'),
      render: (_, e) => `${label('audit.entity.', e.entity)}${e.entityId ? ` #${e.entityId}` : ''}`,
    },
  ];

  return (
    <div className="audit-page">
      <Typography.Title level={1} className="page-title">
        {t('audit.title')}
      </Typography.Title>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error, t)} style={{ marginBottom: 12 }} />}
      <Table<TAuditEntry>
        rowKey="id"
        size="small"
        data-testid="audit-table"
        columns={columns}
        {...table}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('audit.empty') }}
        expandable={{
          rowExpandable: (e) => e.before != null || e.after != null,
          expandedRowRender: (e) => (
            <div className="audit-diff">
              {e.before != null && (
                <div>
                  <Typography.Text type="secondary">{t('audit.before')}</Typography.Text>
                  <Json value={e.before} />
                </div>
              )}
              {e.after != null && (
                <div>
                  <Typography.Text type="secondary">{t('audit.after')}</Typography.Text>
                  <Json value={e.after} />
                </div>
              )}
            </div>
          ),
        }}
      />
    </div>
  );
}
