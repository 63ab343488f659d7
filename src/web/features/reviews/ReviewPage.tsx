import {
  ArrowLeftOutlined,
  CheckOutlined,
  CopyOutlined,
  FileExcelOutlined,
  FileWordOutlined,
  LockOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, List, Popconfirm, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { formatNumber } from '../../app/i18n/i18n.js';
import { FormModal } from '../../components/FormModal.js';
import { viDate, viDateTime } from '../../components/format.js';
import { PdfButton } from '../../components/PdfButton.js';
import { useLayout } from '../../components/useLayout.js';
import { reviewKeys, reviewsApi, type TReview } from './api.js';
import { ReviewFigures } from './ReviewFigures.js';
import { ReviewStatusTag } from './ReviewStatusTag.js';
import { ReviewTextForm } from './ReviewTextForm.js';
import './reviews.css';

/** A review: its figures (live while a draft, frozen after), its text and meeting, and its way up the tree. */
export function ReviewPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { phone } = useLayout();
  const id = Number(useParams().id);
  const [returning, setReturning] = useState(false);
  const [returnForm] = Form.useForm<{ comment: string }>();
  const review = useQuery({ queryKey: reviewKeys.detail(id), queryFn: () => reviewsApi.detail(id) });
  const act = (fn: () => Promise<TReview>, done: string, go = false) => ({
    mutationFn: fn,
    onSuccess: async (r: TReview) => {
      await qc.invalidateQueries({ queryKey: reviewKeys.all });
      message.success(done);
      if (go) navigate(`/reviews/${r.id}`);
    },
  });
  const freeze = useMutation(act(() => reviewsApi.freeze(id), t('review.frozen')));
  const submit = useMutation(act(() => reviewsApi.submit(id, review.data?.parent?.unitId ?? 0), t('review.submitted')));
  const version = useMutation(act(() => reviewsApi.newVersion(id), t('review.newVersion'), true));
  const acknowledge = useMutation(act(() => reviewsApi.acknowledge(id), t('review.acknowledged')));

  if (review.isPending) return <Skeleton active />;
  if (review.isError) return <Alert type="error" showIcon title={errorText(review.error, t)} />;
  const r = review.data;
  const actionError = freeze.error ?? submit.error ?? version.error ?? acknowledge.error;

  return (
    <div className="review-page">
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={() => navigate(`/plans/${r.planId}`)}
        style={{ paddingInline: 0 }}
      >
        {t('review.back')} {r.plan.reference}
      </Button>
      <div className="page-head">
        <div>
          <Typography.Title level={1} className="page-title dash-h1">
            {t('review.title', { label: r.label })} <ReviewStatusTag status={r.status} />
            {r.version > 1 && <Tag>{t('review.version', { version: r.version })}</Tag>}
          </Typography.Title>
          <Typography.Text>
            {r.unitName} · {r.plan.reference} · {r.plan.title}
          </Typography.Text>
        </div>
        <div className="page-actions">
          <Button
            icon={<FileWordOutlined />}
            href={reviewsApi.documentUrl(r.id)}
            download
            data-testid="review-document"
          >
            {t('review.document')}
          </Button>
          <PdfButton
            url={reviewsApi.documentUrl(r.id, 'pdf')}
            label={t('review.documentPdf')}
            testId="review-document-pdf"
          />
          <Button icon={<FileExcelOutlined />} href={reviewsApi.annexUrl(r.id)} download data-testid="review-annex">
            {t('review.annex')}
          </Button>
        </div>
        <div className="page-actions">
          {r.can.edit && (
            <Popconfirm
              title={t('review.freezeConfirm')}
              onConfirm={() => freeze.mutate()}
              okText={t('review.freeze')}
              cancelText={t('common.cancel')}
            >
              <Button type="primary" icon={<LockOutlined />} loading={freeze.isPending} data-testid="review-freeze">
                {t('review.freeze')}
              </Button>
            </Popconfirm>
          )}
          {r.can.send && r.parent && (
            <Popconfirm
              title={t('review.submitConfirm', { unit: r.parent.name })}
              onConfirm={() => submit.mutate()}
              okText={t('common.yes')}
              cancelText={t('common.cancel')}
            >
              <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} data-testid="review-submit">
                {t('review.submit', { unit: r.parent.name })}
              </Button>
            </Popconfirm>
          )}
          {r.can.version && (
            <Button
              icon={<CopyOutlined />}
              onClick={() => version.mutate()}
              loading={version.isPending}
              data-testid="review-new-version"
            >
              {t('review.newVersion')}
            </Button>
          )}
          {r.can.decide && (
            <>
              <Button
                type="primary"
                icon={<CheckOutlined />}
                onClick={() => acknowledge.mutate()}
                loading={acknowledge.isPending}
                data-testid="review-acknowledge"
              >
                {t('review.acknowledge')}
              </Button>
              <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="review-return">
                {t('review.return')}
              </Button>
            </>
          )}
        </div>
      </div>
      {actionError && <Alert type="error" showIcon title={errorText(actionError, t)} style={{ marginBottom: 12 }} />}
      {r.status === 'returned' && r.returnComment && (
        <Alert
          type="warning"
          showIcon
          title={t('review.returnedAlert', { comment: r.returnComment })}
          style={{ marginBottom: 12 }}
        />
      )}
      <Alert
        type={r.live ? 'info' : 'success'}
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="review-asof"
        title={
          r.live
            ? t('review.live', { date: viDate(r.figures.asOf) })
            : t('review.frozenAt', { date: viDate(r.figures.asOf), at: viDateTime(r.frozenAt) })
        }
      />
      {r.diff && r.diff.length > 0 && (
        <Card size="small" title={t('review.diff')} style={{ marginBottom: 16 }}>
          <List
            size="small"
            dataSource={r.diff}
            renderItem={(d) => (
              <List.Item>
                {t('review.diff.row', {
                  code: d.code,
                  field: t(`review.field.${d.field as 'goal'}`),
                  before: d.before === null ? '—' : formatNumber(d.before),
                  after: d.after === null ? '—' : formatNumber(d.after),
                })}
              </List.Item>
            )}
          />
        </Card>
      )}
      <ReviewFigures figures={r.figures} phone={phone} />
      {(r.received.length > 0 || r.missing.length > 0) && (
        <Card size="small" title={t('review.received')} style={{ marginBottom: 16 }}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={r.received}
            data-testid="review-received"
            locale={{ emptyText: t('review.none') }}
            columns={[
              {
                key: 'unit',
                title: t('review.col.unit'),
                render: (_, x) => <Link to={`/reviews/${x.id}`}>{x.unitName}</Link>,
              },
              { key: 'version', title: t('review.col.version'), align: 'right', dataIndex: 'version', width: 90 },
              { key: 'status', title: t('review.col.status'), render: (_, x) => <ReviewStatusTag status={x.status} /> },
              { key: 'sent', title: t('review.col.sentAt'), render: (_, x) => viDateTime(x.submittedAt) },
            ]}
          />
          {r.missing.length > 0 && (
            <div data-testid="review-missing" style={{ marginTop: 12 }}>
              <Typography.Text strong>{t('review.missing')}: </Typography.Text>
              {r.missing.map((m) => (
                <Tag key={m.unitId} color={m.overdue ? 'red' : 'default'}>
                  {m.unitName} · {m.overdue ? t('review.overdue') : t('review.notYetDue')}
                </Tag>
              ))}
              <Typography.Text type="secondary">
                {' '}
                ({t('review.col.due')}: {viDate(r.dueOn)})
              </Typography.Text>
            </div>
          )}
        </Card>
      )}
      <ReviewTextForm key={`${r.id}-${r.status}`} review={r} phone={phone} />
      <FormModal<{ comment: string }>
        open={returning}
        title={t('review.returnTitle')}
        form={returnForm}
        danger
        okText={t('review.return')}
        testId="review-return-form"
        onClose={() => setReturning(false)}
        onSubmit={async (v) => {
          await reviewsApi.giveBack(id, v.comment);
          await qc.invalidateQueries({ queryKey: reviewKeys.all });
          message.success(t('review.returned'));
        }}
      >
        <Form.Item
          name="comment"
          label={t('review.returnComment')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </div>
  );
}
