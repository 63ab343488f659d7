import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Select } from 'antd';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { DateInput } from '../../components/DateInput.js';
import { FormModal } from '../../components/FormModal.js';
import { type AmendmentInput, planKeys, plansApi } from './api.js';

type Target = { id: number; code: string; goal: number; comparator: 'at_least' | 'at_most' };
type Props = { planId: number; target: Target | null; today: string; onClose: () => void };
type Values = Omit<AmendmentInput, 'targetId'>;

/** A dated amendment of an issued plan's target: the new goal or comparator; the old value stays on record. */
export function AmendModal({ planId, target, today, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  return (
    <FormModal<Values>
      open={target !== null}
      title={target ? t('plan.amend.title', { code: target.code }) : ''}
      form={form}
      testId="amend-form"
      initialValues={target ? { amendedOn: today, goal: target.goal, comparator: target.comparator } : undefined}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!target) return;
        await plansApi.amend(planId, {
          targetId: target.id,
          amendedOn: v.amendedOn,
          goal: v.goal === target.goal ? undefined : v.goal,
          comparator: v.comparator === target.comparator ? undefined : v.comparator,
          decisionNo: v.decisionNo || undefined,
          reason: v.reason,
        });
        await qc.invalidateQueries({ queryKey: planKeys.all });
        message.success(t('plan.amend.saved'));
        onClose();
      }}
    >
      <Form.Item
        name="amendedOn"
        label={t('plan.amend.on')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DateInput />
      </Form.Item>
      <Form.Item name="comparator" label={t('plan.target.comparator')}>
        <Select
          options={(['at_least', 'at_most'] as const).map((c) => ({ value: c, label: t(`plan.comparator.${c}`) }))}
        />
      </Form.Item>
      <Form.Item name="goal" label={t('plan.target.goal')}>
        <InputNumber<number> min={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="decisionNo" label={t('plan.amend.decisionNo')}>
        <Input />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('plan.amend.reason')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
