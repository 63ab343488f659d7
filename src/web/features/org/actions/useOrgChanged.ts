import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useI18n } from '../../../app/i18n/I18nProvider.js';
import { orgKeys } from '../api.js';

/** After any recorded change: refetch tree, detail, events and searches, and say it worked. */
export function useOrgChanged() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { t } = useI18n();
  return async (text?: string) => {
    message.success(text ?? t('org.changeSaved'));
    await qc.invalidateQueries({ queryKey: orgKeys.all });
  };
}
