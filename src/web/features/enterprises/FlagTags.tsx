import { Tag } from 'antd';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import type { TEnterprise } from './api.js';

/** The derived flags as small tags: computed by the server from thresholds and records, never typed. */
export function FlagTags({ e }: { e: TEnterprise }) {
  const { t } = useI18n();
  return (
    <span className="flag-tags">
      {e.nonState && (
        <Tag color="geekblue" data-flag="nonState">
          {t('ent.flag.nonState')}
        </Tag>
      )}
      {e.eligibleForFounding && (
        <Tag color="orange" data-flag="eligible">
          {t('ent.flag.eligible')}
        </Tag>
      )}
      {e.hasUnion && (
        <Tag color="green" data-flag="hasUnion">
          {t('ent.flag.hasUnion')}
        </Tag>
      )}
      {e.reachedInPeriod && (
        <Tag color="cyan" data-flag="reached">
          {t('ent.flag.reached')}
        </Tag>
      )}
    </span>
  );
}
