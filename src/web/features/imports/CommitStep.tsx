import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Progress, Result, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { formatNumber } from '../../app/i18n/i18n.js';
import { type ImportKind, importKeys, importsApi, type TImportReport } from './api.js';
import { ReportCounts } from './ReportCounts.js';

type Props = {
  kind: ImportKind;
  batchId: number;
  /** Rows of the file, from the preview: the denominator of the progress bar. */
  rows: number;
  running: boolean;
  result: TImportReport | null;
  error: string | null;
  /** The list the records went to (enterprises or members of the unit). */
  listLink: string;
  onBack: () => void;
  onAgain: () => void;
};

/** Step 4: the commit running (progress polled every second), then what it wrote. */
export function CommitStep({ kind, batchId, rows, running, result, error, listLink, onBack, onAgain }: Props) {
  const members = kind === 'members';
  const { t } = useI18n();
  const batch = useQuery({
    queryKey: importKeys.batch(batchId),
    queryFn: () => importsApi.batch(batchId),
    enabled: running,
    refetchInterval: running ? 1000 : false,
    staleTime: 0,
  });

  if (running) {
    const done = batch.data?.progress ?? null;
    return (
      <div className="import-step import-running" data-testid="import-running">
        <Typography.Title level={5}>{t('import.running')}</Typography.Title>
        {done !== null && rows > 0 ? (
          <>
            <Progress
              percent={Math.min(99, Math.floor((done / rows) * 100))}
              status="active"
              aria-label={t('import.running')}
            />
            <Typography.Text type="secondary">
              {t('import.progress', { n: formatNumber(done), total: formatNumber(rows) })}
            </Typography.Text>
          </>
        ) : (
          <Progress
            percent={100}
            status="active"
            showInfo={false}
            className="progress-indeterminate"
            aria-label={t('import.running')}
          />
        )}
      </div>
    );
  }
  if (error || !result) {
    return (
      <div className="import-step">
        <Alert type="error" showIcon title={error ?? t('error.unexpected')} />
        <div className="import-actions">
          <Button onClick={onBack}>{t('import.back')}</Button>
          <Button type="primary" onClick={onAgain}>
            {t('import.again')}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="import-step" data-testid="import-done">
      <Result
        className="import-result"
        status={result.committed ? 'success' : 'warning'}
        title={result.committed ? t('import.committed') : t('import.notCommitted')}
        subTitle={
          result.committed
            ? t(members ? 'import.members.committedHint' : 'import.committedHint', {
                inserted: result.inserted,
                updated: result.updated,
              })
            : t('import.notCommittedHint')
        }
        extra={
          <Space wrap className="import-result-actions">
            {result.rejectedRowCount > 0 && result.batchId !== null && (
              <Button
                icon={<DownloadOutlined />}
                href={importsApi.rejectedUrl(result.batchId)}
                download
                data-testid="import-rejected-link"
              >
                {t('import.rejectedLink', { n: result.rejectedRowCount })}
              </Button>
            )}
            {result.committed && (
              <Link to={listLink}>
                <Button>{t(members ? 'import.members.toList' : 'import.toEnterprises')}</Button>
              </Link>
            )}
            <Button type="primary" onClick={onAgain} data-testid="import-again">
              {t('import.again')}
            </Button>
          </Space>
        }
      />
      <ReportCounts report={result} done />
    </div>
  );
}
