import { Alert, Form } from 'antd';
import type { TOrgUnitDetail } from '../../../../shared/org/contract.js';
import { useI18n } from '../../../app/i18n/I18nProvider.js';
import { FormModal } from '../../../components/FormModal.js';
import { UnitSelect } from '../../../components/UnitSelect.js';
import { orgApi } from '../api.js';
import { DecisionFields, type DecisionValues, EffectiveDateField } from './DecisionFields.js';
import { useOrgChanged } from './useOrgChanged.js';

type Props = { open: boolean; unit: TOrgUnitDetail; asOf: string; onClose: () => void };

export function DissolveModal({ open, unit, asOf, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<DecisionValues & { successorId?: number | null }>();
  const effectiveDate = (Form.useWatch('effectiveDate', form) as string | undefined) || asOf;
  const changed = useOrgChanged();
  return (
    <FormModal<DecisionValues & { successorId?: number | null }>
      open={open}
      title={t('action.dissolveTitle', { name: unit.name })}
      form={form}
      width={560}
      danger
      okText={t('action.dissolve')}
      testId="dissolve-unit-form"
      initialValues={{ effectiveDate: asOf }}
      onClose={onClose}
      onSubmit={async (v) => {
        await orgApi.dissolve(unit.id, v);
        await changed();
      }}
    >
      <Alert type="warning" showIcon title={t('action.dissolveWarning')} style={{ marginBottom: 16 }} />
      <EffectiveDateField />
      <Form.Item name="successorId" label={t('action.successor')} extra={t('action.successorHint')}>
        <UnitSelect asOf={effectiveDate} excludeIds={[unit.id]} allowClear data-testid="dissolve-successor" />
      </Form.Item>
      <DecisionFields />
    </FormModal>
  );
}
