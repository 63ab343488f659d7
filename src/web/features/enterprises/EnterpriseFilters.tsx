import { Button, Select } from 'antd';
import { SIZE_BANDS, type SizeBand } from '../../../shared/enterprises/labels.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { foldedSearch } from '../../components/foldedSearch.js';
import type { TCoverageRow } from '../outreach/api.js';
import type { EnterpriseFilter } from './api.js';
import { useEnterpriseConfig } from './config.js';

/** The filters besides search, unit and period (those live in the page's toolbar). */
export type ListFilter = Pick<
  EnterpriseFilter,
  | 'communeId'
  | 'communeUnresolved'
  | 'ownershipCode'
  | 'sizeBand'
  | 'nonState'
  | 'inSurveyScope'
  | 'eligibleForFounding'
  | 'hasUnion'
  | 'reached'
>;
type Flag = 'nonState' | 'inSurveyScope' | 'eligibleForFounding' | 'hasUnion' | 'reached';

const UNRESOLVED = 'unresolved';

/** The commune filter a link carries (?commune=<id> or ?commune=unresolved). */
export function communeFilterOf(v: string | null): ListFilter {
  if (v === UNRESOLVED) return { communeUnresolved: true };
  return v && /^\d+$/.test(v) ? { communeId: Number(v) } : {};
}

export function activeFilterCount(f: ListFilter): number {
  return Object.values(f).filter((v) => v !== undefined).length;
}

type Props = {
  value: ListFilter;
  onChange: (next: ListFilter) => void;
  /** Communes of the unit's enterprises (from the coverage figures). */
  communes: TCoverageRow[];
  /** The work queue fixes "eligible" itself. */
  queue: boolean;
};

export function EnterpriseFilters({ value, onChange, communes, queue }: Props) {
  const { t } = useI18n();
  const config = useEnterpriseConfig();
  const set = (patch: Partial<ListFilter>) => onChange({ ...value, ...patch });

  const flag = (key: Flag, label: string) => (
    <Select<'true' | 'false'>
      key={key}
      className="filter-item"
      allowClear
      placeholder={label}
      aria-label={label}
      value={value[key] === undefined ? undefined : value[key] ? 'true' : 'false'}
      onChange={(v) => set({ [key]: v === undefined ? undefined : v === 'true' })}
      options={[
        { value: 'true', label: t('filter.yes', { label }) },
        { value: 'false', label: t('filter.no', { label }) },
      ]}
      popupMatchSelectWidth={false}
      data-testid={`filter-${key}`}
    />
  );

  return (
    <div className="enterprise-filters" data-testid="enterprise-filters">
      <Select<string>
        className="filter-item"
        allowClear
        showSearch={foldedSearch}
        placeholder={t('ent.filter.commune')}
        aria-label={t('ent.filter.commune')}
        value={
          value.communeUnresolved ? UNRESOLVED : value.communeId === undefined ? undefined : String(value.communeId)
        }
        onChange={(v) =>
          set({ ...communeFilterOf(v ?? null), ...(v ? {} : { communeId: undefined, communeUnresolved: undefined }) })
        }
        options={communes.map((c) =>
          c.communeId === null
            ? { value: UNRESOLVED, label: t('ent.filter.communeUnresolved') }
            : { value: String(c.communeId), label: `${c.adminAreaName} (${c.adminAreaCode})` },
        )}
        notFoundContent={t('ent.filter.noCommunes')}
        popupMatchSelectWidth={false}
        data-testid="filter-commune"
      />
      <Select<string>
        className="filter-item"
        allowClear
        placeholder={t('ent.filter.ownership')}
        aria-label={t('ent.filter.ownership')}
        value={value.ownershipCode}
        onChange={(v) => set({ ownershipCode: v ?? undefined })}
        options={(config.query.data?.ownershipTypes ?? []).map((o) => ({
          value: o.code,
          label: config.ownershipName(o.code),
        }))}
        popupMatchSelectWidth={false}
        data-testid="filter-ownership"
      />
      <Select<SizeBand>
        className="filter-item"
        allowClear
        placeholder={t('ent.filter.sizeBand')}
        aria-label={t('ent.filter.sizeBand')}
        value={value.sizeBand}
        onChange={(v) => set({ sizeBand: v ?? undefined })}
        options={SIZE_BANDS.map((b) => ({ value: b, label: t(`sizeBand.${b}`) }))}
        popupMatchSelectWidth={false}
        data-testid="filter-sizeBand"
      />
      {flag('nonState', t('ent.filter.nonState'))}
      {flag('inSurveyScope', t('ent.filter.inSurveyScope', { n: config.surveyMin }))}
      {!queue && flag('eligibleForFounding', t('ent.filter.eligible', { n: config.foundingMin }))}
      {flag('hasUnion', t('ent.filter.hasUnion'))}
      {flag('reached', t('ent.filter.reached'))}
      {activeFilterCount(value) > 0 && (
        <Button type="link" onClick={() => onChange({})} data-testid="filters-clear">
          {t('ent.filter.clear')}
        </Button>
      )}
    </div>
  );
}
