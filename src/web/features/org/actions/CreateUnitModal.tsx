import { Col, Form, Input, Row, Select } from 'antd';
import type { TOrgUnitDetail } from '../../../../shared/org/contract.js';
import { useI18n } from '../../../app/i18n/I18nProvider.js';
import { DateInput } from '../../../components/DateInput.js';
import { FormModal } from '../../../components/FormModal.js';
import { orgApi } from '../api.js';
import { typeName, typeValidOn, useUnitTypes } from '../unitTypes.js';
import { DecisionFields, UnitNameFields } from './DecisionFields.js';
import { LaterParents, type LaterParentValue } from './LaterParents.js';
import { useOrgChanged } from './useOrgChanged.js';

type Values = {
  code: string;
  name: string;
  shortName?: string;
  typeCode: string;
  adminAreaCode?: string;
  adminAreaName?: string;
  address?: string;
  foundingDecisionNo?: string;
  foundingDecisionDate?: string | null;
  validFrom: string;
  note?: string;
  laterParents?: LaterParentValue[];
};

type Props = {
  open: boolean;
  parent: TOrgUnitDetail;
  asOf: string;
  onClose: () => void;
  onCreated: (id: number) => void;
};

export function CreateUnitModal({ open, parent, asOf, onClose, onCreated }: Props) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const types = useUnitTypes();
  const changed = useOrgChanged();
  const validFrom = Form.useWatch('validFrom', form) ?? asOf;
  // Only what the charter allows under this parent on the founding date (types change with reorganisations).
  const allowed = types.types.filter((ty) => typeValidOn(ty, validFrom) && ty.allowedParents.includes(parent.typeCode));

  return (
    <FormModal<Values>
      open={open}
      title={t('action.createTitle', { parent: parent.name })}
      form={form}
      width={640}
      testId="create-unit-form"
      initialValues={{ validFrom: asOf }}
      onClose={onClose}
      onSubmit={async (v) => {
        const laterParents = (v.laterParents ?? []).map((l) => ({ date: l.date, parentId: l.parentId ?? null }));
        const created = await orgApi.create({ ...v, laterParents, parentId: parent.id });
        await changed(t('org.unitCreated', { name: created.name }));
        onCreated(created.id);
      }}
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="validFrom"
            label={t('action.foundedOn')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DateInput style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="code"
            label={t('org.code')}
            tooltip={t('action.codeHint')}
            normalize={(v: string) => v.toUpperCase()}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={40} autoCapitalize="characters" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="typeCode"
        label={t('org.type')}
        extra={
          allowed.length === 0 ? t('action.noTypes') : t('action.typeHint', { parentType: types.name(parent.typeCode) })
        }
        rules={[
          { required: true, message: t('common.required') },
          {
            validator: (_, value: string | undefined) =>
              !value || allowed.some((ty) => ty.code === value)
                ? Promise.resolve()
                : Promise.reject(new Error(t('action.noTypes'))),
          },
        ]}
      >
        <Select options={allowed.map((ty) => ({ value: ty.code, label: typeName(ty, locale) }))} />
      </Form.Item>
      <UnitNameFields />
      <Form.Item name="address" label={t('org.address')}>
        <Input maxLength={500} />
      </Form.Item>
      <DecisionFields founding />
      {validFrom && <LaterParents form={form} parentId={parent.id} date={validFrom} />}
    </FormModal>
  );
}
