import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { REVIEW_SECTIONS } from '../../../shared/reviews/contract.js';
import { applyServerErrors } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { DateInput } from '../../components/DateInput.js';
import { type ReviewUpdate, reviewKeys, reviewsApi, type TReview } from './api.js';

type Values = Required<Pick<ReviewUpdate, 'sections' | 'meeting'>> & {
  number?: string | null;
  reportDate?: string | null;
};

/**
 * The report's text, section by section, each starting from the sentence drafted from the figures, and the
 * review meeting. Read-only once the figures are frozen; the server checks sizes and figure fields.
 */
export function ReviewTextForm({ review, phone }: { review: TReview; phone: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = !review.can.edit;
  const save = async () => {
    const v = form.getFieldsValue(true) as Values;
    setBusy(true);
    setBanner(null);
    try {
      await reviewsApi.update(review.id, {
        sections: v.sections,
        meeting: { ...v.meeting, attendees: (v.meeting.attendees ?? []).filter((a) => a?.name || a?.role) },
        number: v.number ?? null,
        reportDate: v.reportDate ?? null,
      });
      await qc.invalidateQueries({ queryKey: reviewKeys.all });
      message.success(t('review.saved'));
    } catch (e) {
      setBanner(applyServerErrors(form, e, t));
    } finally {
      setBusy(false);
    }
  };
  const example = review.placeholders.find((p) => p.endsWith('.actual')) ?? 'asOf';
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      disabled={readOnly}
      data-testid="review-text-form"
      initialValues={{
        sections: review.sections,
        meeting: review.meeting,
        number: review.number,
        reportDate: review.reportDate,
      }}
    >
      <Card size="small" title={t('review.meeting')} style={{ marginBottom: 16 }}>
        <div className={phone ? undefined : 'review-meeting-grid'}>
          <Form.Item name={['meeting', 'date']} label={t('review.meeting.date')}>
            <DateInput />
          </Form.Item>
          <Form.Item name={['meeting', 'place']} label={t('review.meeting.place')}>
            <Input />
          </Form.Item>
          <Form.Item name={['meeting', 'chair']} label={t('review.meeting.chair')}>
            <Input />
          </Form.Item>
          <Form.Item name="number" label={t('review.number')} extra={t('review.numberHelp')}>
            <Input />
          </Form.Item>
          <Form.Item name="reportDate" label={t('review.reportDate')}>
            <DateInput />
          </Form.Item>
        </div>
        <Form.List name={['meeting', 'attendees']}>
          {(fields, { add, remove }) => (
            <Form.Item label={t('review.meeting.attendees')}>
              {fields.map((f) => (
                <div key={f.key} className="review-attendee">
                  <Form.Item name={[f.name, 'name']} noStyle>
                    <Input placeholder={t('review.meeting.name')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'role']} noStyle>
                    <Input placeholder={t('review.meeting.role')} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.remove')} />
                </div>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: null, role: null })}>
                {t('review.meeting.add')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
      </Card>
      <Card size="small" title={t('review.text')} style={{ marginBottom: 16 }}>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('review.textHelp', { example: `{${example}}` })}
        />
        {REVIEW_SECTIONS.map((k) => (
          <Form.Item
            key={k}
            name={['sections', k]}
            label={
              <span>
                {t(`review.section.${k}`)}
                {!readOnly && review.drafts[k] && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => form.setFieldValue(['sections', k], review.drafts[k])}
                    data-testid={`review-draft-${k}`}
                  >
                    {t('review.useDraft')}
                  </Button>
                )}
              </span>
            }
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 14 }} data-testid={`review-section-${k}`} />
          </Form.Item>
        ))}
        {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />}
        {!readOnly && (
          <Button type="primary" onClick={save} loading={busy} data-testid="review-save">
            {t('review.save')}
          </Button>
        )}
      </Card>
    </Form>
  );
}
