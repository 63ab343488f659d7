import { useQuery } from '@tanstack/react-query';
import { Alert, Form, type FormInstance } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../app/i18n/I18nProvider.js';
import { viDate } from '../../../components/format.js';
import { UnitSelect } from '../../../components/UnitSelect.js';
import { orgApi, orgKeys } from '../api.js';

export type LaterParentValue = { date: string; parentId: number | null };

/**
 * A unit founded on a past date under a parent that later ended: one question per later end ("on
 * 01/07/2025 this CĐCS moved to …"), the successor proposed, each picked in the tree as of that date.
 */
export function LaterParents({ form, parentId, date }: { form: FormInstance; parentId: number; date: string }) {
  const { t } = useI18n();
  const questions = useQuery({
    queryKey: orgKeys.laterParents(parentId, date),
    queryFn: () => orgApi.laterParents(parentId, date),
  });
  const list = questions.data ?? [];
  useEffect(() => {
    form.setFieldValue(
      'laterParents',
      (questions.data ?? []).map((q) => ({ date: q.date, parentId: q.proposedParentId })),
    );
  }, [questions.data, form]);
  if (list.length === 0) return null;
  return (
    <div className="later-parents" data-testid="later-parents">
      <Alert type="info" showIcon title={t('action.laterTitle')} description={t('action.laterIntro')} />
      {list.map((q, i) => (
        <div key={q.date}>
          <Form.Item name={['laterParents', i, 'date']} hidden>
            <input />
          </Form.Item>
          <Form.Item
            name={['laterParents', i, 'parentId']}
            label={t(q.kind === 'merge' ? 'action.laterMerge' : 'action.laterDissolve', {
              date: viDate(q.date),
              parent: q.parentName,
            })}
            extra={t('action.laterHint')}
          >
            <UnitSelect
              asOf={q.date}
              valueName={q.proposedParentName ?? undefined}
              allowClear
              style={{ width: '100%' }}
              data-testid={`later-parent-${i}`}
            />
          </Form.Item>
        </div>
      ))}
    </div>
  );
}
