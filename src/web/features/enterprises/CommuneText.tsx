import { Typography } from 'antd';
import type { TEnterprise } from '../../../shared/enterprises/contract.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';

type Commune = TEnterprise['commune'];
type Ref = NonNullable<Commune['unit']>;

const place = (u: Ref) => [u.name, u.districtName, u.provinceName].filter(Boolean).join(', ');

/** Today's name of the commune, for a list cell: the successor when there is one, else the record's. */
export function communeShortName(c: Commune): string | null {
  return (c.now ?? c.unit)?.name ?? null;
}

/**
 * The commune an enterprise resolved to in the official list, how it was found, and today's commune
 * when a reform changed it; or why it is not known (an ambiguous name lists its candidates).
 */
export function CommuneText({ commune }: { commune: Commune }) {
  const { t } = useI18n();
  if (!commune.unit) {
    const note = commune.note ?? 'empty';
    return (
      <span data-testid="enterprise-commune">
        <Typography.Text className="text-unresolved">{t('ent.commune.unresolved')}</Typography.Text>
        <br />
        <Typography.Text type="secondary">
          {t(`ent.commune.note.${note}`, { detail: commune.detail ?? '' })}
        </Typography.Text>
      </span>
    );
  }
  const how = commune.how === 'unresolved' ? null : t(`ent.commune.how.${commune.how}`);
  const changed = commune.now && commune.now.id !== commune.unit.id ? commune.now : null;
  return (
    <span data-testid="enterprise-commune">
      {`${place(commune.unit)} (${commune.unit.code})`}
      {how ? <Typography.Text type="secondary">{` — ${how}`}</Typography.Text> : null}
      {changed ? (
        <>
          <br />
          {t('ent.commune.now', { name: `${place(changed)} (${changed.code})` })}
        </>
      ) : commune.note === 'split' ? (
        <>
          <br />
          <Typography.Text type="secondary">{t('ent.commune.note.split')}</Typography.Text>
        </>
      ) : null}
    </span>
  );
}
