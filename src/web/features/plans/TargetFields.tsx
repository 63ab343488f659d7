import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select } from 'antd';
import { METRICS } from '../../../shared/metrics/catalogue.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';

/** A boolean filter in the form: left empty = any; yes keeps the subset, no its complement. */
export type FilterValue = 'true' | 'false' | undefined;
export type TargetValues = {
  id?: number;
  code: string;
  label?: string;
  metric: string;
  comparator: 'at_least' | 'at_most';
  goal: number;
  filters?: Record<string, FilterValue | number>;
  subTargets?: TargetValues[];
};

function FilterInputs({ path, metric }: { path: (string | number)[]; metric: string | undefined }) {
  const { t } = useI18n();
  const accepted = METRICS.find((m) => m.code === metric)?.filters ?? [];
  if (accepted.length === 0) return null;
  return (
    <div className="plan-form-row">
      {accepted.map((f) =>
        f === 'minWorkers' ? (
          <Form.Item key={f} name={[...path, 'filters', f]} label={t('plan.filter.minWorkers')}>
            <InputNumber<number> min={1} style={{ width: '100%' }} />
          </Form.Item>
        ) : (
          <Form.Item key={f} name={[...path, 'filters', f]} label={t(`plan.filter.${f}`)}>
            <Select
              allowClear
              options={[
                { value: 'true', label: t('plan.filter.yes') },
                { value: 'false', label: t('plan.filter.not') },
              ]}
            />
          </Form.Item>
        ),
      )}
    </div>
  );
}

/** The fields of one target (or sub-target): code, label, metric from the catalogue, its filters, comparator, goal. */
export function TargetFields({ name, listPath, sub }: { name: number; listPath: (string | number)[]; sub?: boolean }) {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance();
  const metric = Form.useWatch([...listPath, name, 'metric'], form) as string | undefined;
  const req = [{ required: true, message: t('common.required') }];
  return (
    <>
      <div className="plan-form-row">
        <Form.Item name={[name, 'code']} label={t('plan.target.code')} rules={req}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name={[name, 'metric']} label={t('plan.target.metric')} rules={req} style={{ gridColumn: 'span 2' }}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={METRICS.map((m) => ({ value: m.code, label: locale === 'en' ? m.label.en : m.label.vi }))}
            data-testid={`target-metric-${sub ? 'sub-' : ''}${name}`}
          />
        </Form.Item>
        <Form.Item name={[name, 'comparator']} label={t('plan.target.comparator')}>
          <Select
            options={(['at_least', 'at_most'] as const).map((c) => ({ value: c, label: t(`plan.comparator.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name={[name, 'goal']} label={t('plan.target.goal')} rules={req}>
          <InputNumber<number> min={0} style={{ width: '100%' }} />
        </Form.Item>
      </div>
      <Form.Item name={[name, 'label']} label={t('plan.target.label')}>
        <Input maxLength={500} />
      </Form.Item>
      <FilterInputs path={[name]} metric={metric} />
    </>
  );
}

export function TargetsList() {
  const { t } = useI18n();
  return (
    <Form.List name="targets">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <div key={f.key} className="plan-target ant-card ant-card-bordered" style={{ padding: 12 }}>
              <TargetFields name={f.name} listPath={['targets']} />
              <Form.List name={[f.name, 'subTargets']}>
                {(subs, subOps) => (
                  <>
                    {subs.map((s) => (
                      <div key={s.key} className="plan-sub">
                        <TargetFields name={s.name} listPath={['targets', f.name, 'subTargets']} sub />
                        <Button size="small" icon={<DeleteOutlined />} onClick={() => subOps.remove(s.name)}>
                          {t('common.remove')}
                        </Button>
                      </div>
                    ))}
                    <Button
                      size="small"
                      type="dashed"
                      icon={<PlusOutlined />}
                      style={{ marginTop: 8 }}
                      onClick={() => subOps.add({ comparator: 'at_least' })}
                    >
                      {t('plan.target.addSub')}
                    </Button>
                  </>
                )}
              </Form.List>{' '}
              <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)}>
                {t('common.remove')}
              </Button>
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ comparator: 'at_least' })}>
            {t('plan.target.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
