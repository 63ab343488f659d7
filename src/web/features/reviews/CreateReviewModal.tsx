import { useQueryClient } from '@tanstack/react-query';
import { Form, InputNumber, Select, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { periodNeeds, periodOf, REVIEW_KINDS, type ReviewKind } from '../../../shared/reviews/periods.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { DateInput } from '../../components/DateInput.js';
import { FormModal } from '../../components/FormModal.js';
import { viDate } from '../../components/format.js';
import { type ReviewCreate, reviewKeys, reviewsApi } from './api.js';

type Props = { planId: number; open: boolean; defaultYear: number; onClose: () => void };

/** A new review of the plan for a period: the fields its kind needs, and the dates it will count, shown before saving. */
export function CreateReviewModal({ planId, open, defaultYear, onClose }: Props) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<ReviewCreate>();
  const kind = (Form.useWatch('kind', form) ?? 'quarter') as ReviewKind;
  const values = Form.useWatch([], form) as Partial<ReviewCreate> | undefined;
  const need = periodNeeds(kind);
  const period = values ? periodOf({ ...values, kind }) : null;
  return (
    <FormModal<ReviewCreate>
      open={open}
      title={t('review.create.title')}
      form={form}
      testId="review-create-form"
      okText={t('review.create')}
      initialValues={{ kind: 'quarter', year: defaultYear, part: 1 }}
      onClose={onClose}
      onSubmit={async (v) => {
        const created = await reviewsApi.create(planId, { ...v, kind });
        await qc.invalidateQueries({ queryKey: reviewKeys.all });
        onClose();
        navigate(`/reviews/${created.id}`);
      }}
    >
      <Form.Item name="kind" label={t('review.kind')}>
        <Select
          data-testid="review-kind"
          options={REVIEW_KINDS.map((k) => ({ value: k, label: t(`review.kind.${k}`) }))}
        />
      </Form.Item>
      {need.year && (
        <Form.Item name="year" label={t('review.year')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber<number> min={1990} max={2100} style={{ width: '100%' }} />
        </Form.Item>
      )}
      {need.part === 4 && (
        <Form.Item name="part" label={t('review.part.quarter')}>
          <Select
            data-testid="review-part"
            options={[1, 2, 3, 4].map((q) => ({ value: q, label: ['I', 'II', 'III', 'IV'][q - 1] }))}
          />
        </Form.Item>
      )}
      {need.part === 2 && (
        <Form.Item name="part" label={t('review.part.half')}>
          <Select options={[1, 2].map((h) => ({ value: h, label: t(`review.part.half.${h as 1 | 2}`) }))} />
        </Form.Item>
      )}
      {need.range && (
        <>
          <Form.Item name="from" label={t('review.from')} rules={[{ required: true, message: t('common.required') }]}>
            <DateInput />
          </Form.Item>
          <Form.Item name="to" label={t('review.to')} rules={[{ required: true, message: t('common.required') }]}>
            <DateInput />
          </Form.Item>
        </>
      )}
      {period && (
        <Typography.Text type="secondary" data-testid="review-period-preview">
          {t('review.periodPreview', { label: period.label, from: viDate(period.from), to: viDate(period.to) })}
        </Typography.Text>
      )}
    </FormModal>
  );
}
