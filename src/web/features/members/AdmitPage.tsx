import { PlusOutlined, SnippetsOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, type FormInstance, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api/client.js';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { DateInput } from '../../components/DateInput.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { useSession } from '../auth/session.js';
import { useWorkScope } from '../enterprises/workScope.js';
import { AdmitPersonRow } from './AdmitPersonRow.js';
import { AdmitResult, type AdmitUpload } from './AdmitResult.js';
import { AdmitScans, type Scan } from './AdmitScans.js';
import {
  emptyRow,
  humanisePaths,
  isEmptyRow,
  issuesByRow,
  type PersonRow,
  parsePastedRows,
  toPerson,
} from './admitRows.js';
import { memberKeys, membersApi, type TAdmissionResult } from './api.js';
import './members.css';

/**
 * How many rows are filled in, watched here rather than in the page: a watch in the page would render
 * every row's inputs again on each keystroke.
 */
function FilledCount({ form, label }: { form: FormInstance<Values>; label: 'admit.people' | 'admit.submit' }) {
  const { t } = useI18n();
  const people = (Form.useWatch('people', form) ?? []) as PersonRow[];
  return <>{t(label, { n: people.filter((r) => r && !isEmptyRow(r)).length })}</>;
}

type Values = {
  unitId?: number;
  applicationDate?: string;
  decisionNo?: string;
  decisionDate?: string;
  ceremonyDate?: string | null;
  people: PersonRow[];
};
type Banner = { type: 'error' | 'warning'; title: string; lines: string[] };
type Done = { result: TAdmissionResult; uploads: AdmitUpload[] };

const PERSON_FIELDS = [
  'fullName',
  'birthDate',
  'gender',
  'cccd',
  'phone',
  'employerEnterpriseId',
  'informalTradeCode',
  'nationality',
  'ethnicityCode',
  'religionCode',
] as const;

/**
 * The admission decision of a grassroots union for one person (Mẫu 5a) or a group application listing
 * several workers (Mẫu 5b): everyone is admitted in one step or nobody is. The server's issues land on
 * the row and cell they name; warnings (a CCCD that disagrees with the birth date or gender) are
 * confirmed row by row after checking the documents. The scans go up once the decision is recorded.
 */
export function AdmitPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const qc = useQueryClient();
  const scope = useWorkScope();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  // The union is picked in the tree as of the decision's date: 2024 admissions of an ended district pick its 2024 CĐCS.
  const decisionDate = (Form.useWatch('decisionDate', form) as string | undefined) || scope.today;
  const unitId = Form.useWatch('unitId', form);
  const [busy, setBusy] = useState(false);
  const [banner, setBanner] = useState<Banner | null>(null);
  const [warned, setWarned] = useState<Set<number>>(new Set());
  const [scans, setScans] = useState<Scan[]>([]);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [pasteText, setPasteText] = useState('');
  const [done, setDone] = useState<Done | null>(null);
  const sensitive = can('sensitive.read');
  const rowLabel = (n: number) => t('admit.row', { n });
  const rowInText = (n: number) => t('admit.rowInText', { n });
  const fieldLabel = (f: string) =>
    (PERSON_FIELDS as readonly string[]).includes(f) ? t(`admit.field.${f as (typeof PERSON_FIELDS)[number]}`) : f;
  const required = [{ required: true, message: t('common.required') }];
  // A spare empty row is not sent, so its cells are required only once something is typed in the row.
  const rowRequired = (row: number) => [
    {
      validator: async (_: unknown, v: unknown) => {
        const r = form.getFieldValue(['people', row]) as PersonRow | undefined;
        if (!r || isEmptyRow(r) || (v !== undefined && v !== null && v !== '')) return;
        throw new Error(t('common.required'));
      },
    },
  ];
  const unitParam = Number(params.get('unit'));
  const initialUnit = Number.isInteger(unitParam) && unitParam > 0 ? unitParam : undefined;

  /** The rows' earlier server messages no longer apply once anything is sent again. */
  const clearRowIssues = (rows: number) =>
    form.setFields(
      Array.from({ length: rows }).flatMap((_, i) =>
        PERSON_FIELDS.map((f) => ({ name: ['people', i, f] as never, errors: [], warnings: [] })),
      ),
    );

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      setBanner({ type: 'error', title: t('admit.fixFields'), lines: [] });
      return;
    }
    const rows = form.getFieldValue('people') as PersonRow[];
    const sent = rows.flatMap((r, i) => (isEmptyRow(r) ? [] : [i]));
    if (sent.length === 0) {
      setBanner({ type: 'error', title: t('admit.noPeople'), lines: [] });
      return;
    }
    setBusy(true);
    setBanner(null);
    clearRowIssues(rows.length);
    try {
      const result = await membersApi.admit({
        unitId: values.unitId ?? 0,
        applicationDate: values.applicationDate ?? '',
        decisionNo: (values.decisionNo ?? '').trim(),
        decisionDate: values.decisionDate ?? '',
        ceremonyDate: values.ceremonyDate || undefined,
        people: sent.map((i) => toPerson(rows[i] as PersonRow)),
      });
      await qc.invalidateQueries({ queryKey: memberKeys.all });
      // The decision stands; a scan that fails to go up is reported, not a reason to undo it.
      const uploads: Done['uploads'] = [];
      for (const s of scans) {
        try {
          await membersApi.uploadDocument(result.unitId, result.decisionNo, s.kind, s.file);
          uploads.push({ name: s.file.name, error: null });
        } catch (e) {
          uploads.push({ name: s.file.name, error: errorText(e, t) });
        }
      }
      setDone({ result, uploads });
      window.scrollTo(0, 0);
    } catch (e) {
      showIssues(e, sent);
    } finally {
      setBusy(false);
    }
  };

  const showIssues = (e: unknown, sent: number[]) => {
    if (!(e instanceof ApiError)) {
      setBanner({ type: 'error', title: errorText(e, t), lines: [] });
      return;
    }
    const warning = e.code === 'MEMBER_WARNINGS_UNCONFIRMED';
    const { rows, other } = issuesByRow(e.issues, sent, warning ? 'warnings' : 'errors');
    const lines: string[] = [];
    const fields: { name: never; errors?: string[]; warnings?: string[] }[] = [];
    for (const [row, issues] of [...rows.entries()].sort((a, b) => a[0] - b[0])) {
      for (const [field, messages] of issues[warning ? 'warnings' : 'errors']) {
        const shown = messages.map((msg) => humanisePaths(msg, sent, rowInText));
        fields.push({ name: ['people', row, field] as never, [warning ? 'warnings' : 'errors']: shown });
        for (const msg of shown) lines.push(`${rowLabel(row + 1)} — ${fieldLabel(field)}: ${msg}`);
      }
    }
    const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
    for (const issue of other) {
      if (registered.has(JSON.stringify([issue.path])))
        fields.push({ name: [issue.path] as never, errors: [issue.message] });
      else lines.push(issue.message);
    }
    form.setFields(fields);
    if (warning) setWarned(new Set(rows.keys()));
    setBanner({
      type: warning ? 'warning' : 'error',
      title: humanisePaths(e.message || errorText(e, t), sent, rowInText),
      lines,
    });
  };

  const paste = () => {
    const parsed = parsePastedRows(pasteText);
    if (parsed.length > 0) {
      const kept = (form.getFieldValue('people') as PersonRow[]).filter((r) => !isEmptyRow(r));
      form.setFieldValue('people', [...kept, ...parsed]);
    }
    setPasteOpen(false);
    setPasteText('');
  };

  const restart = () => {
    setDone(null);
    setScans([]);
    setWarned(new Set());
    setBanner(null);
    form.resetFields();
  };

  if (done) return <AdmitResult result={done.result} uploads={done.uploads} onAgain={restart} />;

  return (
    <div className="admit-page">
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('admit.title')}
        </Typography.Title>
        <Link to={`/members${unitId ? `?unit=${unitId}` : ''}`}>{t('admit.backToList')}</Link>
      </div>
      <Typography.Paragraph type="secondary">{t('admit.intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        name="admit"
        layout="vertical"
        initialValues={{
          unitId: initialUnit,
          applicationDate: scope.today,
          decisionDate: scope.today,
          people: [emptyRow(), emptyRow(), emptyRow()],
        }}
        onValuesChange={(changed: Partial<Values>) => {
          // An edited cell's old server message no longer applies.
          const stale: { name: never; errors: string[]; warnings: string[] }[] = [];
          for (const [i, row] of (changed.people ?? []).entries()) {
            if (!row) continue;
            for (const f of Object.keys(row))
              if (f !== 'confirmWarnings') stale.push({ name: ['people', i, f] as never, errors: [], warnings: [] });
          }
          for (const f of Object.keys(changed))
            if (f !== 'people') stale.push({ name: [f] as never, errors: [], warnings: [] });
          if (stale.length) form.setFields(stale);
        }}
        data-testid="admit-form"
      >
        <Card title={t('admit.decision')} className="admit-card" size="small">
          <div className="admit-grid">
            <Form.Item
              name="unitId"
              label={t('admit.unit')}
              rules={required}
              extra={t('admit.unitHint')}
              className="admit-span-2"
            >
              <UnitSelect
                asOf={decisionDate}
                valueName={initialUnit === scope.unitId ? scope.unitName : undefined}
                placeholder={t('admit.unitPlaceholder')}
                style={{ width: '100%' }}
                data-testid="admit-unit"
              />
            </Form.Item>
            <Form.Item name="applicationDate" label={t('admit.applicationDate')} rules={required}>
              <DateInput style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="decisionNo" label={t('admit.decisionNo')} rules={required}>
              <Input maxLength={60} placeholder="12/QĐ-CĐCS" data-testid="admit-decisionNo" />
            </Form.Item>
            <Form.Item name="decisionDate" label={t('admit.decisionDate')} rules={required}>
              <DateInput style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="ceremonyDate" label={t('admit.ceremonyDate')}>
              <DateInput style={{ width: '100%' }} />
            </Form.Item>
          </div>
          <AdmitScans
            scans={scans}
            onChange={setScans}
            onTooLarge={(name) => setBanner({ type: 'error', title: t('admit.scanTooLarge', { name }), lines: [] })}
          />
        </Card>

        <Form.List name="people">
          {(fields, { add, remove }) => (
            <Card
              size="small"
              className="admit-card"
              title={<FilledCount form={form} label="admit.people" />}
              extra={
                <Space wrap>
                  <Button icon={<SnippetsOutlined />} onClick={() => setPasteOpen(true)} data-testid="admit-paste">
                    {t('admit.paste')}
                  </Button>
                </Space>
              }
            >
              {fields.map((field, index) => (
                <AdmitPersonRow
                  key={field.key}
                  row={field.name}
                  index={index}
                  removable={fields.length > 1}
                  onRemove={() => {
                    remove(field.name);
                    setWarned(new Set());
                  }}
                  unitId={unitId}
                  sensitive={sensitive}
                  warned={warned.has(index)}
                  rules={rowRequired(field.name)}
                />
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add(emptyRow())}
                data-testid="admit-add-row"
              >
                {t('admit.addRow')}
              </Button>
            </Card>
          )}
        </Form.List>
      </Form>

      {banner && (
        <Alert
          className="admit-banner"
          type={banner.type}
          showIcon
          title={banner.title}
          description={
            banner.lines.length > 0 ? (
              <ul className="admit-summary">
                {banner.lines.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            ) : undefined
          }
          data-testid="admit-summary"
        />
      )}
      <div className="admit-actions">
        <Button
          type="primary"
          size="large"
          icon={<UserAddOutlined />}
          loading={busy}
          onClick={submit}
          data-testid="admit-submit"
        >
          <FilledCount form={form} label="admit.submit" />
        </Button>
      </div>

      <Modal
        open={pasteOpen}
        title={t('admit.paste')}
        okText={t('admit.pasteOk')}
        cancelText={t('common.cancel')}
        onOk={paste}
        onCancel={() => setPasteOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('admit.pasteHint')}</Typography.Paragraph>
        <Input.TextArea
          autoSize={{ minRows: 6, maxRows: 14 }}
          value={pasteText}
          onChange={(e) => setPasteText(e.target.value)}
          data-testid="admit-paste-text"
        />
      </Modal>
    </div>
  );
}
