import { Button, Select } from 'antd';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { DateInput } from '../../components/DateInput.js';
import { foldedSearch } from '../../components/foldedSearch.js';
import { EnterpriseSelect } from '../outreach/EnterpriseSelect.js';
import { GENDERS, type MemberFilter, STATUSES } from './api.js';
import { useMembersConfig } from './config.js';

/** The filters besides search and unit (those live in the page's toolbar and scope bar). */
export type ListFilter = Omit<MemberFilter, 'q' | 'unitId'>;
type Flag = 'informal' | 'foreign' | 'cardIssued';

export function activeFilterCount(f: ListFilter): number {
  return Object.values(f).filter((v) => v !== undefined).length;
}

type Props = { value: ListFilter; onChange: (next: ListFilter) => void; unitId?: number };

export function MemberFilters({ value, onChange, unitId }: Props) {
  const { t } = useI18n();
  const config = useMembersConfig();
  const set = (patch: Partial<ListFilter>) => onChange({ ...value, ...patch });

  const flag = (key: Flag, yes: string, no: string) => (
    <Select<'true' | 'false'>
      key={key}
      className="filter-item"
      allowClear
      placeholder={t(`member.filter.${key}`)}
      aria-label={t(`member.filter.${key}`)}
      value={value[key] === undefined ? undefined : value[key] ? 'true' : 'false'}
      onChange={(v) => set({ [key]: v === undefined ? undefined : v === 'true' })}
      options={[
        { value: 'true', label: yes },
        { value: 'false', label: no },
      ]}
      popupMatchSelectWidth={false}
      data-testid={`member-filter-${key}`}
    />
  );

  return (
    <div className="enterprise-filters member-filters" data-testid="member-filters">
      <Select
        className="filter-item"
        allowClear
        placeholder={t('member.filter.status')}
        aria-label={t('member.filter.status')}
        value={value.status}
        onChange={(v) => set({ status: v ?? undefined })}
        options={STATUSES.map((s) => ({ value: s, label: t(`member.status.${s}`) }))}
        popupMatchSelectWidth={false}
        data-testid="member-filter-status"
      />
      <Select
        className="filter-item"
        allowClear
        placeholder={t('member.filter.gender')}
        aria-label={t('member.filter.gender')}
        value={value.gender}
        onChange={(v) => set({ gender: v ?? undefined })}
        options={GENDERS.map((g) => ({ value: g, label: t(`member.gender.${g}`) }))}
        popupMatchSelectWidth={false}
        data-testid="member-filter-gender"
      />
      {flag('informal', t('member.filter.informalYes'), t('member.filter.informalNo'))}
      {flag('foreign', t('member.filter.foreignYes'), t('member.filter.foreignNo'))}
      {flag('cardIssued', t('member.filter.cardYes'), t('member.filter.cardNo'))}
      <Select<string>
        className="filter-item"
        allowClear
        showSearch={foldedSearch}
        placeholder={t('member.filter.trade')}
        aria-label={t('member.filter.trade')}
        value={value.informalTradeCode}
        onChange={(v) => set({ informalTradeCode: v ?? undefined })}
        options={config.options('informal_trade')}
        popupMatchSelectWidth={false}
        data-testid="member-filter-trade"
      />
      <div className="filter-item member-filter-employer">
        <EnterpriseSelect
          unitId={unitId}
          value={value.employerEnterpriseId ? [value.employerEnterpriseId] : []}
          onChange={(ids) => set({ employerEnterpriseId: ids.at(-1) })}
          data-testid="member-filter-employer"
        />
      </div>
      <DateInput
        className="filter-item"
        placeholder={t('member.filter.admittedFrom')}
        aria-label={t('member.filter.admittedFrom')}
        value={value.admittedFrom ?? null}
        onChange={(d) => set({ admittedFrom: d ?? undefined })}
        data-testid="member-filter-admittedFrom"
      />
      <DateInput
        className="filter-item"
        placeholder={t('member.filter.admittedTo')}
        aria-label={t('member.filter.admittedTo')}
        value={value.admittedTo ?? null}
        onChange={(d) => set({ admittedTo: d ?? undefined })}
        data-testid="member-filter-admittedTo"
      />
      {activeFilterCount(value) > 0 && (
        <Button type="link" onClick={() => onChange({})} data-testid="member-filters-clear">
          {t('member.filter.clear')}
        </Button>
      )}
    </div>
  );
}
