import { useQuery } from '@tanstack/react-query';
import { Select, Tag, Typography } from 'antd';
import { type CSSProperties, useState } from 'react';
import type { TOrgUnit } from '../../shared/org/contract.js';
import { useI18n } from '../app/i18n/I18nProvider.js';
import { orgApi, orgKeys } from '../features/org/api.js';
import { useUnitTypes } from '../features/org/unitTypes.js';
import { useDebounced } from './useDebounced.js';

type Props = {
  value?: number | null;
  onChange?: (id: number | null, unit: TOrgUnit | null) => void;
  /**
   * The record's date (the form's date field, watched): the tree as of that date within the caller's
   * scope then, so a 2024 admission of an ended district offers the district's 2024 unions.
   */
  asOf: string;
  typeCode?: string;
  /** Units that make no sense here (the unit being moved, its current parent…). */
  excludeIds?: number[];
  placeholder?: string;
  /** The name of the unit in `value` when it is known without a search (e.g. the user's own unit). */
  valueName?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
  /** Its name for a screen reader when no form label names it (defaults to the placeholder). */
  'aria-label'?: string;
  'data-testid'?: string;
};

/** Picks an org unit by searching the server (accent-insensitive name, or code prefix) within the user's scope. */
export function UnitSelect({
  value,
  onChange,
  asOf,
  typeCode,
  excludeIds,
  placeholder,
  valueName,
  allowClear,
  style,
  ...rest
}: Props) {
  const { t } = useI18n();
  const types = useUnitTypes();
  const [term, setTerm] = useState('');
  const q = useDebounced(term.trim());
  // Kept so the chosen unit still shows by name when the next search no longer lists it.
  const [chosen, setChosen] = useState<TOrgUnit | null>(null);
  // Ask the server only once someone opens the list or types, not for every select on the page.
  const [opened, setOpened] = useState(false);
  const search = useQuery({
    queryKey: orgKeys.search(q, asOf, typeCode),
    queryFn: () => orgApi.search(q, asOf, typeCode),
    placeholderData: (prev) => prev,
    enabled: opened || q !== '',
  });
  const exclude = new Set(excludeIds ?? []);
  const units = (search.data ?? []).filter((u) => !exclude.has(u.id));
  if (chosen && chosen.id === value && !units.some((u) => u.id === chosen.id)) units.unshift(chosen);
  const options: { value: number; label: string; unit: TOrgUnit | null }[] = units.map((u) => ({
    value: u.id,
    label: u.name,
    unit: u,
  }));
  if (value != null && valueName && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: valueName, unit: null });
  }

  return (
    <Select<number>
      {...rest}
      // A form item's <label for> names it; elsewhere (toolbars, filters) the placeholder is all there is.
      aria-label={rest['aria-label'] ?? (rest.id ? undefined : placeholder)}
      style={style}
      value={value ?? undefined}
      placeholder={placeholder}
      allowClear={allowClear}
      loading={search.isFetching}
      onOpenChange={(open) => open && setOpened(true)}
      showSearch={{ filterOption: false, onSearch: setTerm }}
      notFoundContent={search.isFetching ? t('app.loading') : t('org.searchEmpty')}
      options={options}
      optionRender={(option) => {
        const u = option.data.unit;
        if (!u) return <div className="unit-option">{option.data.label}</div>;
        return (
          <div className="unit-option">
            <span className="unit-option-name">{u.name}</span>
            <span className="unit-option-meta">
              <Tag variant="filled">{types.short(u.typeCode)}</Tag>
              <Typography.Text type="secondary">{u.code}</Typography.Text>
            </span>
          </div>
        );
      }}
      onChange={(id) => {
        const unit = units.find((u) => u.id === id) ?? null;
        setChosen(unit);
        setTerm('');
        onChange?.(id ?? null, unit);
      }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'min(560px, 96vw)' } } }}
      classNames={{ popup: { root: 'unit-select-popup' } }}
    />
  );
}
