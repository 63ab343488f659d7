import { useQuery } from '@tanstack/react-query';
import { Button, Select } from 'antd';
import { AUDIT_ACTION_CODES, auditActionLabel } from '../../../shared/audit/labels.js';
import { compareIso, todayIso } from '../../../shared/text/index.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { DateInput } from '../../components/DateInput.js';
import { foldedSearch } from '../../components/foldedSearch.js';
import { PeriodShortcuts } from '../../components/PeriodShortcuts.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { usersApi } from '../users/api.js';
import type { AuditFilter } from './api.js';

type Props = { value: AuditFilter; onChange: (next: AuditFilter) => void };

/** Who, what, which unit (its subtree) and which days: all applied by the server. */
export function AuditFilters({ value, onChange }: Props) {
  const { t, locale } = useI18n();
  const today = todayIso();
  const set = (patch: Partial<AuditFilter>) => onChange({ ...value, ...patch });
  // The people who can appear are those the administrator manages: their scope's users.
  const users = useQuery({ queryKey: ['audit', 'users'], queryFn: () => usersApi.list('', 200, 0) });
  const actions = AUDIT_ACTION_CODES.map((code) => ({ value: code, label: auditActionLabel(code, locale) ?? code }));
  return (
    <div className="audit-filters" data-testid="audit-filters">
      <Select<number>
        className="filter-item"
        allowClear
        showSearch={foldedSearch}
        placeholder={t('audit.filter.user')}
        aria-label={t('audit.filter.user')}
        value={value.userId}
        onChange={(v) => set({ userId: v ?? undefined })}
        options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` }))}
        popupMatchSelectWidth={false}
        data-testid="audit-filter-user"
      />
      <Select<string>
        className="filter-item"
        allowClear
        showSearch={foldedSearch}
        placeholder={t('audit.filter.action')}
        aria-label={t('audit.filter.action')}
        value={value.action}
        onChange={(v) => set({ action: v ?? undefined })}
        options={actions}
        popupMatchSelectWidth={false}
        data-testid="audit-filter-action"
      />
      <UnitSelect
        asOf={today}
        value={value.unitId ?? null}
        onChange={(id) => set({ unitId: id ?? undefined })}
        placeholder={t('audit.filter.unit')}
        allowClear
        style={{ minWidth: 220 }}
        data-testid="audit-filter-unit"
      />
      <DateInput
        className="filter-item"
        placeholder={t('period.from')}
        aria-label={t('period.from')}
        value={value.from ?? null}
        onChange={(d) =>
          set({ from: d ?? undefined, ...(d && value.to && compareIso(d, value.to) > 0 ? { to: d } : {}) })
        }
        data-testid="audit-filter-from"
      />
      <DateInput
        className="filter-item"
        placeholder={t('period.to')}
        aria-label={t('period.to')}
        value={value.to ?? null}
        onChange={(d) =>
          set({ to: d ?? undefined, ...(d && value.from && compareIso(d, value.from) < 0 ? { from: d } : {}) })
        }
        data-testid="audit-filter-to"
      />
      <PeriodShortcuts
        today={today}
        from={value.from ?? ''}
        to={value.to ?? ''}
        onChange={(from, to) => set({ from, to })}
      />
      {Object.values(value).some((v) => v !== undefined) && (
        <Button type="link" onClick={() => onChange({})} data-testid="audit-filters-clear">
          {t('audit.filter.clear')}
        </Button>
      )}
    </div>
  );
}
