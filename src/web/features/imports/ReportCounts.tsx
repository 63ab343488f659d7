import { Statistic } from 'antd';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { formatNumber } from '../../app/i18n/i18n.js';
import type { TImportReport } from './api.js';

/** The figures of a preview (what would happen) or of a commit (what happened). */
export function ReportCounts({ report, done }: { report: TImportReport; done: boolean }) {
  const { t } = useI18n();
  const items = [
    { key: 'rows', title: t('import.count.rows'), value: report.rows },
    { key: 'insert', title: done ? t('import.done.insert') : t('import.count.insert'), value: report.inserted },
    { key: 'update', title: done ? t('import.done.update') : t('import.count.update'), value: report.updated },
    { key: 'skip', title: t('import.count.skip'), value: report.skipped },
    {
      key: 'reject',
      title: t('import.count.reject'),
      value: report.rejectedRowCount,
      bad: report.rejectedRowCount > 0,
    },
    { key: 'warn', title: t('import.count.warn'), value: report.warnings.length, warn: report.warnings.length > 0 },
  ];
  return (
    <div className="import-counts" data-testid="import-counts">
      {items.map((i) => (
        <div
          key={i.key}
          className={`import-count${i.bad ? ' import-count-bad' : ''}${i.warn ? ' import-count-warn' : ''}`}
          data-testid={`count-${i.key}`}
        >
          <Statistic title={i.title} value={i.value} formatter={() => formatNumber(i.value)} />
        </div>
      ))}
    </div>
  );
}
