import { Alert, Button, Modal, Typography } from 'antd';
import { useI18n } from '../../app/i18n/I18nProvider.js';

type Props = { shown: { name: string; password: string } | null; onClose: () => void };

/** A generated password, shown exactly once; the server keeps only its hash. */
export function PasswordOnceModal({ shown, onClose }: Props) {
  const { t } = useI18n();
  return (
    <Modal
      open={shown !== null}
      title={shown ? t('users.passwordOnceTitle', { name: shown.name }) : ''}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose} data-testid="password-once-close">
          {t('common.close')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('users.passwordOnce')} style={{ marginBottom: 16 }} />
      {shown && (
        <Typography.Paragraph
          className="password-once"
          data-testid="generated-password"
          copyable={{ text: shown.password }}
        >
          <Typography.Text code>{shown.password}</Typography.Text>
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
