import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Input } from 'antd';
import { useI18n } from '../app/i18n/I18nProvider.js';

type Props = {
  value: string;
  onChange: (term: string) => void;
  placeholder: string;
  'data-testid': string;
  /** On a phone the filters fold away behind a button that counts the active ones. */
  phone: boolean;
  filterCount: number;
  onToggleFilters: () => void;
};

/** The search box above a list, with the phone's filter toggle beside it. */
export function SearchToolbar({ value, onChange, placeholder, phone, filterCount, onToggleFilters, ...rest }: Props) {
  const { t } = useI18n();
  return (
    <div className="enterprise-toolbar">
      <Input.Search
        className="enterprise-search"
        allowClear
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={rest['data-testid']}
      />
      {phone && (
        <Badge count={filterCount} size="small">
          <Button icon={<FilterOutlined />} onClick={onToggleFilters} data-testid="filters-toggle">
            {t('ent.filters')}
          </Button>
        </Badge>
      )}
    </div>
  );
}
