import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { viDateTime } from '../../components/format.js';
import { useLayout } from '../../components/useLayout.js';
import { useServerTable } from '../../components/useServerTable.js';
import { useSession } from '../auth/session.js';
import { enterpriseKeys } from '../enterprises/api.js';
import { importKeys, importsApi, type TImportBatch } from './api.js';

const STATUS_COLOR: Record<TImportBatch['status'], string> = {
  uploaded: 'default',
  running: 'processing',
  committed: 'green',
  rejected: 'orange',
  failed: 'red',
  undone: 'purple',
};

/** The unit's import batches, newest first; a federation administrator may undo a committed one. */
export function ImportHistory({ unitId }: { unitId?: number }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const { phone } = useLayout();
  const { query: batches, table } = useServerTable({
    key: importKeys.batches(unitId),
    fetch: ({ limit, offset }) => importsApi.batches(unitId, limit, offset),
    pageSize: 10,
  });

  const undo = (b: TImportBatch) =>
    modal.confirm({
      title: t('import.undoTitle'),
      content: t('import.undoConfirm', { file: b.fileName }),
      okText: t('import.undo'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await importsApi.undo(b.id);
          message.success(t('import.undone'));
        } catch (e) {
          // The server says what depends on the batch (409 IMPORT_UNDO_BLOCKED): show it in full.
          modal.error({ title: t('import.undoFailed'), content: errorText(e, t) });
        } finally {
          await qc.invalidateQueries({ queryKey: importKeys.all });
          await qc.invalidateQueries({ queryKey: enterpriseKeys.all });
        }
      },
    });

  const counts = (b: TImportBatch) =>
    t('import.batch.countsText', {
      rows: b.counts.rows ?? 0,
      inserted: b.counts.inserted ?? 0,
      updated: b.counts.updated ?? 0,
      rejected: b.counts.rejected ?? 0,
    });
  const actions = (b: TImportBatch) => (
    <Space size={0} wrap className="row-actions">
      {(b.counts.rejected ?? 0) > 0 && (b.status === 'committed' || b.status === 'rejected') && (
        <Button type="link" size="small" href={importsApi.rejectedUrl(b.id)} download>
          {t('import.rejectedShort')}
        </Button>
      )}
      {can('org.manage') && b.status === 'committed' && (
        <Button type="link" size="small" danger onClick={() => undo(b)} data-testid={`import-undo-${b.id}`}>
          {t('import.undo')}
        </Button>
      )}
    </Space>
  );
  // An interrupted run (server restarted mid-write) is told apart from a failed one; the server's text says why.
  const status = (b: TImportBatch) =>
    b.status === 'failed' && b.failure ? (
      <Tooltip title={b.failure}>
        <Tag color="red" data-testid={`import-interrupted-${b.id}`}>
          {t('import.status.interrupted')}
        </Tag>
      </Tooltip>
    ) : (
      <Tag color={STATUS_COLOR[b.status]}>{t(`import.status.${b.status}`)}</Tag>
    );

  const desktopColumns: TableColumnsType<TImportBatch> = [
    { key: 'at', title: t('import.batch.at'), render: (_, b) => viDateTime(b.createdAt), width: 140 },
    {
      key: 'file',
      title: t('import.batch.file'),
      render: (_, b) => (
        <div className="user-cell">
          <span>{b.fileName}</span>
          {b.source && <Typography.Text type="secondary">{b.source}</Typography.Text>}
        </div>
      ),
    },
    { key: 'status', title: t('import.batch.status'), render: (_, b) => status(b) },
    { key: 'counts', title: t('import.batch.counts'), render: (_, b) => counts(b) },
    { key: 'by', title: t('import.batch.by'), render: (_, b) => b.username ?? t('common.none') },
    { key: 'actions', title: t('common.actions'), render: (_, b) => actions(b) },
  ];
  const phoneColumns: TableColumnsType<TImportBatch> = [
    {
      key: 'batch',
      title: t('import.batch.file'),
      render: (_, b) => (
        <div className="user-cell">
          <Typography.Text strong>{b.fileName}</Typography.Text>
          <Typography.Text type="secondary">
            {viDateTime(b.createdAt)}
            {b.source ? ` · ${b.source}` : ''}
          </Typography.Text>
          <span>{status(b)}</span>
          <span>{counts(b)}</span>
          {actions(b)}
        </div>
      ),
    },
  ];

  return (
    <Card size="small" className="import-history" title={t('import.history')}>
      {batches.isError && <Alert type="error" showIcon title={errorText(batches.error, t)} />}
      <Table<TImportBatch>
        {...table}
        rowKey="id"
        size="small"
        data-testid="import-history"
        columns={phone ? phoneColumns : desktopColumns}
        scroll={phone ? undefined : { x: 'max-content' }}
        locale={{ emptyText: t('import.historyEmpty') }}
        pagination={{ ...table.pagination, hideOnSinglePage: true }}
      />
    </Card>
  );
}
