import { Col, Form, Input, Row } from 'antd';
import { useI18n } from '../../../app/i18n/I18nProvider.js';
import { DateInput } from '../../../components/DateInput.js';

/** Dated changes take effect on a day, usually by a numbered decision. */
export function EffectiveDateField({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name="effectiveDate"
      label={label ?? t('action.effectiveDate')}
      rules={[{ required: true, message: t('common.required') }]}
    >
      <DateInput style={{ width: '100%' }} allowClear={false} />
    </Form.Item>
  );
}

/** The deciding document (number, date) and a note; a founding names its founding decision instead. */
export function DecisionFields({ founding = false }: { founding?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name={founding ? 'foundingDecisionNo' : 'decisionNo'}
            label={t(founding ? 'org.foundingDecisionNo' : 'action.decisionNo')}
          >
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name={founding ? 'foundingDecisionDate' : 'decisionDate'}
            label={t(founding ? 'org.foundingDecisionDate' : 'action.decisionDate')}
          >
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('action.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </>
  );
}

/** A unit's name, short name and administrative area: what a founding or a renaming states. */
export function UnitNameFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name="name"
        label={t('org.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={255} />
      </Form.Item>
      <Form.Item name="shortName" label={t('org.shortName')}>
        <Input maxLength={100} />
      </Form.Item>
      <AreaFields />
    </>
  );
}

export function AreaFields() {
  const { t } = useI18n();
  return (
    <Row gutter={12}>
      <Col xs={24} sm={8}>
        <Form.Item name="adminAreaCode" label={t('org.adminAreaCode')}>
          <Input maxLength={10} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={16}>
        <Form.Item name="adminAreaName" label={t('org.adminAreaName')}>
          <Input maxLength={255} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export type DecisionValues = {
  effectiveDate: string;
  decisionNo?: string;
  decisionDate?: string | null;
  note?: string;
};
