import { FilePdfOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Upload, type UploadProps } from 'antd';
import { useState } from 'react';
import { ATTACHMENT_MAX_BYTES as MAX_BYTES } from '../../../shared/outreach/attachments.js';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { formatNumber } from '../../app/i18n/i18n.js';
import { attachmentUrl, outreachApi, outreachKeys, type TOutreach } from './api.js';

/** What the server takes (it also sniffs the content); the phone offers its camera and files for these. */
const ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf';

type Props = {
  event: TOutreach;
  /** Shows the upload button (the user holds 'record.write'). */
  canUpload: boolean;
};

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024))} KB`;
  return `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}

/**
 * The files attached to an outreach event (the signed attendance list, photos), each opening in a new tab,
 * images with a small thumbnail; and, for those who may record, a button to attach one more.
 */
export function OutreachAttachments({ event, canUpload }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [uploading, setUploading] = useState(false);

  const customRequest: UploadProps['customRequest'] = async ({ file, onSuccess, onError }) => {
    if (!(file instanceof Blob)) return;
    if (file.size > MAX_BYTES) {
      const err = new Error(t('outreach.attachTooLarge', { mb: MAX_BYTES / (1024 * 1024) }));
      message.error(err.message);
      onError?.(err);
      return;
    }
    const form = new FormData();
    form.append('file', file, file instanceof File ? file.name : 'file');
    setUploading(true);
    try {
      const saved = await outreachApi.attach(event.id, form);
      onSuccess?.(saved);
      message.success(t('outreach.attached', { name: saved.fileName }));
      await qc.invalidateQueries({ queryKey: outreachKeys.lists });
    } catch (e) {
      message.error(errorText(e, t));
      onError?.(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setUploading(false);
    }
  };

  return (
    <div
      className="outreach-attachments"
      title={t('outreach.attachments')}
      data-testid={`outreach-attachments-${event.id}`}
      style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 4, marginTop: 4 }}
    >
      {event.attachments.map((a) => {
        const url = attachmentUrl(event.id, a.id);
        const image = a.mime.startsWith('image/');
        return (
          <a
            key={a.id}
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            title={`${a.fileName} (${sizeText(a.size)})`}
            data-testid="outreach-attachment"
            style={{ display: 'inline-flex', alignItems: 'center', gap: 6, maxWidth: 240 }}
          >
            {image ? (
              <img
                src={url}
                alt=""
                loading="lazy"
                width={28}
                height={28}
                style={{ objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0', flex: 'none' }}
              />
            ) : a.mime === 'application/pdf' ? (
              <FilePdfOutlined style={{ flex: 'none' }} />
            ) : (
              <PaperClipOutlined style={{ flex: 'none' }} />
            )}
            <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{a.fileName}</span>
          </a>
        );
      })}
      {canUpload && (
        <Upload accept={ACCEPT} showUploadList={false} customRequest={customRequest} disabled={uploading}>
          <Button
            size="small"
            icon={<PaperClipOutlined />}
            loading={uploading}
            data-testid={`outreach-attach-${event.id}`}
            // The label wraps inside a narrow column instead of running under the next one.
            style={{ whiteSpace: 'normal', height: 'auto', textAlign: 'start', maxWidth: '100%' }}
          >
            {t('outreach.attach')}
          </Button>
        </Upload>
      )}
    </div>
  );
}
