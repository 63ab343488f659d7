import { Col, Form, Input, Row, Select } from 'antd';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { CountInput } from '../../components/CountInput.js';
import { DateInput } from '../../components/DateInput.js';
import { FormModal } from '../../components/FormModal.js';
import { foldedSearch } from '../../components/foldedSearch.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { useSessionKey } from '../../components/useSessionKey.js';
import { type OutreachCreateInput, outreachApi, type TOutreach, useOutreachConfig } from './api.js';
import { EnterpriseSelect, type PickedEnterprise } from './EnterpriseSelect.js';

type Values = OutreachCreateInput;

type Props = {
  open: boolean;
  defaultUnit: { id?: number; name?: string };
  /** Enterprises already chosen (the form opened from an enterprise). */
  enterprises?: PickedEnterprise[];
  today: string;
  onClose: () => void;
  onSaved: (o: TOutreach) => void;
};

/** Records one outreach event: when, how, about what, which enterprises and how many people it reached. */
export function OutreachFormModal(props: Props) {
  const session = useSessionKey(props.open);
  return <OutreachForm key={session} {...props} />;
}

function OutreachForm({ open, defaultUnit, enterprises = [], today, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const config = useOutreachConfig();
  const unitId = Form.useWatch('unitId', form) as number | undefined;
  // The organising unit is picked in the tree as of the event's date (an ended district for 2024 events).
  const eventDate = (Form.useWatch('eventDate', form) as string | undefined) || today;
  const required = [{ required: true, message: t('common.required') }];
  return (
    <FormModal<Values>
      open={open}
      title={t('outreach.create')}
      form={form}
      width={760}
      testId="outreach-form"
      initialValues={{
        unitId: defaultUnit.id,
        eventDate: today,
        enterpriseIds: enterprises.map((e) => e.id),
        employerRepsReached: 0,
      }}
      onClose={onClose}
      onSubmit={async (v) => onSaved(await outreachApi.create({ ...v, enterpriseIds: v.enterpriseIds ?? [] }))}
    >
      <Row gutter={12}>
        <Col xs={24} sm={16}>
          <Form.Item name="unitId" label={t('outreach.unit')} rules={required}>
            <UnitSelect asOf={eventDate} valueName={defaultUnit.name} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="eventDate" label={t('outreach.date')} rules={required}>
            <DateInput style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="formCode" label={t('outreach.form')} rules={required}>
            <Select
              loading={config.query.isPending}
              options={config.forms.map((f) => ({ value: f.code, label: config.label(f) }))}
              data-testid="outreach-form-code"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item name="topics" label={t('outreach.topics')} rules={[{ ...required[0], type: 'array', min: 1 }]}>
            <Select
              mode="multiple"
              loading={config.query.isPending}
              options={config.topics.map((f) => ({ value: f.code, label: config.label(f) }))}
              showSearch={foldedSearch}
              data-testid="outreach-topics"
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="title" label={t('outreach.titleField')}>
            <Input maxLength={255} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="enterpriseIds" label={t('outreach.enterprises')} extra={t('outreach.enterprisesHint')}>
            <EnterpriseSelect
              unitId={unitId ?? defaultUnit.id}
              known={enterprises}
              data-testid="outreach-enterprises"
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="workersReached" label={t('outreach.workers')} rules={required}>
            <CountInput />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="employerRepsReached" label={t('outreach.employerReps')}>
            <CountInput />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="cost" label={t('outreach.cost')}>
            <CountInput suffix="₫" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="officersPresent" label={t('outreach.officers')}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="notes" label={t('outreach.notes')}>
            <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
