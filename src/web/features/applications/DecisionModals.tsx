import { Alert, Checkbox, Form, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
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
  // The union is picked in the tree as of the admission decision's date.
  const decisionDate = (Form.useWatch('decisionDate', form) as string | undefined) || todayIso();
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
          <UnitSelect asOf={decisionDate} data-testid="approve-unit" />
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

type DecisionProps = {
  application: TApplication | null;
  onClose: () => void;
  onDone: (a: TApplication) => void;
};

/** Both decisions that need only a written reason: rejecting an application and erasing it. */
function ReasonModal({
  application: a,
  onClose,
  kind,
  explain,
  submit,
}: Omit<DecisionProps, 'onDone'> & {
  kind: 'reject' | 'erase';
  explain?: ReactNode;
  submit: (a: TApplication, reason: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal<{ reason: string }>
      open={a !== null}
      title={a ? t(`${kind}.title`, { name: a.fullName }) : ''}
      form={form}
      okText={t(`${kind}.ok`)}
      danger
      testId={`${kind}-form`}
      onClose={onClose}
      onSubmit={async (v) => {
        if (a) await submit(a, v.reason);
      }}
    >
      {explain}
      <Form.Item
        name="reason"
        label={t(`${kind}.reason`)}
        extra={kind === 'reject' ? t('reject.reasonHint') : undefined}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input.TextArea rows={kind === 'reject' ? 3 : 2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

export function RejectModal({ onDone, ...props }: DecisionProps) {
  return (
    <ReasonModal
      {...props}
      kind="reject"
      submit={async (a, reason) => onDone(await applicationsApi.reject(a.id, reason))}
    />
  );
}

/** The applicant withdrew consent or asked for erasure: the application (not admitted) is deleted. */
export function EraseModal({ onDone, ...props }: DecisionProps) {
  const { t } = useI18n();
  return (
    <ReasonModal
      {...props}
      kind="erase"
      explain={<Alert type="info" showIcon title={t('erase.explain')} style={{ marginBottom: 12 }} />}
      submit={async (a, reason) => {
        await applicationsApi.erase(a.id, reason);
        onDone(a);
      }}
    />
  );
}
