import { Form } from 'antd';
import type { TOrgUnitDetail } from '../../../../shared/org/contract.js';
import { ApiError } from '../../../app/api/client.js';
import { useI18n } from '../../../app/i18n/I18nProvider.js';
import { FormModal } from '../../../components/FormModal.js';
import { type OrgRenameInput, orgApi } from '../api.js';
import { DecisionFields, type DecisionValues, EffectiveDateField, UnitNameFields } from './DecisionFields.js';
import { useOrgChanged } from './useOrgChanged.js';

type Values = DecisionValues & { name: string; shortName?: string; adminAreaCode?: string; adminAreaName?: string };

type Props = { open: boolean; unit: TOrgUnitDetail; asOf: string; onClose: () => void };

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').trim() === (b ?? '').trim();

/** A dated change of name, short name or area (e.g. the commune was merged and renamed). Only what differs is sent. */
export function RenameModal({ open, unit, asOf, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const changed = useOrgChanged();
  return (
    <FormModal<Values>
      open={open}
      title={t('action.renameTitle', { name: unit.name })}
      form={form}
      width={600}
      testId="rename-unit-form"
      initialValues={{
        effectiveDate: asOf,
        name: unit.name,
        shortName: unit.shortName ?? '',
        adminAreaCode: unit.adminAreaCode ?? '',
        adminAreaName: unit.adminAreaName ?? '',
      }}
      onClose={onClose}
      onSubmit={async (v) => {
        const input: OrgRenameInput = {
          effectiveDate: v.effectiveDate,
          decisionNo: v.decisionNo,
          decisionDate: v.decisionDate,
          note: v.note,
          ...(same(v.name, unit.name) ? {} : { name: v.name }),
          ...(same(v.shortName, unit.shortName) ? {} : { shortName: v.shortName ?? null }),
          ...(same(v.adminAreaCode, unit.adminAreaCode) ? {} : { adminAreaCode: v.adminAreaCode ?? null }),
          ...(same(v.adminAreaName, unit.adminAreaName) ? {} : { adminAreaName: v.adminAreaName ?? null }),
        };
        if (Object.keys(input).every((k) => ['effectiveDate', 'decisionNo', 'decisionDate', 'note'].includes(k))) {
          throw new ApiError(0, 'NO_CHANGE', t('action.noChange'));
        }
        await orgApi.rename(unit.id, input);
        await changed();
      }}
    >
      <EffectiveDateField />
      <UnitNameFields />
      <DecisionFields />
    </FormModal>
  );
}
