import { Form } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { FormModal } from '../../components/FormModal.js';
import { useSessionKey } from '../../components/useSessionKey.js';
import { enterprisesApi, type SurveyInput, type TEnterpriseDetail } from './api.js';
import { SurveyFields } from './SurveyFields.js';

type Props = {
  enterprise: TEnterpriseDetail | null;
  today: string;
  onClose: () => void;
  onSaved: (d: TEnterpriseDetail) => void;
};

/** Records one more dated survey; the enterprise's figures and flags follow the latest one. */
export function SurveyModal(props: Props) {
  const session = useSessionKey(props.enterprise !== null);
  return <SurveyForm key={session} {...props} />;
}

function SurveyForm({ enterprise: current, today, onClose, onSaved }: Props) {
  const { t } = useI18n();
  // Kept while the dialog animates closed (the page then sets it to null).
  const [enterprise] = useState(current);
  const [form] = Form.useForm<SurveyInput>();
  return (
    <FormModal<SurveyInput>
      open={current !== null}
      title={t('survey.titleOf', { name: enterprise?.name ?? '' })}
      form={form}
      width={640}
      testId="survey-form"
      initialValues={{ surveyDate: today }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!enterprise) return;
        onSaved(await enterprisesApi.addSurvey(enterprise.id, v));
      }}
    >
      <SurveyFields today={today} />
    </FormModal>
  );
}
