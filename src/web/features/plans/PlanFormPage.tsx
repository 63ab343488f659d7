import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { todayIso } from '../../../shared/text/index.js';
import { applyServerErrors } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { DateInput } from '../../components/DateInput.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { useSession } from '../auth/session.js';
import { type PlanUpdate, planKeys, plansApi, type TPlan } from './api.js';
import { SECTIONS } from './filters.js';
import { type FilterValue, TargetsList, type TargetValues } from './TargetFields.js';
import '../dashboard/dashboard.css';

type Values = {
  unitId?: number;
  number: string;
  symbol: string;
  issuedOn: string;
  place?: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  signerName?: string;
  signerPosition?: string;
  signerAuthority?: string;
  recipientsText?: string;
  basesText?: string;
  sections?: Record<string, string | undefined>;
  targets?: TargetValues[];
};

const lines = (s: string | undefined) =>
  (s ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function filtersOut(f: TargetValues['filters']): Record<string, boolean | number> {
  const out: Record<string, boolean | number> = {};
  for (const [k, v] of Object.entries(f ?? {})) {
    if (typeof v === 'number') out[k] = v;
    else if (v === 'true' || v === 'false') out[k] = v === 'true';
  }
  return out;
}
function filtersIn(f: Record<string, boolean | number>): Record<string, FilterValue | number> {
  return Object.fromEntries(
    Object.entries(f).map(([k, v]) => [k, typeof v === 'number' ? v : ((v ? 'true' : 'false') as FilterValue)]),
  );
}
const targetOut = (x: TargetValues) => ({
  id: x.id,
  code: x.code.trim(),
  label: x.label?.trim() || undefined,
  metric: x.metric,
  comparator: x.comparator ?? 'at_least',
  goal: x.goal,
  filters: filtersOut(x.filters),
});

function toValues(p: TPlan): Values {
  return {
    number: p.number,
    symbol: p.symbol,
    issuedOn: p.issuedOn,
    place: p.place ?? undefined,
    title: p.title,
    periodFrom: p.periodFrom,
    periodTo: p.periodTo,
    signerName: p.signerName ?? undefined,
    signerPosition: p.signerPosition ?? undefined,
    signerAuthority: p.signerAuthority ?? undefined,
    recipientsText: p.recipients.join('\n'),
    basesText: p.bases
      .filter((b) => !b.planId && !b.assignmentId)
      .map((b) => b.text ?? b.display)
      .join('\n'),
    sections: Object.fromEntries(Object.entries(p.sections).map(([k, v]) => [k, v ?? undefined])),
    targets: p.targets.map((x) => ({
      id: x.id,
      code: x.code,
      label: x.label ?? undefined,
      metric: x.metric,
      comparator: x.comparator,
      goal: x.goal,
      filters: filtersIn(x.filters),
      subTargets: x.subTargets.map((s) => ({
        id: s.id,
        code: s.code,
        label: s.label ?? undefined,
        metric: s.metric,
        comparator: s.comparator,
        goal: s.goal,
        filters: filtersIn(s.filters),
      })),
    })),
  };
}

/** A draft plan: the document's facts, its text sections and its targets (from the metric catalogue). */
export function PlanFormPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const idParam = useParams().id;
  const id = idParam ? Number(idParam) : undefined;
  const [form] = Form.useForm<Values>();
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const existing = useQuery({
    queryKey: planKeys.detail(id ?? 0),
    queryFn: () => plansApi.detail(id ?? 0),
    enabled: id !== undefined,
  });
  if (id !== undefined && existing.isPending) return <Skeleton active />;
  const plan = existing.data;
  const today = todayIso();
  const own = me?.roles[0];
  const req = [{ required: true, message: t('common.required') }];

  const submit = async (v: Values) => {
    setBanner(null);
    setBusy(true);
    const linked = (plan?.bases ?? [])
      .filter((b) => b.planId || b.assignmentId)
      .map((b) => ({ planId: b.planId, assignmentId: b.assignmentId }));
    const body: PlanUpdate = {
      number: v.number.trim(),
      symbol: v.symbol.trim(),
      issuedOn: v.issuedOn,
      place: v.place?.trim() || undefined,
      title: v.title.trim(),
      periodFrom: v.periodFrom,
      periodTo: v.periodTo,
      signerName: v.signerName?.trim() || undefined,
      signerPosition: v.signerPosition?.trim() || undefined,
      signerAuthority: v.signerAuthority?.trim() || undefined,
      recipients: lines(v.recipientsText),
      bases: [...linked, ...lines(v.basesText).map((text) => ({ text }))],
      sections: Object.fromEntries(SECTIONS.map((k) => [k, v.sections?.[k]?.trim() || undefined])),
      targets: (v.targets ?? []).map((x) => ({ ...targetOut(x), subTargets: (x.subTargets ?? []).map(targetOut) })),
    };
    try {
      const saved =
        id !== undefined
          ? await plansApi.update(id, body)
          : await plansApi.create({ ...body, unitId: v.unitId ?? own?.unitId ?? 0 });
      await qc.invalidateQueries({ queryKey: planKeys.all });
      message.success(t('plan.form.saved'));
      navigate(`/plans/${saved.id}`);
    } catch (err) {
      setBanner(applyServerErrors(form, err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="plan-form">
      <Typography.Title level={1} className="page-title dash-h1">
        {plan ? t('plan.form.edit', { ref: plan.reference }) : t('plan.form.new')}
      </Typography.Title>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          plan
            ? toValues(plan)
            : { unitId: own?.unitId, issuedOn: today, periodFrom: today, symbol: 'KH-LĐLĐ', targets: [] }
        }
        data-testid="plan-form"
        scrollToFirstError
      >
        <Card size="small" title={t('plan.form.general')} style={{ marginBottom: 12 }}>
          {!plan && (
            <Form.Item name="unitId" label={t('plan.form.unit')} rules={req}>
              <UnitSelect asOf={today} valueName={own?.unitName} />
            </Form.Item>
          )}
          <div className="plan-form-row">
            <Form.Item name="number" label={t('plan.form.number')} rules={req}>
              <Input maxLength={20} />
            </Form.Item>
            <Form.Item name="symbol" label={t('plan.form.symbol')} rules={req}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="issuedOn" label={t('plan.issuedOn')} rules={req}>
              <DateInput style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="place" label={t('plan.place')}>
              <Input maxLength={120} />
            </Form.Item>
            <Form.Item name="periodFrom" label={t('plan.form.periodFrom')} rules={req}>
              <DateInput style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="periodTo" label={t('plan.form.periodTo')} rules={req}>
              <DateInput style={{ width: '100%' }} />
            </Form.Item>
          </div>
          <Form.Item name="title" label={t('plan.form.title')} rules={req}>
            <Input.TextArea autoSize maxLength={500} />
          </Form.Item>
          <Form.Item name="basesText" label={t('plan.form.bases')}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        </Card>
        <Card size="small" title={t('plan.sections')} style={{ marginBottom: 12 }}>
          {SECTIONS.map((k) => (
            <Form.Item key={k} name={['sections', k]} label={t(`plan.section.${k}`)}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} />
            </Form.Item>
          ))}
        </Card>
        <Card size="small" title={t('plan.targets')} style={{ marginBottom: 12 }}>
          <TargetsList />
        </Card>
        <Card size="small" title={t('plan.form.signing')} style={{ marginBottom: 12 }}>
          <div className="plan-form-row">
            <Form.Item name="signerAuthority" label={t('plan.form.signerAuthority')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="signerPosition" label={t('plan.form.signerPosition')}>
              <Input maxLength={120} />
            </Form.Item>
            <Form.Item name="signerName" label={t('plan.form.signerName')}>
              <Input maxLength={120} />
            </Form.Item>
          </div>
          <Form.Item name="recipientsText" label={t('plan.form.recipients')}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        </Card>
        {banner && (
          <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} data-testid="plan-form-error" />
        )}
        <div className="page-actions">
          <Button onClick={() => navigate(id !== undefined ? `/plans/${id}` : '/plans')}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="plan-form-save">
            {t('plan.form.save')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
