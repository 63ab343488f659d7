import { DatePicker, type DatePickerProps } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../app/i18n/I18nProvider.js';

/** Shown as dd/mm/yyyy; typed input may also use d/m/yyyy, dashes or dots. */
const FORMATS = ['DD/MM/YYYY', 'D/M/YYYY', 'DD-MM-YYYY', 'DD.MM.YYYY'];

type Props = Omit<DatePickerProps, 'value' | 'onChange' | 'format' | 'picker'> & {
  /** ISO YYYY-MM-DD, the only form dates travel in. */
  value?: string | null;
  onChange?: (iso: string | null) => void;
};

/** A calendar date picker that speaks ISO strings to forms and dd/mm/yyyy to people. */
export function DateInput({ value, onChange, placeholder, ...rest }: Props) {
  const { t } = useI18n();
  return (
    <DatePicker
      {...rest}
      format={FORMATS}
      placeholder={placeholder ?? t('date.placeholder')}
      value={value ? dayjs(value) : null}
      onChange={(d) => {
        const day = Array.isArray(d) ? d[0] : d;
        onChange?.(day ? day.format('YYYY-MM-DD') : null);
      }}
    />
  );
}
