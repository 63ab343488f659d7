import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Collapse, Form, Input, Radio, Result, Select, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useParams } from 'react-router';
import { formatPhone } from '../../../shared/ids/index.js';
import { parseViDate } from '../../../shared/text/index.js';
import { ApiError } from '../../app/api/client.js';
import { applyServerErrors } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { PageLoading } from '../../app/layout/states.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { applicationKeys, applicationsApi, type TApplyInfo } from './api.js';
import { dateAsTyped } from './dateAsTyped.js';
import './applications.css';

type Values = {
  fullName?: string;
  birthDate?: string;
  gender?: 'male' | 'female';
  cccd?: string;
  phone?: string;
  workKind: 'employed' | 'informal';
  workplace?: string;
  informalTradeCode?: string;
  consent?: boolean;
  website?: string;
};

/** The worker's side of the QR poster: a short form on a phone, no account. */
export function ApplyPage() {
  const { token = '' } = useParams();
  const { t, locale } = useI18n();
  const info = useQuery({
    queryKey: applicationKeys.publicInfo(token, locale),
    queryFn: () => applicationsApi.publicInfo(token),
    retry: false,
  });
  const [done, setDone] = useState<{ unitName: string; phone: string } | null>(null);

  let body: ReactNode;
  if (info.isPending) body = <PageLoading />;
  else if (info.isError || !info.data.valid) {
    const unit = info.data?.unitName;
    body = (
      <Result
        status="warning"
        title={t('apply.invalidTitle')}
        subTitle={unit ? t('apply.invalidTextUnit', { unit }) : t('apply.invalidText')}
        data-testid="apply-invalid"
      />
    );
  } else if (done) {
    body = (
      <Result
        status="success"
        title={t('apply.doneTitle')}
        subTitle={t('apply.doneText', { unit: done.unitName, phone: formatPhone(done.phone) })}
        data-testid="apply-success"
        extra={<Button onClick={() => setDone(null)}>{t('apply.doneAgain')}</Button>}
      />
    );
  } else {
    body = <ApplyForm token={token} info={info.data} onDone={setDone} onGone={() => info.refetch()} />;
  }

  return (
    <main className="apply-page">
      <header className="apply-top">
        <span className="apply-union">{t('poster.union')}</span>
        <LanguageSwitch size="small" />
      </header>
      <div className="apply-box">{body}</div>
    </main>
  );
}

