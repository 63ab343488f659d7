import { Alert, Form } from 'antd';
import type { TOrgUnitDetail } from '../../../../shared/org/contract.js';
import { useI18n } from '../../../app/i18n/I18nProvider.js';
import { FormModal } from '../../../components/FormModal.js';
import { UnitSelect } from '../../../components/UnitSelect.js';
import { orgApi } from '../api.js';
import { DecisionFields, type DecisionValues, EffectiveDateField } from './DecisionFields.js';
import { useOrgChanged } from './useOrgChanged.js';

type Values = DecisionValues & { targetId: number };

type Props = { open: boolean; unit: TOrgUnitDetail; asOf: string; onClose: () => void };

export function MergeModal({ open, unit, asOf, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const changed = useOrgChanged();
  const effectiveDate = Form.useWatch('effectiveDate', form) ?? asOf;
  return (
    <FormModal<Values>
      open={open}
      title={t('action.mergeTitle', { name: unit.name })}
      form={form}
      width={600}
      danger
      testId="merge-unit-form"
      initialValues={{ effectiveDate: asOf }}
      onClose={onClose}
      onSubmit={async (v) => {
        await orgApi.merge(unit.id, v);
        await changed();
      }}
    >
      <Alert type="warning" showIcon title={t('action.mergeWarning')} style={{ marginBottom: 16 }} />
      <EffectiveDateField />
      <Form.Item
        name="targetId"
        label={t('action.mergeTarget')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <UnitSelect asOf={effectiveDate} excludeIds={[unit.id]} placeholder={t('org.search')} />
      </Form.Item>
      <DecisionFields />
    </FormModal>
  );
}
