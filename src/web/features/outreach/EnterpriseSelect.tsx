import { useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { useDebounced } from '../../components/useDebounced.js';
import { enterpriseKeys, enterprisesApi } from '../enterprises/api.js';

export type PickedEnterprise = { id: number; name: string; mst: string | null };

type Props = {
  value?: number[];
  onChange?: (ids: number[]) => void;
  /** Limits the search to this unit's subtree (the unit that held the event). */
  unitId?: number;
  /** Names of enterprises chosen before (e.g. the one the form was opened from). */
  known?: PickedEnterprise[];
  id?: string;
  'aria-label'?: string;
  'data-testid'?: string;
};

/** Several enterprises, found by the server's accent-insensitive search on name or MST prefix. */
export function EnterpriseSelect({ value, onChange, unitId, known = [], ...rest }: Props) {
  const { t } = useI18n();
  const [term, setTerm] = useState('');
  const q = useDebounced(term.trim());
  const [opened, setOpened] = useState(false);
  // Chosen ones keep their names when the next search no longer lists them.
  const [chosen, setChosen] = useState<Map<number, PickedEnterprise>>(() => new Map(known.map((k) => [k.id, k])));
  const search = useQuery({
    queryKey: enterpriseKeys.search(q, unitId),
    queryFn: () => enterprisesApi.list({ q, unitId, limit: 20 }),
    placeholderData: (prev) => prev,
    enabled: opened || q !== '',
  });
  const found: PickedEnterprise[] = (search.data?.items ?? []).map((e) => ({ id: e.id, name: e.name, mst: e.mst }));
  const all = new Map<number, PickedEnterprise>();
  for (const id of value ?? []) {
    const e = chosen.get(id) ?? known.find((k) => k.id === id);
    if (e) all.set(id, e);
  }
  for (const e of found) all.set(e.id, e);

  return (
    <Select<number[]>
      {...rest}
      mode="multiple"
      value={value ?? []}
      loading={search.isFetching}
      onOpenChange={(open) => open && setOpened(true)}
      showSearch={{ filterOption: false, onSearch: setTerm }}
      placeholder={t('outreach.enterprisesSearch')}
      // A form item's <label for> names it; as a list filter the placeholder is all there is.
      aria-label={rest['aria-label'] ?? (rest.id ? undefined : t('outreach.enterprisesSearch'))}
      notFoundContent={search.isFetching ? t('app.loading') : t('ent.empty')}
      options={[...all.values()].map((e) => ({ value: e.id, label: e.name, e }))}
      optionRender={(option) => (
        <div className="unit-option">
          <span className="unit-option-name">{option.data.e.name}</span>
          {option.data.e.mst && (
            <Typography.Text type="secondary" className="unit-option-meta">
              {option.data.e.mst}
            </Typography.Text>
          )}
        </div>
      )}
      onChange={(ids) => {
        setChosen((prev) => {
          const next = new Map(prev);
          for (const id of ids) {
            const e = all.get(id);
            if (e) next.set(id, e);
          }
          return next;
        });
        setTerm('');
        onChange?.(ids);
      }}
      style={{ width: '100%' }}
    />
  );
}
