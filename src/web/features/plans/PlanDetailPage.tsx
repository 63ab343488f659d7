import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, FileWordOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, Descriptions, Popconfirm, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { isIsoDate, todayIso } from '../../../shared/text/index.js';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { formatNumber } from '../../app/i18n/i18n.js';
import { DateInput } from '../../components/DateInput.js';
import { viDate } from '../../components/format.js';
import { PdfButton } from '../../components/PdfButton.js';
import { useLayout } from '../../components/useLayout.js';
import { useSession } from '../auth/session.js';
import { PlanProgressBlock } from '../dashboard/PlanProgressBlock.js';
import { ReviewsCard } from '../reviews/ReviewsCard.js';
import { AmendModal } from './AmendModal.js';
import { planKeys, plansApi, type TPlan } from './api.js';
import { filtersText, SECTIONS } from './filters.js';
import { PlanStatusTag } from './PlanStatusTag.js';
import { SharesModal } from './SharesModal.js';

type TargetRow = TPlan['targets'][number] & { children?: TPlan['targets'][number]['subTargets'] };

/** A plan: the document's facts and text, its targets with their shares and amendments, and its progress. */
export function PlanDetailPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { phone } = useLayout();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const asOfParam = params.get('asOf');
  const today = todayIso();
  const [assigning, setAssigning] = useState<TargetRow | null>(null);
  const [amending, setAmending] = useState<TargetRow | null>(null);
  const plan = useQuery({ queryKey: planKeys.detail(id), queryFn: () => plansApi.detail(id) });
  // The progress of a plan whose period is over is read at its last day unless another day is chosen.
  const defaultAsOf = plan.data && plan.data.periodTo.localeCompare(today) < 0 ? plan.data.periodTo : today;
  const asOf = asOfParam && isIsoDate(asOfParam) ? asOfParam : defaultAsOf;
  const progress = useQuery({
    queryKey: planKeys.progress(id, asOf),
    queryFn: () => plansApi.progress(id, asOf),
    enabled: plan.data?.status === 'issued',
    placeholderData: (prev) => prev,
  });
  const onDone = (text: string) => async () => {
    await qc.invalidateQueries({ queryKey: planKeys.all });
    message.success(text);
  };
  const issue = useMutation({ mutationFn: () => plansApi.issue(id), onSuccess: onDone(t('plan.issued')) });
  const remove = useMutation({
    mutationFn: () => plansApi.remove(id),
    onSuccess: async () => {
      await onDone(t('plan.deleted'))();
      navigate('/plans');
    },
  });

  if (plan.isPending) return <Skeleton active />;
  if (plan.isError) return <Alert type="error" showIcon title={errorText(plan.error, t)} />;
  const p = plan.data;
  const manage = can('plan.manage');
  const draft = p.status === 'draft';
  const actionError = issue.error ?? remove.error;

  const rows: TargetRow[] = p.targets.map((x) => ({ ...x, children: x.subTargets.length ? x.subTargets : undefined }));
  const goalText = (x: { comparator: 'at_least' | 'at_most'; goal: number; metricUnit: string }) =>
    `${x.comparator === 'at_least' ? '≥' : '≤'} ${formatNumber(x.goal)}${x.metricUnit === 'percent' ? '%' : ''}`;

  return (
    <div className="plan-detail">
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/plans')} style={{ paddingInline: 0 }}>
        {t('plan.back')}
      </Button>
      <div className="page-head">
        <div>
          <Typography.Title level={1} className="page-title dash-h1">
            {t('plan.detail.title', { ref: p.reference })} <PlanStatusTag status={p.status} />
          </Typography.Title>
          <Typography.Text>{p.title}</Typography.Text>
        </div>
        <div className="page-actions">
          {/* Anyone who may read the plan may print it; a draft prints too, for review before issuing. */}
          <Button icon={<FileWordOutlined />} href={plansApi.documentUrl(p.id)} download data-testid="plan-document">
            {t('plan.document')}
          </Button>
          <PdfButton url={plansApi.documentUrl(p.id, 'pdf')} label={t('plan.documentPdf')} testId="plan-document-pdf" />
        </div>
        {manage && draft && (
          <div className="page-actions">
            <Button icon={<EditOutlined />} onClick={() => navigate(`/plans/${p.id}/edit`)} data-testid="plan-edit">
              {t('plan.edit')}
            </Button>
            <Popconfirm
              title={t('plan.deleteConfirm', { ref: p.reference })}
              onConfirm={() => remove.mutate()}
              okText={t('common.yes')}
              cancelText={t('common.cancel')}
            >
              <Button danger icon={<DeleteOutlined />} data-testid="plan-delete">
                {t('plan.delete')}
              </Button>
            </Popconfirm>
            <Popconfirm
              title={t('plan.issueConfirm', { ref: p.reference })}
              onConfirm={() => issue.mutate()}
              okText={t('plan.issue')}
              cancelText={t('common.cancel')}
            >
              <Button type="primary" icon={<SendOutlined />} loading={issue.isPending} data-testid="plan-issue">
                {t('plan.issue')}
              </Button>
            </Popconfirm>
          </div>
        )}
      </div>
      {actionError && <Alert type="error" showIcon title={errorText(actionError, t)} style={{ marginBottom: 12 }} />}
      <Descriptions
        size="small"
        bordered
        column={phone ? 1 : 2}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'unit', label: t('plan.col.unit'), children: p.unitName },
          {
            key: 'issued',
            label: t('plan.issuedOn'),
            children: [p.place, viDate(p.issuedOn)].filter(Boolean).join(', '),
          },
          { key: 'period', label: t('plan.period'), children: `${viDate(p.periodFrom)} – ${viDate(p.periodTo)}` },
          {
            key: 'signer',
            label: t('plan.signer'),
            children: [p.signerAuthority, p.signerPosition, p.signerName].filter(Boolean).join(' · ') || '—',
          },
          {
            key: 'bases',
            label: t('plan.bases'),
            span: phone ? 1 : 2,
            children: p.bases.length ? (
              <ul className="plan-list">
                {p.bases.map((b) => (
                  <li key={b.display}>
                    {b.planId ? <Typography.Link href={`/plans/${b.planId}`}>{b.display}</Typography.Link> : b.display}
                  </li>
                ))}
              </ul>
            ) : (
              '—'
            ),
          },
          {
            key: 'recipients',
            label: t('plan.recipients'),
            span: phone ? 1 : 2,
            children: p.recipients.length ? p.recipients.join('; ') : '—',
          },
        ]}
      />
      <Card size="small" title={t('plan.targets')} style={{ marginBottom: 16 }}>
        <Table<TargetRow>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={rows}
          data-testid="plan-targets"
          expandable={{ defaultExpandAllRows: true }}
          locale={{ emptyText: t('plan.target.none') }}
          scroll={phone ? undefined : { x: 900 }}
          columns={[
            { key: 'code', title: t('plan.target.code'), dataIndex: 'code', width: 90 },
            {
              key: 'label',
              title: t('plan.target.label'),
              render: (_, x) => (
                <div className="enterprise-cell">
                  <span>{x.label ?? x.metricLabel}</span>
                  <Typography.Text type="secondary" className="enterprise-cell-meta">
                    {[x.label && x.label !== x.metricLabel ? x.metricLabel : null, filtersText(x.filters, t)]
                      .filter(Boolean)
                      .join(' · ') || null}
                  </Typography.Text>
                  {phone && <span>{goalText(x)}</span>}
                </div>
              ),
            },
            ...(phone
              ? []
              : [
                  {
                    key: 'goal',
                    title: t('plan.target.goal'),
                    width: 110,
                    align: 'right' as const,
                    render: (_: unknown, x: TargetRow) => goalText(x),
                  },
                  {
                    key: 'shares',
                    title: t('plan.target.shares'),
                    width: 110,
                    align: 'right' as const,
                    render: (_: unknown, x: TargetRow) =>
                      x.shares.length ? formatNumber(x.shares.reduce((a, s) => a + s.goal, 0)) : '—',
                  },
                ]),
            ...(manage
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    width: phone ? 110 : 200,
                    render: (_: unknown, x: TargetRow) => (
                      <div className="page-actions">
                        <Button size="small" onClick={() => setAssigning(x)} data-testid={`assign-${x.code}`}>
                          {t('plan.assign')}
                        </Button>
                        {!draft && (
                          <Button size="small" onClick={() => setAmending(x)} data-testid={`amend-${x.code}`}>
                            {t('plan.amend')}
                          </Button>
                        )}
                      </div>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {p.amendments.length > 0 && (
        <Card size="small" title={t('plan.amendments')} style={{ marginBottom: 16 }}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={p.amendments}
            data-testid="plan-amendments"
            columns={[
              { key: 'on', title: t('plan.amend.on'), width: 110, render: (_, a) => viDate(a.amendedOn) },
              { key: 'code', title: t('plan.target.code'), dataIndex: 'targetCode', width: 80 },
              {
                key: 'change',
                title: t('plan.amend.field.goal'),
                render: (_, a) =>
                  t('plan.amend.change', {
                    field: t(`plan.amend.field.${a.field}`),
                    old: a.field === 'comparator' ? t(`plan.comparator.${a.oldValue as 'at_least'}`) : a.oldValue,
                    new: a.field === 'comparator' ? t(`plan.comparator.${a.newValue as 'at_least'}`) : a.newValue,
                  }),
              },
              { key: 'doc', title: t('plan.amend.decisionNo'), render: (_, a) => a.decisionNo ?? '—' },
              { key: 'reason', title: t('plan.amend.reason'), dataIndex: 'reason' },
            ]}
          />
        </Card>
      )}
      {!draft && (
        <>
          <div className="scope-bar">
            <div className="scope-field">
              <label className="scope-label" htmlFor="plan-as-of">
                {t('dash.asOf')}
              </label>
              <DateInput
                id="plan-as-of"
                value={asOf}
                allowClear={false}
                onChange={(d) => d && setParams({ asOf: d }, { replace: true })}
                style={{ width: 140 }}
              />
            </div>
          </div>
          {progress.isError && <Alert type="error" showIcon title={errorText(progress.error, t)} />}
          {progress.data && <PlanProgressBlock plan={progress.data} phone={phone} linkToPlan={false} />}
          <ReviewsCard planId={p.id} canCreate={manage} defaultYear={Number(p.periodFrom.slice(0, 4))} />
        </>
      )}
      <Collapse
        style={{ marginBottom: 16 }}
        items={SECTIONS.filter((k) => p.sections[k]).map((k) => ({
          key: k,
          label: t(`plan.section.${k}`),
          children: <div className="plan-section-text">{p.sections[k]}</div>,
        }))}
      />
      <SharesModal planId={p.id} target={assigning} onClose={() => setAssigning(null)} />
      <AmendModal planId={p.id} target={amending} today={today} onClose={() => setAmending(null)} />
    </div>
  );
}
