import { Alert, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { applyServerErrors } from '../app/api/errors.js';
import { useI18n } from '../app/i18n/I18nProvider.js';

type Props<V> = {
  open: boolean;
  title: ReactNode;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  okText?: string;
  danger?: boolean;
  width?: number;
  testId?: string;
  onClose: () => void;
  /** Sends the form; a thrown ApiError lands on the fields it names, the rest above the form. */
  onSubmit: (values: V) => Promise<void>;
  children: ReactNode;
};

/** The modal every create/change dialog uses: validate, send, show the server's answer in place. */
export function FormModal<V>({
  open,
  title,
  form,
  initialValues,
  okText,
  danger,
  width,
  testId,
  onClose,
  onSubmit,
  children,
}: Props<V>) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);

  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd already marks the fields
    }
    setBusy(true);
    setBanner(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (e) {
      setBanner(applyServerErrors(form, e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, loading: busy }}
      onOk={submit}
      onCancel={onClose}
      width={width}
      destroyOnHidden
      afterClose={() => setBanner(null)}
      mask={{ closable: false }}
    >
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} />}
      <Form<V> form={form} layout="vertical" initialValues={initialValues} preserve={false} data-testid={testId}>
        {/* No implicit submit button: Enter confirms a typed date in a picker, it must not send the dialog. */}
        {children}
      </Form>
    </Modal>
  );
}