function ApplyForm({
  token,
  info,
  onDone,
  onGone,
}: {
  token: string;
  info: TApplyInfo;
  onDone: (d: { unitName: string; phone: string }) => void;
  onGone: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const workKind = Form.useWatch('workKind', form) ?? 'employed';
  const [busy, setBusy] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const required = (key: Parameters<typeof t>[0]) => ({
    required: true,
    whitespace: true,
    message: t('apply.required', { field: t(key) }),
  });

  const submit = async (v: Values) => {
    setBusy(true);
    setBanner(null);
    try {
      const birth = v.birthDate?.trim() ?? '';
      const out = await applicationsApi.submit(token, {
        fullName: v.fullName,
        birthDate: parseViDate(birth) ?? birth,
        gender: v.gender,
        cccd: v.cccd,
        phone: v.phone,
        workplace: v.workKind === 'employed' ? v.workplace : undefined,
        informalTradeCode: v.workKind === 'informal' ? v.informalTradeCode : undefined,
        consent: v.consent === true,
        consentVersion: info.consent?.version,
        website: v.website ?? '',
      });
      form.resetFields();
      onDone(out);
      window.scrollTo({ top: 0 });
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'APPLY_LINK_REVOKED' || e.code === 'APPLY_LINK_INVALID')) onGone();
      const left = applyServerErrors(form, e, t);
      setBanner(left ?? t('apply.fixFields'));
    } finally {
      setBusy(false);
    }
  };

  function clearFixedBanner() {
    if (banner !== t('apply.fixFields')) return;
    if (form.getFieldsError().every((f) => f.errors.length === 0)) setBanner(null);
  }

  const consent = info.consent;
  return (
    <>
      <Typography.Title level={1} className="apply-title">
        {t('apply.heading')}
      </Typography.Title>
      <div className="apply-unit" data-testid="apply-unit">
        <strong>{t('apply.to', { unit: info.unitName })}</strong>
        {info.parentName && <span>{t('apply.under', { parent: info.parentName })}</span>}
      </div>
      <Typography.Paragraph type="secondary">{t('apply.intro')}</Typography.Paragraph>
      {banner && <Alert type="error" showIcon title={banner} className="apply-banner" role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        initialValues={{ workKind: 'employed', consent: false }}
        onFinish={submit}
        onFinishFailed={() => setBanner(t('apply.fixFields'))}
        onValuesChange={(changed) => {
          // The server's message for a field no longer applies once the worker edits it.
          const stale = Object.keys(changed).filter((k) => form.getFieldError(k as keyof Values).length > 0);
          if (stale.length) form.setFields(stale.map((name) => ({ name: name as keyof Values, errors: [] })));
          clearFixedBanner();
        }}
        // Field checks finish after the change: once no field is marked red, "please fix" is gone too.
        onFieldsChange={clearFixedBanner}
        scrollToFirstError={{ block: 'center' }}
        data-testid="apply-form"
      >
        <Form.Item name="fullName" label={t('apply.fullName')} rules={[required('apply.fullName')]}>
          <Input autoComplete="name" autoCapitalize="words" placeholder={t('apply.fullNamePh')} maxLength={120} />
        </Form.Item>
        <Form.Item
          name="birthDate"
          label={t('apply.birthDate')}
          extra={t('apply.birthDateHint')}
          normalize={dateAsTyped}
          rules={[
            required('apply.birthDate'),
            {
              validator: async (_, v: string | undefined) => {
                if (v && !parseViDate(v)) throw new Error(t('apply.badDate'));
              },
            },
          ]}
        >
          <Input inputMode="numeric" autoComplete="bday" placeholder="dd/mm/yyyy" maxLength={10} />
        </Form.Item>
        <Form.Item
          name="gender"
          label={t('apply.gender')}
          rules={[{ required: true, message: t('apply.choose', { field: t('apply.gender') }) }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            className="apply-choice"
            options={[
              { value: 'male', label: t('apply.male') },
              { value: 'female', label: t('apply.female') },
            ]}
          />
        </Form.Item>
        <Form.Item name="cccd" label={t('apply.cccd')} extra={t('apply.cccdHint')} rules={[required('apply.cccd')]}>
          <Input inputMode="numeric" autoComplete="off" maxLength={16} placeholder="0790 9012 3456" />
        </Form.Item>
        <Form.Item name="phone" label={t('apply.phone')} extra={t('apply.phoneHint')} rules={[required('apply.phone')]}>
          <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={20} placeholder="0912 345 678" />
        </Form.Item>
        <Form.Item name="workKind" label={t('apply.workKind')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            className="apply-choice"
            options={[
              { value: 'employed', label: t('apply.workKind.employed') },
              { value: 'informal', label: t('apply.workKind.informal') },
            ]}
          />
        </Form.Item>
        {workKind === 'employed' ? (
          <Form.Item name="workplace" label={t('apply.workplace')} rules={[required('apply.workplace')]}>
            <Input autoComplete="organization" placeholder={t('apply.workplacePh')} maxLength={255} />
          </Form.Item>
        ) : (
          <Form.Item
            name="informalTradeCode"
            label={t('apply.trade')}
            rules={[{ required: true, message: t('apply.choose', { field: t('apply.trade') }) }]}
          >
            <Select
              placeholder={t('apply.tradePh')}
              options={info.informalTrades.map((c) => ({ value: c.code, label: c.name }))}
            />
          </Form.Item>
        )}

        {/* People never see or reach this field; form-filling bots do, and give themselves away. */}
        <div className="apply-hp" aria-hidden="true">
          <label htmlFor="apply-website">{t('apply.honeypot')}</label>
          <Form.Item name="website" noStyle>
            <input id="apply-website" type="text" tabIndex={-1} autoComplete="off" />
          </Form.Item>
        </div>

        {consent && (
          <section className="apply-consent" data-testid="apply-consent">
            <Typography.Title level={2} className="apply-consent-title">
              {t('apply.consentTitle')}
            </Typography.Title>
            <Collapse
              size="small"
              defaultActiveKey={['text']}
              items={[
                {
                  key: 'text',
                  label: t('apply.consentShow', { version: consent.version }),
                  children: (
                    // A box that scrolls must take focus, so it can be read with the keyboard alone.
                    <dl
                      className="apply-consent-text"
                      data-testid="apply-consent-text"
                      tabIndex={0}
                      aria-label={t('apply.consentTitle')}
                    >
                      <dt>{t('apply.consent.purpose')}</dt>
                      <dd>{consent.purpose}</dd>
                      <dt>{t('apply.consent.data')}</dt>
                      <dd>{consent.data}</dd>
                      <dt>{t('apply.consent.controller')}</dt>
                      <dd>{consent.controller}</dd>
                      <dt>{t('apply.consent.rights')}</dt>
                      <dd>{consent.rights}</dd>
                    </dl>
                  ),
                },
              ]}
            />
            <Form.Item
              name="consent"
              valuePropName="checked"
              className="apply-consent-check"
              rules={[
                {
                  validator: async (_, v: boolean | undefined) => {
                    if (v !== true) throw new Error(t('apply.consentRequired'));
                  },
                },
              ]}
            >
              <Checkbox data-testid="apply-consent-check">{t('apply.consentCheck', { unit: info.unitName })}</Checkbox>
            </Form.Item>
          </section>
        )}
        <Typography.Paragraph type="secondary" className="apply-privacy">
          {t('apply.privacyNote')}
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="apply-submit">
          {t('apply.submit')}
        </Button>
      </Form>
    </>
  );
}
