import { Alert, Button, Form, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { formatNumber } from '../../app/i18n/i18n.js';
import { DateInput } from '../../components/DateInput.js';
import { foldedSearch } from '../../components/foldedSearch.js';
import type { ImportKind, TImportReport } from './api.js';
import type { RunChoice } from './MappingStep.js';

type Unknown = TImportReport['unknownValues'][number];

/** Which date field a list needs from the screen when the file has no column for it (the server's kinds). */
const DATE_FIELD: Record<ImportKind, string> = { enterprises: 'surveyDate', members: 'admittedOn' };

/** The file-wide notes of a preview: where the table ended and what was left out. */
export function ReportInfo({ report }: { report: TImportReport }) {
  if (report.info.length === 0) return null;
  return (
    <Alert
      className="import-alert"
      type="info"
      showIcon
      data-testid="import-info"
      title={report.info.length === 1 ? report.info[0] : undefined}
      description={
        report.info.length > 1 ? (
          <ul className="import-info-list">
            {report.info.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

type Props = {
  kind: ImportKind;
  report: TImportReport;
  choice: RunChoice;
  onChange: (next: RunChoice) => void;
  busy: boolean;
  onRepreview: () => void;
};

/**
 * What a preview may still ask for before the write: the meaning of spellings no list entry matched (kept per unit
 * and source by the server), and the dates of a list without its own date column. Changing them re-previews.
 */
export function RunExtras({ kind, report, choice, onChange, busy, onRepreview }: Props) {
  const { t } = useI18n();
  const needsDates = choice.mapping[DATE_FIELD[kind]] == null;
  if (report.unknownValues.length === 0 && !needsDates) return null;
  const chosen = (u: Unknown) => choice.valueMapping[u.field]?.[u.folded];
  const choose = (u: Unknown, code: string | undefined) => {
    const field = { ...(choice.valueMapping[u.field] ?? {}) };
    if (code === undefined) delete field[u.folded];
    else field[u.folded] = code;
    onChange({ ...choice, valueMapping: { ...choice.valueMapping, [u.field]: field } });
  };
  const set = (k: 'asOf' | 'decisionNo' | 'decisionDate' | 'ceremonyDate', v: string | null) =>
    onChange({ ...choice, [k]: v ?? '' });

  const columns: TableColumnsType<Unknown> = [
    { key: 'field', title: t('import.field'), dataIndex: 'fieldLabel' },
    { key: 'raw', title: t('import.values.raw'), render: (_, u) => <Typography.Text code>{u.raw}</Typography.Text> },
    {
      key: 'rows',
      title: t('import.values.rows'),
      render: (_, u) =>
        t('import.values.rowsText', {
          n: formatNumber(u.count),
          rows: u.rows.slice(0, 5).join(', ') + (u.rows.length > 5 ? '…' : ''),
        }),
    },
    {
      key: 'code',
      title: t('import.values.means'),
      render: (_, u) => (
        <Select
          allowClear
          showSearch={foldedSearch}
          style={{ minWidth: 220 }}
          placeholder={t('import.values.choose')}
          aria-label={t('import.values.meansOf', { raw: u.raw })}
          value={chosen(u)}
          onChange={(code?: string) => choose(u, code)}
          options={u.choices.map((c) => ({ value: c.code, label: c.name }))}
          data-testid={`import-value-${u.field}-${u.folded}`}
        />
      ),
    },
  ];

  return (
    <div className="import-extras" data-testid="import-extras">
      {report.unknownValues.length > 0 && (
        <>
          <Typography.Title level={5} className="section-title">
            {t('import.values.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('import.values.hint')}</Typography.Paragraph>
          <Table<Unknown>
            rowKey={(u) => `${u.field}-${u.folded}`}
            size="small"
            data-testid="import-values"
            columns={columns}
            dataSource={report.unknownValues}
            scroll={{ x: 'max-content' }}
            pagination={report.unknownValues.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          />
        </>
      )}
      {needsDates && (
        <>
          <Typography.Title level={5} className="section-title">
            {t(kind === 'members' ? 'import.decision.title' : 'import.asOf.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            {t(kind === 'members' ? 'import.decision.hint' : 'import.asOf.hint')}
          </Typography.Paragraph>
          <Form layout="vertical" className="import-dates" component="div">
            {kind === 'enterprises' ? (
              <Form.Item label={t('import.asOf')} htmlFor="import-as-of">
                <DateInput id="import-as-of" value={choice.asOf || null} onChange={(v) => set('asOf', v)} />
              </Form.Item>
            ) : (
              <>
                <Form.Item label={t('import.decisionNo')} htmlFor="import-decision-no">
                  <Input
                    id="import-decision-no"
                    maxLength={100}
                    placeholder={t('import.decisionNoPlaceholder')}
                    value={choice.decisionNo}
                    onChange={(e) => set('decisionNo', e.target.value)}
                  />
                </Form.Item>
                <Form.Item label={t('import.decisionDate')} htmlFor="import-decision-date">
                  <DateInput
                    id="import-decision-date"
                    value={choice.decisionDate || null}
                    onChange={(v) => set('decisionDate', v)}
                  />
                </Form.Item>
                <Form.Item label={t('import.ceremonyDate')} htmlFor="import-ceremony-date">
                  <DateInput
                    id="import-ceremony-date"
                    value={choice.ceremonyDate || null}
                    onChange={(v) => set('ceremonyDate', v)}
                  />
                </Form.Item>
              </>
            )}
          </Form>
        </>
      )}
      <Button onClick={onRepreview} loading={busy} data-testid="import-repreview">
        {t('import.repreview')}
      </Button>
    </div>
  );
}
