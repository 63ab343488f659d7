import { QrcodeOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Segmented, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatPhone } from '../../../shared/ids/index.js';
import { todayIso } from '../../../shared/text/index.js';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { viDate, viDateTime } from '../../components/format.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { useDebounced } from '../../components/useDebounced.js';
import { useLayout } from '../../components/useLayout.js';
import { useServerTable } from '../../components/useServerTable.js';
import { useSession } from '../auth/session.js';
import { type ApplicationStatus, applicationKeys, applicationsApi, type TApplication } from './api.js';
import { ApproveModal, EraseModal, RejectModal } from './DecisionModals.js';
import { LinkModal } from './LinkModal.js';
import { TransferNote } from './TransferNote.js';
import './applications.css';

const PAGE_SIZE = 20;
const STATUSES: ApplicationStatus[] = ['pending', 'approved', 'rejected'];

/** The review queue of self-applications: filter by unit and status, approve (→ admission) or reject. */
export function ApplicationsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { phone } = useLayout();
  const [params, setParams] = useSearchParams();
  const unitId = Number(params.get('unit')) || undefined;
  const status = (STATUSES as string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as ApplicationStatus)
    : 'pending';
  const [term, setTerm] = useState(params.get('q') ?? '');
  const q = useDebounced(term.trim());
  const [approving, setApproving] = useState<TApplication[] | null>(null);
  const [selected, setSelected] = useState<TApplication[]>([]);
  const [rejecting, setRejecting] = useState<TApplication | null>(null);
  const [erasing, setErasing] = useState<TApplication | null>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const canWrite = can('record.write');
  const filters = { unitId, status, q: q || undefined };
  const { query: list, table } = useServerTable({
    key: applicationKeys.list(filters),
    fetch: ({ limit, offset }) => applicationsApi.list(filters, limit, offset),
    pageSize: PAGE_SIZE,
  });

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setSelected([]);
  };
  const decided = (text: string) => {
    message.success(text);
    // Admissions change member lists and counts as well as this queue.
    void qc.invalidateQueries({ queryKey: applicationKeys.all });
    void qc.invalidateQueries({ queryKey: ['members'] });
  };

  const person = (a: TApplication) => (
    <div className="application-person">
      <Typography.Text strong>{a.fullName}</Typography.Text>
      <Typography.Text type="secondary">
        {t('applications.born', {
          date: viDate(a.birthDate),
          gender: a.gender === 'male' ? t('apply.male') : t('apply.female'),
        })}
      </Typography.Text>
      {phone && (
        <Typography.Text type="secondary">
          {a.cccdMasked} · {formatPhone(a.phone)}
        </Typography.Text>
      )}
      {phone && <span>{work(a)}</span>}
      <div className="application-flags">
        {a.cccdWarnings.length > 0 && (
          <Tag color="orange" title={a.cccdWarnings.join('; ')}>
            {t('applications.warnings')}
          </Tag>
        )}
        {a.activeElsewhere && (
          <Tag color="red" data-testid={`application-transfer-${a.id}`}>
            {t('applications.transfer')}: <TransferNote a={a} />
          </Tag>
        )}
      </div>
    </div>
  );
  const work = (a: TApplication) =>
    a.informalTradeCode
      ? t('applications.informal', { trade: a.informalTradeName ?? a.informalTradeCode })
      : (a.workplace ?? t('common.none'));
  const eraseButton = (a: TApplication) => (
    <Button size="small" type="link" onClick={() => setErasing(a)} data-testid={`application-erase-${a.id}`}>
      {t('erase.action')}
    </Button>
  );
  const actions = (a: TApplication) =>
    a.status === 'pending' ? (
      canWrite && (
        <div className="application-actions">
          <Button
            type="primary"
            size="small"
            onClick={() => setApproving([a])}
            data-testid={`application-approve-${a.id}`}
          >
            {t('applications.approve')}
          </Button>
          <Button size="small" danger onClick={() => setRejecting(a)} data-testid={`application-reject-${a.id}`}>
            {t('applications.reject')}
          </Button>
          {eraseButton(a)}
        </div>
      )
    ) : (
      <div className="application-person">
        <Tag color={a.status === 'approved' ? 'green' : 'default'}>{t(`applications.status.${a.status}`)}</Tag>
        {a.rejectReason && (
          <Typography.Text type="secondary">
            {t('applications.rejectReason', { reason: a.rejectReason })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">{viDateTime(a.decidedAt)}</Typography.Text>
        {a.status === 'rejected' && canWrite && eraseButton(a)}
      </div>
    );

  const columns: TableColumnsType<TApplication> = phone
    ? [
        { key: 'person', title: t('applications.col.person'), render: (_, a) => person(a) },
        { key: 'actions', title: '', render: (_, a) => actions(a), width: 120 },
      ]
    : [
        { key: 'person', title: t('applications.col.person'), render: (_, a) => person(a), width: 230 },
        { key: 'cccd', title: t('applications.col.cccd'), dataIndex: 'cccdMasked', width: 130 },
        { key: 'phone', title: t('applications.col.phone'), render: (_, a) => formatPhone(a.phone), width: 130 },
        { key: 'work', title: t('applications.col.work'), render: (_, a) => work(a) },
        { key: 'unit', title: t('applications.col.unit'), dataIndex: 'unitName' },
        {
          key: 'submitted',
          title: t('applications.col.submitted'),
          render: (_, a) => (
            <span title={t('applications.consentAt', { at: viDateTime(a.consentAt), version: a.consentVersion })}>
              {viDateTime(a.submittedAt)}
            </span>
          ),
          width: 140,
        },
        {
          key: 'actions',
          title: status === 'pending' ? t('common.actions') : t('applications.col.result'),
          render: (_, a) => actions(a),
          width: 200,
        },
      ];

  return (
    <div>
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('applications.title')}
        </Typography.Title>
        <Button icon={<QrcodeOutlined />} onClick={() => setLinkOpen(true)} data-testid="apply-link-open">
          {t('applications.linkButton')}
        </Button>
      </div>
      <div className="applications-filters">
        <UnitSelect
          value={unitId ?? null}
          onChange={(id) => setParam('unit', id ? String(id) : undefined)}
          asOf={todayIso()}
          allowClear
          placeholder={t('applications.allUnits')}
          style={{ minWidth: phone ? '100%' : 320 }}
          data-testid="applications-unit"
        />
        <Segmented<ApplicationStatus>
          value={status}
          onChange={(s) => setParam('status', s === 'pending' ? undefined : s)}
          options={STATUSES.map((s) => ({ value: s, label: t(`applications.status.${s}`) }))}
          data-testid="applications-status"
        />
        <Input.Search
          value={term}
          onChange={(e) => setTerm(e.target.value)}
          allowClear
          placeholder={t('applications.search')}
          style={{ maxWidth: phone ? '100%' : 300 }}
          data-testid="applications-search"
        />
      </div>
      {canWrite && status === 'pending' && selected.length > 0 && (
        <div className="applications-bulk">
          <Button type="primary" onClick={() => setApproving(selected)} data-testid="applications-approve-selected">
            {t('applications.approveSelected', { n: selected.length })}
          </Button>
        </div>
      )}
      {list.isError && <Alert type="error" showIcon title={errorText(list.error, t)} style={{ marginBottom: 12 }} />}
      <Table<TApplication>
        rowKey="id"
        rowSelection={
          canWrite && status === 'pending'
            ? {
                selectedRowKeys: selected.map((a) => a.id),
                onChange: (_, rows) => setSelected(rows),
                preserveSelectedRowKeys: true,
              }
            : undefined
        }
        size={phone ? 'small' : 'middle'}
        columns={columns}
        {...table}
        locale={{ emptyText: status === 'pending' ? t('applications.emptyPending') : t('applications.empty') }}
        data-testid="applications-table"
      />
      <ApproveModal
        applications={approving}
        onClose={() => setApproving(null)}
        onDone={(done) => {
          setSelected([]);
          decided(
            done.length === 1 && done[0]
              ? t('applications.approved', { name: done[0].fullName })
              : t('applications.approvedMany', { n: done.length }),
          );
        }}
      />
      <RejectModal
        application={rejecting}
        onClose={() => setRejecting(null)}
        onDone={(a) => decided(t('applications.rejected', { name: a.fullName }))}
      />
      <EraseModal
        application={erasing}
        onClose={() => setErasing(null)}
        onDone={(a) => decided(t('erase.done', { name: a.fullName }))}
      />
      {linkOpen && <LinkModal open={linkOpen} onClose={() => setLinkOpen(false)} unitId={unitId} />}
    </div>
  );
}
