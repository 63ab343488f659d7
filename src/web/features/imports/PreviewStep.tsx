import { Alert, Button, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { formatNumber } from '../../app/i18n/i18n.js';
import type { ImportKind, ImportMode, TImportReport } from './api.js';
import { ReportCounts } from './ReportCounts.js';
import { ReportInfo } from './RunExtras.js';

type Issue = { kind: 'error' | 'warning'; row: number; column: string; message: string };
type PreviewRow = TImportReport['preview'][number];

export const ACTION_COLOR = { insert: 'green', update: 'blue', skip: 'default', reject: 'red' } as const;

type Props = {
  kind: ImportKind;
  report: TImportReport;
  mode: ImportMode;
  onMode: (mode: ImportMode) => void;
  onBack: () => void;
  onCommit: () => void;
  /** The value-mapping and date panel (re-previews on demand). */
  extras?: ReactNode;
  /** A failed re-preview. */
  error?: string | null;
};

/** Step 3: what the import would do, row by row, before anything is written. */
export function PreviewStep({ kind, report, mode, onMode, onBack, onCommit, extras, error }: Props) {
  const { t } = useI18n();
  const issues: Issue[] = [
    ...report.rejected.map((i) => ({ kind: 'error' as const, ...i })),
    ...report.warnings.map((i) => ({ kind: 'warning' as const, ...i })),
  ].sort((a, b) => a.row - b.row || (a.kind === b.kind ? 0 : a.kind === 'error' ? -1 : 1));
  const errorsByRow = new Map<number, string[]>();
  for (const i of report.rejected) errorsByRow.set(i.row, [...(errorsByRow.get(i.row) ?? []), i.message]);
  const blockedAll = mode === 'all' && report.rejectedRowCount > 0;
  const writable = report.inserted + report.updated;

  const issueColumns: TableColumnsType<Issue> = [
    {
      key: 'kind',
      title: t('import.issue.kind'),
      render: (_, i) =>
        i.kind === 'error' ? (
          <Tag color="red">{t('import.issue.error')}</Tag>
        ) : (
          <Tag color="gold">{t('import.issue.warning')}</Tag>
        ),
      width: 96,
    },
    { key: 'row', title: t('import.issue.row'), dataIndex: 'row', align: 'right', width: 64 },
    { key: 'column', title: t('import.issue.column'), dataIndex: 'column' },
    { key: 'message', title: t('import.issue.message'), dataIndex: 'message' },
  ];
  const rowColumns: TableColumnsType<PreviewRow> = [
    { key: 'row', title: t('import.issue.row'), dataIndex: 'row', align: 'right', width: 64 },
    {
      key: 'action',
      title: t('import.action'),
      render: (_, r) => <Tag color={ACTION_COLOR[r.action]}>{t(`import.action.${r.action}`)}</Tag>,
      width: 110,
    },
    {
      key: 'key',
      title: t(kind === 'members' ? 'import.members.key' : 'import.key'),
      render: (_, r) => r.key ?? t('common.none'),
    },
    {
      key: 'detail',
      title: t('import.detail'),
      // A rejected row says why; an update or skip names the enterprise already listed under that MST.
      render: (_, r) =>
        r.action === 'reject' ? (
          <Typography.Text type="danger">{errorsByRow.get(r.row)?.join('; ') ?? t('common.none')}</Typography.Text>
        ) : (
          r.label || t('common.none')
        ),
    },
  ];

  return (
    <div className="import-step" data-testid="import-preview">
      <ReportCounts report={report} done={false} />
      <ReportInfo report={report} />
      {error && <Alert className="import-alert" type="error" showIcon title={error} />}
      {blockedAll && (
        <Alert
          className="import-alert"
          type="warning"
          showIcon
          title={t('import.allBlocked', { n: report.rejectedRowCount })}
          action={
            <Button size="small" onClick={() => onMode('valid')} data-testid="import-switch-valid">
              {t('import.mode.valid')}
            </Button>
          }
        />
      )}
      {!blockedAll && mode === 'valid' && report.rejectedRowCount > 0 && (
        <Alert
          className="import-alert"
          type="info"
          showIcon
          title={t('import.validOnly', { n: report.rejectedRowCount, ok: writable })}
        />
      )}
      {extras}
      <Typography.Title level={5} className="section-title">
        {t('import.issues')}
      </Typography.Title>
      <Table<Issue>
        rowKey={(i) => `${i.kind}-${i.row}-${i.column}-${i.message}`}
        size="small"
        data-testid="import-issues"
        columns={issueColumns}
        dataSource={issues}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('import.noIssues') }}
        pagination={issues.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      />
      <Typography.Title level={5} className="section-title">
        {t('import.firstRows', { n: formatNumber(report.preview.length) })}
      </Typography.Title>
      <Table<PreviewRow>
        rowKey="row"
        size="small"
        data-testid="import-preview-rows"
        columns={rowColumns}
        dataSource={report.preview}
        scroll={{ x: 'max-content' }}
        pagination={report.preview.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      />
      <div className="import-actions">
        <Button onClick={onBack}>{t('import.back')}</Button>
        <Button type="primary" onClick={onCommit} data-testid="import-commit">
          {mode === 'valid' ? t('import.commitValid') : t('import.commitAll')}
        </Button>
      </div>
    </div>
  );
}
