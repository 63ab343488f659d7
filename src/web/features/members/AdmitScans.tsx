import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography, Upload } from 'antd';
import { useI18n } from '../../app/i18n/I18nProvider.js';

export type Scan = { uid: string; file: File; kind: 'application' | 'decision' };

const MAX_SCAN_BYTES = 10 * 1024 * 1024;
const SCAN_ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf';

/** The scans picked to go up with the decision (the application, the decision itself), kept until it is recorded. */
export function AdmitScans({
  scans,
  onChange,
  onTooLarge,
}: {
  scans: Scan[];
  /** Takes an update of the list: several files picked at once each add themselves. */
  onChange: (update: (all: Scan[]) => Scan[]) => void;
  onTooLarge: (fileName: string) => void;
}) {
  const { t } = useI18n();
  const scanPicker = (kind: Scan['kind']) => (
    <Upload
      accept={SCAN_ACCEPT}
      multiple
      showUploadList={false}
      beforeUpload={(file) => {
        if (file.size > MAX_SCAN_BYTES) onTooLarge(file.name);
        else onChange((all) => [...all, { uid: file.uid, file, kind }]);
        return false;
      }}
    >
      <Button icon={<PaperClipOutlined />} data-testid={`admit-scan-${kind}`}>
        {t(`admit.scan.${kind}`)}
      </Button>
    </Upload>
  );

  return (
    <div className="admit-scans">
      <Typography.Text type="secondary">{t('admit.scans')}</Typography.Text>
      <Space wrap>
        {scanPicker('application')}
        {scanPicker('decision')}
      </Space>
      {scans.map((s) => (
        <Tag
          key={s.uid}
          closable
          onClose={() => onChange((all) => all.filter((x) => x.uid !== s.uid))}
          icon={<PaperClipOutlined />}
        >
          {t(`admit.scanKind.${s.kind}`)}: {s.file.name}
        </Tag>
      ))}
    </div>
  );
}
