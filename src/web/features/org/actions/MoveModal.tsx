import { Alert, Form } from 'antd';
import type { TOrgUnitDetail } from '../../../../shared/org/contract.js';
import { useI18n } from '../../../app/i18n/I18nProvider.js';
import { FormModal } from '../../../components/FormModal.js';
import { UnitSelect } from '../../../components/UnitSelect.js';
import { orgApi } from '../api.js';
import { AreaFields, DecisionFields, type DecisionValues, EffectiveDateField } from './DecisionFields.js';
import { LaterParents, type LaterParentValue } from './LaterParents.js';
import { useOrgChanged } from './useOrgChanged.js';

type Values = DecisionValues & {
  newParentId: number;
  adminAreaCode?: string;
  adminAreaName?: string;
  laterParents?: LaterParentValue[];
};

type Props = { open: boolean; unit: TOrgUnitDetail; asOf: string; onClose: () => void };

export function MoveModal({ open, unit, asOf, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const changed = useOrgChanged();
  const effectiveDate = Form.useWatch('effectiveDate', form) ?? asOf;
  const newParentId = Form.useWatch('newParentId', form);
  const exclude = [unit.id, ...(unit.parentId === null ? [] : [unit.parentId])];
  return (
    <FormModal<Values>
      open={open}
      title={t('action.moveTitle', { name: unit.name })}
      form={form}
      width={600}
      testId="move-unit-form"
      initialValues={{ effectiveDate: asOf }}
      onClose={onClose}
      onSubmit={async (v) => {
        // A move in the past under a parent that later ended: where the unit went then (as when founding).
        const laterParents = (v.laterParents ?? []).map((l) => ({ date: l.date, parentId: l.parentId ?? null }));
        await orgApi.move(unit.id, { ...v, laterParents });
        await changed();
      }}
    >
      <Alert type="info" showIcon title={t('action.moveHint')} style={{ marginBottom: 16 }} />
      <EffectiveDateField />
      <Form.Item
        name="newParentId"
        label={t('action.newParent')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <UnitSelect asOf={effectiveDate} excludeIds={exclude} placeholder={t('org.search')} />
      </Form.Item>
      {newParentId && effectiveDate && <LaterParents form={form} parentId={newParentId} date={effectiveDate} />}
      <AreaFields />
      <DecisionFields />
    </FormModal>
  );
}
