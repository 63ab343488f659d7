import { DeleteOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Radio, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form/index.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { countryOptions } from '../../components/countries.js';
import { DateInput } from '../../components/DateInput.js';
import { foldedSearch } from '../../components/foldedSearch.js';
import { EnterpriseSelect } from '../outreach/EnterpriseSelect.js';
import { useMembersConfig } from './config.js';

/**
 * One person of the decision, as a row of the form list: identity first, then work and origin.
 * Ethnicity and religion are asked only of officers who may read them back.
 */
export function AdmitPersonRow({
  row,
  index,
  removable,
  onRemove,
  unitId,
  sensitive,
  warned,
  rules,
}: {
  row: number;
  index: number;
  removable: boolean;
  onRemove: () => void;
  unitId: number | undefined;
  sensitive: boolean;
  warned: boolean;
  rules: Rule[];
}) {
  const { t, locale } = useI18n();
  const config = useMembersConfig();
  return (
    <div className="admit-person" data-testid={`admit-row-${index}`}>
      <div className="admit-person-head">
        <Typography.Text strong>{t('admit.row', { n: index + 1 })}</Typography.Text>
        {removable && (
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('admit.removeRow')}
            onClick={onRemove}
            data-testid={`admit-remove-${index}`}
          />
        )}
      </div>
      <div className="admit-person-fields">
        <Form.Item
          name={[row, 'fullName']}
          label={t('admit.field.fullName')}
          required
          rules={rules}
          className="admit-span-2"
        >
          <Input maxLength={120} autoComplete="off" />
        </Form.Item>
        <Form.Item name={[row, 'birthDate']} label={t('admit.field.birthDate')} required rules={rules}>
          <DateInput style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name={[row, 'gender']} label={t('admit.field.gender')} required rules={rules}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'male', label: t('member.gender.male') },
              { value: 'female', label: t('member.gender.female') },
            ]}
          />
        </Form.Item>
        <Form.Item name={[row, 'cccd']} label={t('admit.field.cccd')} required rules={rules}>
          <Input maxLength={30} inputMode="numeric" autoComplete="off" />
        </Form.Item>
        <Form.Item name={[row, 'phone']} label={t('admit.field.phone')}>
          <Input maxLength={30} inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name={[row, 'employerEnterpriseId']}
          label={t('admit.field.employerEnterpriseId')}
          className="admit-span-2"
          getValueProps={(v: number | null | undefined) => ({ value: v ? [v] : [] })}
          normalize={(ids: number[]) => ids.at(-1) ?? null}
        >
          <EnterpriseSelect unitId={unitId} />
        </Form.Item>
        <Form.Item name={[row, 'informalTradeCode']} label={t('admit.field.informalTradeCode')}>
          <Select
            allowClear
            showSearch={foldedSearch}
            options={config.options('informal_trade')}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        <Form.Item name={[row, 'nationality']} label={t('admit.field.nationality')}>
          <Select showSearch={foldedSearch} options={countryOptions(locale)} popupMatchSelectWidth={false} />
        </Form.Item>
        {sensitive && (
          <>
            <Form.Item name={[row, 'ethnicityCode']} label={t('admit.field.ethnicityCode')}>
              <Select
                allowClear
                showSearch={foldedSearch}
                options={config.options('ethnicity')}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
            <Form.Item name={[row, 'religionCode']} label={t('admit.field.religionCode')}>
              <Select
                allowClear
                showSearch={foldedSearch}
                options={config.options('religion')}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          </>
        )}
      </div>
      {warned && (
        <Form.Item name={[row, 'confirmWarnings']} valuePropName="checked" className="admit-confirm">
          <Checkbox data-testid={`admit-confirm-${index}`}>{t('admit.confirmWarnings')}</Checkbox>
        </Form.Item>
      )}
    </div>
  );
}
