import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography, Upload } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import type { WorkScope } from '../enterprises/workScope.js';
import { type ImportKind, importsApi, type TImportUpload } from './api.js';

type Values = { unitId: number; source?: string; file: File };

/** One file from the device; nothing is sent until the form is submitted. */
function FilePicker({ value, onChange }: { value?: File | null; onChange?: (f: File | null) => void }) {
  const { t } = useI18n();
  return (
    <div data-testid="import-file">
      <Upload.Dragger
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        multiple={false}
        maxCount={1}
        fileList={value ? [{ uid: 'file', name: value.name, size: value.size, status: 'done' }] : []}
        beforeUpload={(f) => {
          onChange?.(f);
          return false;
        }}
        onRemove={() => {
          onChange?.(null);
          return true;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.dragger')}</p>
        <p className="ant-upload-hint">{t('import.draggerHint')}</p>
      </Upload.Dragger>
    </div>
  );
}

type Props = {
  kind: ImportKind;
  scope: WorkScope;
  source: string;
  onUploaded: (answer: TImportUpload, source: string) => void;
};

/** Step 1: which unit the records belong to (a grassroots union for members), where the list comes from, and the file. */
export function UploadStep({ kind, scope, source, onUploaded }: Props) {
  const members = kind === 'members';
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setBanner(null);
    try {
      const src = (v.source ?? '').trim();
      onUploaded(await importsApi.upload(kind, v.unitId, src, v.file), src);
    } catch (e) {
      setBanner(applyServerErrors(form, e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="import-step" data-testid="import-upload">
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ unitId: scope.unitId, source }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.unitId) scope.setUnit(changed.unitId);
        }}
      >
        <Form.Item
          name="unitId"
          label={t(members ? 'import.members.unit' : 'import.unit')}
          extra={members ? t('import.members.unitHint') : undefined}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <UnitSelect
            asOf={scope.today}
            valueName={scope.unitName}
            style={{ width: '100%' }}
            data-testid="import-unit"
          />
        </Form.Item>
        <Form.Item name="source" label={t('import.source')} extra={t('import.sourceHint')}>
          <Input maxLength={100} placeholder={t('import.sourcePlaceholder')} data-testid="import-source" />
        </Form.Item>
        <Form.Item name="file" label={t('import.file')} rules={[{ required: true, message: t('import.fileRequired') }]}>
          <FilePicker />
        </Form.Item>
      </Form>
      <div className="import-actions">
        <Button icon={<DownloadOutlined />} href={importsApi.templateUrl(kind)} download data-testid="import-template">
          {t('import.template')}
        </Button>
        <Button
          type="primary"
          icon={<UploadOutlined />}
          loading={busy}
          onClick={submit}
          data-testid="import-upload-submit"
        >
          {t('import.upload')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary" className="import-note">
        {t(members ? 'import.members.templateHint' : 'import.templateHint')}
      </Typography.Paragraph>
    </div>
  );
}
