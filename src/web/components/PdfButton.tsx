import { FilePdfOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { fetchFile } from '../app/api/client.js';
import { errorText } from '../app/api/errors.js';
import { useI18n } from '../app/i18n/I18nProvider.js';

/**
 * Opens a document's PDF in a new tab. The tab is opened at the click (so no pop-up blocker stops it) and
 * given the file when it arrives; when the server cannot make one (no LibreOffice) the tab closes and the
 * reason shows on this screen, in the user's language.
 */
export function PdfButton({ url, label, testId }: { url: string; label: string; testId?: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const open = async () => {
    const tab = window.open('', '_blank');
    setBusy(true);
    try {
      const blob = await fetchFile(url);
      const href = URL.createObjectURL(blob);
      if (tab) tab.location.href = href;
      else window.location.href = href;
      // The tab has loaded it by then; the address is not needed afterwards.
      setTimeout(() => URL.revokeObjectURL(href), 60_000);
    } catch (e) {
      tab?.close();
      message.error(errorText(e, t), 8);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FilePdfOutlined />} loading={busy} onClick={open} data-testid={testId}>
      {label}
    </Button>
  );
}
