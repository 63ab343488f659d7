import { Button, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { DateInput } from '../../components/DateInput.js';
import { UnitSelect } from '../../components/UnitSelect.js';

type Props = {
  asOf: string;
  today: string;
  onAsOfChange: (iso: string) => void;
  onFound: (id: number) => void;
};

/** "As of" date and unit search: the two ways into the tree. */
export function OrgToolbar({ asOf, today, onAsOfChange, onFound }: Props) {
  const { t } = useI18n();
  // The search box empties after each pick (a fresh select), so picking the same unit again still reveals it.
  const [searchKey, setSearchKey] = useState(0);
  return (
    <div className="org-toolbar">
      <div className="org-asof">
        <label className="org-asof-label" htmlFor="org-as-of">
          {t('org.asOf')}
        </label>
        <Space.Compact>
          <DateInput
            id="org-as-of"
            data-testid="as-of-date"
            value={asOf}
            allowClear={false}
            onChange={(d) => d && onAsOfChange(d)}
            style={{ width: 150 }}
          />
          <Button onClick={() => onAsOfChange(today)} disabled={asOf === today} data-testid="as-of-today">
            {t('date.today')}
          </Button>
        </Space.Compact>
      </div>
      <UnitSelect
        key={searchKey}
        asOf={asOf}
        placeholder={t('org.search')}
        onChange={(id) => {
          setSearchKey((k) => k + 1);
          if (id !== null) onFound(id);
        }}
        style={{ flex: '1 1 260px', minWidth: 0, maxWidth: 520 }}
        data-testid="unit-search"
      />
    </div>
  );
}
