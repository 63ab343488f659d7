import { Col, Form, Input, Row, Select } from 'antd';
import { EMPLOYER_ATTITUDES } from '../../../shared/enterprises/labels.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { CountInput } from '../../components/CountInput.js';
import { DateInput } from '../../components/DateInput.js';

/**
 * The fields of one dated survey. `prefix` nests them (['survey'] in the create form), so the
 * server's issue paths ("survey.femaleCount") land on the right field.
 */
export function SurveyFields({ prefix = [], today }: { prefix?: string[]; today: string }) {
  const { t } = useI18n();
  const name = (field: string) => [...prefix, field];
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Row gutter={12}>
      <Col xs={24} sm={12}>
        <Form.Item name={name('surveyDate')} label={t('survey.date')} rules={required}>
          <DateInput style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={name('workerCount')} label={t('survey.workers')} rules={required}>
          <CountInput />
        </Form.Item>
      </Col>
      <Col xs={12} sm={12}>
        <Form.Item name={name('femaleCount')} label={t('survey.female')}>
          <CountInput />
        </Form.Item>
      </Col>
      <Col xs={12} sm={12}>
        <Form.Item name={name('memberCount')} label={t('survey.members')}>
          <CountInput />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={name('employerAttitude')} label={t('survey.attitude')}>
          <Select allowClear options={EMPLOYER_ATTITUDES.map((a) => ({ value: a, label: t(`attitude.${a}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={name('contactName')} label={t('survey.contactName')}>
          <Input maxLength={120} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={name('contactPhone')} label={t('survey.contactPhone')}>
          <Input type="tel" maxLength={30} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name={name('notes')} label={t('survey.notes')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Col>
    </Row>
  );
}
