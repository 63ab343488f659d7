import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { useSession } from './session.js';

type Values = { username: string; password: string };

export function LoginPage() {
  const { t } = useI18n();
  const { login, expired } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await login(v.username, v.password);
      // GuestOnly sends the now signed-in user on to where they were going.
    } catch (e) {
      setError(errorText(e, t));
      setBusy(false);
    }
  };

  return (
    <main className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <div className="login-box">
        <header className="login-brand">
          <span className="brand-mark brand-mark-large" aria-hidden>
            ĐV
          </span>
          <Typography.Title level={1} className="login-title">
            {t('app.name')}
          </Typography.Title>
          <Typography.Paragraph className="login-tagline">{t('app.tagline')}</Typography.Paragraph>
        </header>
        <Card className="login-card" title={t('login.title')}>
          {expired && !error && (
            <Alert type="warning" showIcon title={t('login.sessionExpired')} style={{ marginBottom: 16 }} />
          )}
          {error && (
            <Alert
              type="error"
              showIcon
              title={error}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
              role="alert"
            />
          )}
          <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} data-testid="login-form">
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" autoFocus size="large" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
        <Typography.Paragraph type="secondary" className="login-footer">
          {t('login.footer')}
        </Typography.Paragraph>
      </div>
    </main>
  );
}
