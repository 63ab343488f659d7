import { InputNumber, type InputNumberProps } from 'antd';
import { formatNumber } from '../app/i18n/i18n.js';

type Props = Omit<InputNumberProps<number>, 'formatter' | 'parser' | 'precision' | 'min'>;

/** A whole, non-negative number (people, đồng) shown with Vietnamese grouping (1.234.567); a phone gets the digit keypad. */
export function CountInput(props: Props) {
  return (
    <InputNumber<number>
      min={0}
      precision={0}
      inputMode="numeric"
      style={{ width: '100%' }}
      {...props}
      formatter={(v) => {
        // While typing, v is the raw text ("1.2345"): group its digits again rather than read a decimal.
        const digits = `${v ?? ''}`.replace(/\D/g, '');
        return digits === '' ? '' : formatNumber(Number(digits));
      }}
      // Dots are thousands separators here, never decimals: keep the digits (antd reads '' as empty).
      parser={(text) => (text ?? '').replace(/\D/g, '') as unknown as number}
    />
  );
}
