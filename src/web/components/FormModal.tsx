import { Alert, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { applyServerErrors } from '../app/api/errors.js';
import { useI18n } from '../app/i18n/I18nProvider.js';

type NamePath = (string | number)[];

/** Every path inside a changed-values object: ['survey'], ['survey', 'workerCount'], … */
function changedPaths(value: unknown, prefix: NamePath = []): NamePath[] {
  const out: NamePath[] = prefix.length ? [prefix] : [];
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      out.push(...changedPaths(v, [...prefix, Array.isArray(value) ? Number(k) : k]));
    }
  }
  return out;
}

/**
 * A server error put on a field (a wrong MST) stays until the field is validated again, and a field
 * without rules never is: once the person edits it, the old message no longer applies.
 */
function clearServerErrors<V>(form: FormInstance<V>, changed: unknown) {
  const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  const stale = changedPaths(changed).filter(
    (name) => registered.has(JSON.stringify(name)) && form.getFieldError(name as never).length > 0,
  );
  if (stale.length) form.setFields(stale.map((name) => ({ name: name as never, errors: [] })));
}

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
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        preserve={false}
        onValuesChange={(changed) => clearServerErrors(form, changed)}
        data-testid={testId}
      >
        {/* No implicit submit button: Enter confirms a typed date in a picker, it must not send the dialog. */}
        {children}
      </Form>
    </Modal>
  );
}
