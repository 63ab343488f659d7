import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Input, InputNumber, Modal, Radio, Skeleton, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { formatNumber } from '../../app/i18n/i18n.js';
import { DateInput } from '../../components/DateInput.js';
import { planKeys, plansApi } from './api.js';

type Target = { id: number; code: string; label: string | null; goal: number };
type Props = { planId: number; target: Target | null; onClose: () => void };
type Row = { unitId: number; unitName: string; had: boolean };

/**
 * Giao chỉ tiêu: the child units with a share input each, the sum against the goal as it is typed,
 * the children still without a share highlighted, and a confirmation when the sum exceeds the goal.
 */
export function SharesModal({ planId, target, onClose }: Props) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const open = target !== null;
  const view = useQuery({
    queryKey: planKeys.shares(planId, target?.id ?? 0),
    queryFn: () => plansApi.shares(planId, target?.id ?? 0),
    enabled: open,
  });
  const [goals, setGoals] = useState<Record<number, number | null>>({});
  const [byDecision, setByDecision] = useState(false);
  const [decisionNo, setDecisionNo] = useState('');
  const [decidedOn, setDecidedOn] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  // A fresh copy of the saved shares each time the dialog opens on a target.
  useEffect(() => {
    if (!view.data) return;
    setGoals(Object.fromEntries(view.data.shares.map((s) => [s.unitId, s.goal])));
    const a = view.data.shares.find((s) => s.assignment)?.assignment;
    setByDecision(a !== undefined && a !== null);
    setDecisionNo(a?.number ?? '');
    setDecidedOn(a?.decidedOn ?? null);
    setError(null);
  }, [view.data]);

  const rows: Row[] = view.data
    ? [
        ...view.data.shares.map((s) => ({ unitId: s.unitId, unitName: s.unitName, had: true })),
        ...view.data.withoutShare.map((u) => ({ unitId: u.unitId, unitName: u.unitName, had: false })),
      ]
    : [];
  const entered = rows.filter((r) => goals[r.unitId] !== null && goals[r.unitId] !== undefined);
  const sum = entered.reduce((acc, r) => acc + (goals[r.unitId] ?? 0), 0);
  const goal = view.data?.goal ?? target?.goal ?? 0;
  const exceeds = sum > goal;
  const missing = rows.length - entered.length;

  const save = useMutation({
    mutationFn: (confirm: boolean) =>
      plansApi.putShares(planId, target?.id ?? 0, {
        shares: entered.map((r) => ({ unitId: r.unitId, goal: goals[r.unitId] ?? 0 })),
        assignment: byDecision ? { number: decisionNo.trim(), decidedOn: decidedOn ?? '' } : null,
        confirm,
      }),
    onSuccess: async (answer) => {
      await qc.invalidateQueries({ queryKey: planKeys.all });
      message.success(t('plan.shares.saved', { n: answer.shares.length }));
      onClose();
    },
    onError: (err) => setError(errorText(err, t)),
  });

  const submit = () => {
    setError(null);
    if (!exceeds) return save.mutate(false);
    modal.confirm({
      title: t('plan.shares.exceedsConfirm'),
      content: t('plan.shares.exceeds', { sum: formatNumber(sum), goal: formatNumber(goal) }),
      okText: t('common.save'),
      cancelText: t('common.cancel'),
      onOk: () => save.mutate(true),
    });
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      title={target ? t('plan.shares.title', { code: target.code }) : ''}
      width={640}
      destroyOnHidden
      data-testid="shares-modal"
    >
      {view.isPending && <Skeleton active />}
      {view.isError && <Alert type="error" showIcon title={errorText(view.error, t)} />}
      {view.data && (
        <div className="shares-body">
          {target?.label && <Typography.Paragraph>{target.label}</Typography.Paragraph>}
          <div className="shares-sum" data-testid="shares-sum" aria-live="polite">
            <Typography.Text strong type={exceeds ? 'danger' : undefined}>
              {t('plan.shares.sum', { sum: formatNumber(sum), goal: formatNumber(goal) })}
            </Typography.Text>
            {missing > 0 && (
              <Typography.Text type="warning" data-testid="shares-missing">
                {' · '}
                {t('plan.shares.missing', { n: missing })}
              </Typography.Text>
            )}
          </div>
          {exceeds && (
            <Alert
              type="warning"
              showIcon
              style={{ margin: '8px 0' }}
              data-testid="shares-exceeds"
              title={t('plan.shares.exceeds', { sum: formatNumber(sum), goal: formatNumber(goal) })}
            />
          )}
          <Table<Row>
            rowKey="unitId"
            size="small"
            pagination={false}
            dataSource={rows}
            data-testid="shares-table"
            locale={{ emptyText: t('plan.shares.noChildren') }}
            rowClassName={(r) => (goals[r.unitId] === null || goals[r.unitId] === undefined ? 'dash-row-noshare' : '')}
            scroll={rows.length > 8 ? { y: 320 } : undefined}
            columns={[
              { key: 'unit', title: t('plan.shares.unit'), dataIndex: 'unitName' },
              {
                key: 'share',
                title: t('plan.shares.share'),
                width: 160,
                render: (_, r) => (
                  <InputNumber<number>
                    min={0}
                    value={goals[r.unitId] ?? null}
                    onChange={(v) => setGoals((g) => ({ ...g, [r.unitId]: v }))}
                    aria-label={`${t('plan.shares.share')} — ${r.unitName}`}
                    style={{ width: '100%' }}
                    data-testid={`share-input-${r.unitId}`}
                  />
                ),
              },
            ]}
          />
          <Radio.Group
            value={byDecision}
            onChange={(e) => setByDecision(e.target.value as boolean)}
            style={{ display: 'flex', flexDirection: 'column', gap: 6, marginTop: 12 }}
            data-testid="shares-mode"
          >
            <Radio value={false}>{t('plan.shares.direct')}</Radio>
            <Radio value={true}>{t('plan.shares.decision')}</Radio>
          </Radio.Group>
          {byDecision && (
            <div className="scope-bar" style={{ marginTop: 8 }}>
              <div className="scope-field">
                <label className="scope-label" htmlFor="shares-decision-no">
                  {t('plan.shares.decisionNo')}
                </label>
                <Input id="shares-decision-no" value={decisionNo} onChange={(e) => setDecisionNo(e.target.value)} />
              </div>
              <div className="scope-field">
                <label className="scope-label" htmlFor="shares-decided-on">
                  {t('plan.shares.decidedOn')}
                </label>
                <DateInput id="shares-decided-on" value={decidedOn} onChange={setDecidedOn} />
              </div>
            </div>
          )}
          {error && <Alert type="error" showIcon style={{ marginTop: 12 }} title={error} data-testid="shares-error" />}
        </div>
      )}
    </Modal>
  );
}
