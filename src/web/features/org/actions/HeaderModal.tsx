import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Typography } from 'antd';
import type { TOrgUnitDetail } from '../../../../shared/org/contract.js';
import { useI18n } from '../../../app/i18n/I18nProvider.js';
import { DateInput } from '../../../components/DateInput.js';
import { FormModal } from '../../../components/FormModal.js';
import { viDate } from '../../../components/format.js';
import { orgApi } from '../api.js';

type Values = {
  validFrom: string;
  superior?: string | null;
  issuer?: string | null;
  nationalTitle?: string | null;
  motto?: string | null;
  signerAuthority?: string | null;
  signerPosition?: string | null;
  recipients?: string;
};
type Props = { open: boolean; unit: TOrgUnitDetail; asOf: string; onClose: () => void };

/**
 * The unit's document header from a day on (dated configuration, issue 12 §4): what its plans and reports
 * print above and under the text. Opens on the texts in force on the viewed day.
 */
export function HeaderModal({ open, unit, asOf, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const key = ['org', 'header', unit.id, asOf] as const;
  const current = useQuery({ queryKey: key, queryFn: () => orgApi.header(unit.id, asOf), enabled: open });
  const c = current.data?.configured;
  return (
    <FormModal<Values>
      open={open && current.isSuccess}
      title={t('header.title', { name: unit.name })}
      form={form}
      width={640}
      testId="header-form"
      initialValues={{
        validFrom: asOf,
        superior: c?.superior === '' ? '-' : (c?.superior ?? ''),
        issuer: c?.issuer ?? '',
        nationalTitle: c?.nationalTitle ?? '',
        motto: c?.motto ?? '',
        signerAuthority: c?.signerAuthority ?? '',
        signerPosition: c?.signerPosition ?? '',
        recipients: (c?.recipients ?? []).join('\n'),
      }}
      onClose={onClose}
      onSubmit={async (v) => {
        const superior = v.superior?.trim();
        await orgApi.putHeader(unit.id, {
          validFrom: v.validFrom,
          // "-": no superior line at all; empty: the parent's name of the day.
          superior: superior === '-' ? '' : superior || null,
          issuer: v.issuer,
          nationalTitle: v.nationalTitle,
          motto: v.motto,
          signerAuthority: v.signerAuthority,
          signerPosition: v.signerPosition,
          recipients: (v.recipients ?? '')
            .split(/\r?\n/)
            .map((r) => r.trim())
            .filter(Boolean),
        });
        await qc.invalidateQueries({ queryKey: ['org', 'header', unit.id] });
        message.success(t('header.saved'));
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('header.intro')} />
      {current.data && (
        <Typography.Paragraph type="secondary" data-testid="header-printed">
          {t('header.printed', {
            date: viDate(current.data.date),
            superior: current.data.printed.superior ?? '—',
            issuer: current.data.printed.issuer,
          })}
        </Typography.Paragraph>
      )}
      <Form.Item
        name="validFrom"
        label={t('header.validFrom')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DateInput />
      </Form.Item>
      <Form.Item name="superior" label={t('header.superior')} extra={t('header.superiorHelp')}>
        <Input />
      </Form.Item>
      <Form.Item name="issuer" label={t('header.issuer')}>
        <Input />
      </Form.Item>
      <Form.Item name="nationalTitle" label={t('header.nationalTitle')}>
        <Input />
      </Form.Item>
      <Form.Item name="motto" label={t('header.motto')}>
        <Input />
      </Form.Item>
      <Form.Item name="signerAuthority" label={t('header.signerAuthority')}>
        <Input />
      </Form.Item>
      <Form.Item name="signerPosition" label={t('header.signerPosition')}>
        <Input />
      </Form.Item>
      <Form.Item name="recipients" label={t('header.recipients')}>
        <Input.TextArea rows={4} />
      </Form.Item>
    </FormModal>
  );
}
