import { Alert, Checkbox, Form, Input, Typography } from 'antd';
import { todayIso } from '../../../shared/text/index.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { DateInput } from '../../components/DateInput.js';
import { FormModal } from '../../components/FormModal.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { EnterpriseSelect } from '../outreach/EnterpriseSelect.js';
import { type ApproveManyInput, applicationsApi, type TApplication } from './api.js';
import { TransferNote } from './TransferNote.js';

type ApproveValues = {
  decisionNo: string;
  decisionDate: string;
  ceremonyDate?: string | null;
  unitId?: number | null;
  confirmWarnings?: boolean;
  employerEnterpriseId?: number | null;
};

/**
 * Approving is an admission decision: its number and date, and the CĐCS when a link was a federation's.
 * Several applications chosen together are admitted by one decision (a group admission), all or none.
 */
export function ApproveModal({
  applications: list,
  onClose,
  onDone,
}: {
  applications: TApplication[] | null;
  onClose: () => void;
  onDone: (admitted: TApplication[]) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ApproveValues>();
  const all = list ?? [];
  const first = all[0];
  const units = new Set(all.map((a) => a.unitId));
  const needsUnit = all.some((a) => !a.unitIsGrassroots) || units.size > 1;
  const warned = all.filter((a) => a.cccdWarnings.length > 0);
  const moving = all.filter((a) => a.activeElsewhere);
  return (
    <FormModal<ApproveValues>
      open={list !== null && all.length > 0}
      title={
        all.length === 1 && first
          ? t('approve.title', { name: first.fullName })
          : t('approve.titleMany', { n: all.length })
      }
      form={form}
      okText={t('approve.ok')}
      testId="approve-form"
      initialValues={{ decisionDate: todayIso(), confirmWarnings: false }}
      onClose={onClose}
      onSubmit={async (v) => {
        const body: ApproveManyInput = {
          ids: all.map((a) => a.id),
          decisionNo: v.decisionNo,
          decisionDate: v.decisionDate,
          ceremonyDate: v.ceremonyDate ?? null,
          unitId: needsUnit ? (v.unitId ?? null) : null,
          confirmWarnings: v.confirmWarnings === true,
          employerEnterpriseId: all.length === 1 ? (v.employerEnterpriseId ?? null) : null,
        };
        const out = await applicationsApi.approveMany(body);
        onDone(out.applications);
      }}
    >
      {all.length > 1 && (
        <Typography.Paragraph type="secondary">{all.map((a) => a.fullName).join(', ')}</Typography.Paragraph>
      )}
      {moving.map((a) => (
        <Alert
          key={a.id}
          type="warning"
          showIcon
          title={
            <span>
              {a.fullName}: <TransferNote a={a} />
            </span>
          }
          style={{ marginBottom: 12 }}
        />
      ))}
      {needsUnit && first && (
        <Form.Item
          name="unitId"
          label={t('approve.unit')}
          extra={t('approve.unitHint', { unit: [...new Set(all.map((a) => a.unitName))].join(', ') })}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <UnitSelect asOf={todayIso()} data-testid="approve-unit" />
        </Form.Item>
      )}
      {all.length === 1 && first && !first.informalTradeCode && (
        // The worker typed a workplace; the officer ties it to an enterprise of the survey frame if one fits.
        <Form.Item
          name="employerEnterpriseId"
          label={t('approve.employer')}
          extra={first.workplace ? t('approve.employerHint', { workplace: first.workplace }) : undefined}
          getValueProps={(v: number | null | undefined) => ({ value: v ? [v] : [] })}
          normalize={(ids: number[]) => ids.at(-1) ?? null}
        >
          <EnterpriseSelect data-testid="approve-employer" />
        </Form.Item>
      )}
      <Form.Item
        name="decisionNo"
        label={t('approve.decisionNo')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={60} placeholder="01/QĐ-CĐCS" />
      </Form.Item>
      <Form.Item
        name="decisionDate"
        label={t('approve.decisionDate')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DateInput style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="ceremonyDate" label={t('approve.ceremonyDate')}>
        <DateInput style={{ width: '100%' }} />
      </Form.Item>
      {warned.length > 0 && (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('applications.warnings')}
            description={warned.map((a) => `${a.fullName}: ${a.cccdWarnings.join('; ')}`).join(' — ')}
            style={{ marginBottom: 8 }}
          />
          <Form.Item name="confirmWarnings" valuePropName="checked">
            <Checkbox>{t('approve.confirmWarnings')}</Checkbox>
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

export function RejectModal({
  application: a,
  onClose,
  onDone,
}: {
  application: TApplication | null;
  onClose: () => void;
  onDone: (a: TApplication) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal<{ reason: string }>
      open={a !== null}
      title={a ? t('reject.title', { name: a.fullName }) : ''}
      form={form}
      okText={t('reject.ok')}
      danger
      testId="reject-form"
      onClose={onClose}
      onSubmit={async (v) => {
        if (!a) return;
        onDone(await applicationsApi.reject(a.id, v.reason));
      }}
    >
      <Form.Item
        name="reason"
        label={t('reject.reason')}
        extra={t('reject.reasonHint')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

/** The applicant withdrew consent or asked for erasure: the application (not admitted) is deleted. */
export function EraseModal({
  application: a,
  onClose,
  onDone,
}: {
  application: TApplication | null;
  onClose: () => void;
  onDone: (a: TApplication) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal<{ reason: string }>
      open={a !== null}
      title={a ? t('erase.title', { name: a.fullName }) : ''}
      form={form}
      okText={t('erase.ok')}
      danger
      testId="erase-form"
      onClose={onClose}
      onSubmit={async (v) => {
        if (!a) return;
        await applicationsApi.erase(a.id, v.reason);
        onDone(a);
      }}
    >
      <Alert type="info" showIcon title={t('erase.explain')} style={{ marginBottom: 12 }} />
      <Form.Item
        name="reason"
        label={t('erase.reason')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
