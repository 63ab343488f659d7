import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Col, Divider, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../app/api/client.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { FormModal } from '../../components/FormModal.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { useSessionKey } from '../../components/useSessionKey.js';
import {
  type EnterpriseCreateInput,
  enterpriseKeys,
  enterprisesApi,
  type SurveyInput,
  type TEnterpriseDetail,
} from './api.js';
import { CommuneText } from './CommuneText.js';
import { useEnterpriseConfig } from './config.js';
import { SurveyFields } from './SurveyFields.js';

type Values = {
  unitId: number;
  mst?: string;
  name: string;
  shortName?: string;
  address?: string;
  adminAreaCode?: string;
  adminAreaName?: string;
  ownershipCode: string;
  industry?: string;
  grassrootsUnitId?: number | null;
  officerUserId?: number | null;
  duplicateReason?: string;
  withSurvey?: boolean;
  survey?: SurveyInput;
};

type Props = {
  open: boolean;
  /** Editing this enterprise; creating a new one when null. */
  editing: TEnterpriseDetail | null;
  defaultUnit: { id?: number; name?: string };
  today: string;
  onClose: () => void;
  onSaved: (d: TEnterpriseDetail, created: boolean) => void;
};

/**
 * Adds an enterprise to the survey frame (optionally with its first survey), or edits one. A tax
 * code already listed is refused by the server with a 409; the form then asks for the reason to
 * record a second enterprise under it.
 */
export function EnterpriseFormModal(props: Props) {
  const session = useSessionKey(props.open);
  return <EnterpriseForm key={session} {...props} />;
}

function EnterpriseForm({ open, editing: editingNow, defaultUnit, today, onClose, onSaved }: Props) {
  const { t } = useI18n();
  // What this opening is about: the dialog keeps showing it while it animates closed.
  const [editing] = useState(editingNow);
  const [form] = Form.useForm<Values>();
  const config = useEnterpriseConfig();
  const [needReason, setNeedReason] = useState(false);
  const withSurvey = Form.useWatch('withSurvey', form);
  const unitId = Form.useWatch('unitId', form) ?? editing?.unitId;
  // Officers of the chosen unit's subtree: who may be assigned to follow this enterprise.
  const officers = useQuery({
    queryKey: enterpriseKeys.officers(unitId),
    queryFn: () => enterprisesApi.officers(unitId),
    enabled: open,
  });

  const initialValues: Partial<Values> = editing
    ? {
        mst: editing.mst ?? '',
        name: editing.name,
        shortName: editing.shortName ?? '',
        address: editing.address ?? '',
        adminAreaCode: editing.adminAreaCode ?? '',
        adminAreaName: editing.adminAreaName ?? '',
        ownershipCode: editing.ownershipCode,
        industry: editing.industry ?? '',
        grassrootsUnitId: editing.grassrootsUnitId,
        officerUserId: editing.officerUserId,
      }
    : { unitId: defaultUnit.id, survey: { surveyDate: today } as SurveyInput };

  // An ended ownership kind stays selectable on the record that already has it.
  const types = config.currentTypes.some((o) => o.code === editing?.ownershipCode)
    ? config.currentTypes
    : [
        ...config.currentTypes,
        ...(config.query.data?.ownershipTypes ?? []).filter((o) => o.code === editing?.ownershipCode),
      ];

  return (
    <FormModal<Values>
      open={open}
      title={editing ? t('ent.editTitle', { name: editing.name }) : t('ent.create')}
      form={form}
      width={760}
      testId="enterprise-form"
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={async (v) => {
        const fields = {
          mst: v.mst,
          name: v.name,
          shortName: v.shortName,
          address: v.address,
          adminAreaCode: v.adminAreaCode,
          adminAreaName: v.adminAreaName,
          ownershipCode: v.ownershipCode,
          industry: v.industry,
          grassrootsUnitId: v.grassrootsUnitId ?? null,
          officerUserId: v.officerUserId ?? null,
        };
        if (editing) {
          onSaved(await enterprisesApi.edit(editing.id, fields), false);
          return;
        }
        const input: EnterpriseCreateInput = {
          ...fields,
          unitId: v.unitId,
          duplicateReason: needReason ? v.duplicateReason : undefined,
          survey: v.withSurvey && v.survey ? v.survey : undefined,
        };
        try {
          onSaved(await enterprisesApi.create(input), true);
        } catch (e) {
          if (e instanceof ApiError && e.code === 'ENTERPRISE_DUPLICATE_MST') setNeedReason(true);
          throw e;
        }
      }}
    >
      <Row gutter={12}>
        {!editing && (
          <Col xs={24}>
            <Form.Item
              name="unitId"
              label={t('ent.field.unit')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <UnitSelect asOf={today} valueName={defaultUnit.name} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={10}>
          <Form.Item name="mst" label={t('ent.field.mst')} extra={t('ent.mstHint')}>
            <Input inputMode="numeric" maxLength={20} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item
            name="name"
            label={t('ent.field.name')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={255} autoComplete="off" />
          </Form.Item>
        </Col>
        {needReason && (
          <Col xs={24}>
            <Alert type="warning" showIcon title={t('ent.duplicateHint')} style={{ marginBottom: 12 }} />
            <Form.Item
              name="duplicateReason"
              label={t('ent.field.duplicateReason')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={10}>
          <Form.Item name="shortName" label={t('ent.field.shortName')}>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item
            name="ownershipCode"
            label={t('ent.field.ownership')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              loading={config.query.isPending}
              options={types.map((o) => ({ value: o.code, label: config.ownershipName(o.code) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="address" label={t('ent.field.address')}>
            <Input maxLength={500} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={16} sm={14}>
          <Form.Item name="adminAreaName" label={t('ent.field.adminAreaName')}>
            <Input maxLength={255} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={8} sm={10}>
          <Form.Item name="adminAreaCode" label={t('ent.field.adminAreaCode')}>
            <Input maxLength={10} inputMode="numeric" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          {/* What the saved record resolved to; a new one is matched on saving. */}
          <Form.Item label={t('ent.commune.resolved')} extra={t('ent.commune.formHint')}>
            {editing ? <CommuneText commune={editing.commune} /> : null}
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="industry" label={t('ent.field.industry')}>
            <Input maxLength={255} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="grassrootsUnitId" label={t('ent.field.grassroots')} extra={t('ent.grassrootsHint')}>
            <UnitSelect
              asOf={today}
              allowClear
              valueName={editing?.grassrootsUnitName ?? undefined}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="officerUserId" label={t('ent.field.officer')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              loading={officers.isPending}
              data-testid="enterprise-officer"
              options={(officers.data ?? []).map((o) => ({ value: o.id, label: `${o.fullName} (${o.username})` }))}
            />
          </Form.Item>
        </Col>
      </Row>
      {!editing && (
        <>
          <Divider className="form-divider" />
          <Form.Item name="withSurvey" valuePropName="checked" className="form-check">
            <Checkbox data-testid="with-survey">{t('ent.firstSurvey')}</Checkbox>
          </Form.Item>
          {withSurvey && <SurveyFields prefix={['survey']} today={today} />}
        </>
      )}
    </FormModal>
  );
}
