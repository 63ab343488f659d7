import { Alert, Button, Input, Radio, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { foldedSearch } from '../../components/foldedSearch.js';
import type { ImportKind, ImportMode, OnDuplicate, TImportUpload } from './api.js';
import { columnLetter } from './columns.js';

export type RunChoice = {
  mapping: Record<string, number | null>;
  onDuplicate: OnDuplicate;
  duplicateReason: string;
  mode: ImportMode;
  /** Field → folded spelling → list code, from the upload answer (remembered) and the preview's panel. */
  valueMapping: Record<string, Record<string, string>>;
  /** ISO dates ('' when not given) and the decision number for a list without its own date column. */
  asOf: string;
  decisionNo: string;
  decisionDate: string;
  ceremonyDate: string;
};

type Field = TImportUpload['fields'][number];

/** What stops a preview: a required field without a column, or one column given to two fields. */
export function mappingProblems(answer: TImportUpload, choice: RunChoice) {
  const missing = answer.fields.filter((f) => f.required && choice.mapping[f.key] == null);
  const used = new Map<number, Field[]>();
  for (const f of answer.fields) {
    const c = choice.mapping[f.key];
    if (c != null) used.set(c, [...(used.get(c) ?? []), f]);
  }
  const twice = [...used.entries()].filter(([, fs]) => fs.length > 1);
  return { missing, twice };
}

type Props = {
  kind: ImportKind;
  answer: TImportUpload;
  source: string;
  choice: RunChoice;
  onChange: (next: RunChoice) => void;
  busy: boolean;
  error: string | null;
  onBack: () => void;
  onPreview: () => void;
};

/** Step 2: which column of the file holds each field (the server's proposal first), and how to write. */
export function MappingStep({ kind, answer, source, choice, onChange, busy, error, onBack, onPreview }: Props) {
  const members = kind === 'members';
  const { t } = useI18n();
  const set = (patch: Partial<RunChoice>) => onChange({ ...choice, ...patch });
  const columnName = (index: number) => {
    const c = answer.columns.find((x) => x.index === index);
    return t('import.columnLabel', { letter: columnLetter(index), header: c?.header ?? '' });
  };
  const { missing, twice } = mappingProblems(answer, choice);
  const mapped = new Set(Object.values(choice.mapping).filter((v): v is number => v != null));
  const unused = answer.columns.filter((c) => !mapped.has(c.index));
  const reasonMissing = choice.onDuplicate === 'create' && choice.duplicateReason.trim() === '';
  const blocked = missing.length > 0 || twice.length > 0 || reasonMissing;

  const columns: TableColumnsType<Field> = [
    {
      key: 'field',
      title: t('import.field'),
      render: (_, f) => (
        <span className={f.required ? 'field-required' : undefined}>
          {f.label}
          {f.required && <span className="field-required-mark"> *</span>}
        </span>
      ),
    },
    {
      key: 'column',
      title: t('import.column'),
      render: (_, f) => {
        const value = choice.mapping[f.key] ?? undefined;
        const clash = value !== undefined && twice.some(([c]) => c === value);
        return (
          <Select<number>
            className="mapping-select"
            allowClear
            showSearch={foldedSearch}
            placeholder={t('import.notImported')}
            value={value}
            status={(f.required && value === undefined) || clash ? 'error' : undefined}
            onChange={(v) => set({ mapping: { ...choice.mapping, [f.key]: v ?? null } })}
            options={answer.columns.map((c) => ({ value: c.index, label: columnName(c.index) }))}
            popupMatchSelectWidth={false}
            data-testid={`map-${f.key}`}
          />
        );
      },
    },
  ];

  return (
    <div className="import-step" data-testid="import-mapping">
      <Alert
        className="import-alert"
        type="info"
        showIcon
        title={t('import.headerFound', {
          rows: answer.headerRows.join(', '),
          start: answer.dataStartRow ?? '—',
        })}
        description={answer.rememberedMapping ? t('import.remembered', { source }) : t('import.proposed')}
        data-testid={answer.rememberedMapping ? 'import-remembered' : undefined}
      />
      <Table<Field>
        rowKey="key"
        size="small"
        className="mapping-table"
        columns={columns}
        dataSource={answer.fields}
        pagination={false}
      />
      {unused.length > 0 && (
        <Typography.Paragraph type="secondary" className="import-note" data-testid="import-unused">
          {t('import.unused', { columns: unused.map((c) => columnName(c.index)).join('; ') })}
        </Typography.Paragraph>
      )}
      {missing.length > 0 && (
        <Alert
          className="import-alert"
          type="error"
          showIcon
          title={t('import.requiredMissing', { fields: missing.map((f) => f.label).join(', ') })}
        />
      )}
      {twice.map(([c, fs]) => (
        <Alert
          key={c}
          className="import-alert"
          type="error"
          showIcon
          title={t('import.columnTwice', { column: columnName(c), fields: fs.map((f) => f.label).join(', ') })}
        />
      ))}

      <div className="import-choices">
        <div className="import-choice">
          <Typography.Text strong>{t(members ? 'import.members.onDuplicate' : 'import.onDuplicate')}</Typography.Text>
          <Radio.Group
            className="radio-column"
            value={choice.onDuplicate}
            onChange={(e) => set({ onDuplicate: e.target.value })}
            // A member already active here cannot be created twice: members offer update or skip only.
            options={
              members
                ? (['update', 'skip'] as const).map((v) => ({ value: v, label: t(`import.members.dup.${v}`) }))
                : (['update', 'skip', 'create'] as const).map((v) => ({ value: v, label: t(`import.dup.${v}`) }))
            }
            data-testid="import-on-duplicate"
          />
          {choice.onDuplicate === 'create' && (
            <Input.TextArea
              className="import-reason"
              maxLength={500}
              autoSize={{ minRows: 2, maxRows: 4 }}
              placeholder={t('import.duplicateReason')}
              status={reasonMissing ? 'error' : undefined}
              value={choice.duplicateReason}
              onChange={(e) => set({ duplicateReason: e.target.value })}
              data-testid="import-duplicate-reason"
            />
          )}
        </div>
        <div className="import-choice">
          <Typography.Text strong>{t('import.mode')}</Typography.Text>
          <Radio.Group
            className="radio-column"
            value={choice.mode}
            onChange={(e) => set({ mode: e.target.value })}
            options={(['all', 'valid'] as const).map((v) => ({ value: v, label: t(`import.mode.${v}`) }))}
            data-testid="import-mode"
          />
        </div>
      </div>
      {error && <Alert className="import-alert" type="error" showIcon title={error} />}
      <div className="import-actions">
        <Button onClick={onBack}>{t('import.back')}</Button>
        <Button
          type="primary"
          loading={busy}
          disabled={blocked}
          onClick={onPreview}
          data-testid="import-preview-submit"
        >
          {t('import.preview')}
        </Button>
      </div>
    </div>
  );
}
