import { DownloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { formatNumber } from '../../app/i18n/i18n.js';
import { viDate } from '../../components/format.js';
import { SearchToolbar } from '../../components/SearchToolbar.js';
import { filtersFromParams } from '../../components/urlFilters.js';
import { useDebounced } from '../../components/useDebounced.js';
import { useLayout } from '../../components/useLayout.js';
import { useServerTable } from '../../components/useServerTable.js';
import { useSession } from '../auth/session.js';
import { ScopeBar } from '../enterprises/ScopeBar.js';
import { useWorkScope } from '../enterprises/workScope.js';
import { GENDERS, type MemberFilter, memberKeys, membersApi, STATUSES, type TMember } from './api.js';
import { useMembersConfig } from './config.js';
import { MemberCounts } from './MemberCounts.js';
import { MemberDetail } from './MemberDetail.js';
import { activeFilterCount, type ListFilter, MemberFilters } from './MemberFilters.js';
import { PossibleTransfers } from './PossibleTransfers.js';
import { StatusTag } from './StatusTag.js';
import './members.css';

const PAGE_SIZE = 20;
const URL_FILTERS = {
  status: STATUSES,
  informal: 'bool',
  foreign: 'bool',
  gender: GENDERS,
  cardIssued: 'bool',
  admittedFrom: 'date',
  admittedTo: 'date',
  employerEnterpriseId: 'id',
  informalTradeCode: 'text',
  transferred: 'bool',
  partyFrom: 'date',
  partyTo: 'date',
  partyAdmittedFrom: 'date',
  partyAdmittedTo: 'date',
  endedFrom: 'date',
  endedTo: 'date',
} as const;

/**
 * Members of a unit's subtree in the order of their given names (as the server sorts them), with
 * filters, accent-free search, the Excel export of exactly what is filtered, and the period's
 * movement figures on top.
 */
export function MembersPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const { phone, wide } = useLayout();
  const scope = useWorkScope();
  const config = useMembersConfig();
  const [term, setTerm] = useState('');
  const q = useDebounced(term.trim());
  const [params] = useSearchParams();
  // A drill-down from the dashboard opens the list with the figure's filters (the records behind it).
  const [filter, setFilter] = useState<ListFilter>(() => filtersFromParams(params, URL_FILTERS) as ListFilter);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [detailId, setDetailId] = useState<number | null>(null);

  const base: MemberFilter = { q: q || undefined, unitId: scope.unitId, ...filter };
  // A new search or filter starts again on page 1 (the hook does that when the key changes).
  const { query: list, table } = useServerTable({
    key: memberKeys.list(base),
    fetch: ({ limit, offset }) => membersApi.list({ ...base, limit, offset }),
    pageSize: PAGE_SIZE,
  });
  const none = t('common.none');
  const work = (m: TMember) =>
    m.employerName ?? (m.informalTradeCode ? config.name('informal_trade', m.informalTradeCode) : null);
  const nameCell = (m: TMember) => (
    <Typography.Link
      className="member-name-link"
      onClick={(ev) => {
        ev.stopPropagation();
        setDetailId(m.id);
      }}
    >
      {m.fullName}
    </Typography.Link>
  );
  const flags = (m: TMember) => (
    <>
      {m.informal && <Tag color="orange">{t('member.informal')}</Tag>}
      {m.foreign && <Tag color="purple">{t('member.foreign', { code: m.nationality })}</Tag>}
    </>
  );

  // Where the member works sits under the union's name: one idea per column, and the table fits a laptop.
  const desktopColumns: TableColumnsType<TMember> = [
    { key: 'name', title: t('member.col.name'), render: (_, m) => nameCell(m), width: 190 },
    { key: 'birth', title: t('member.col.birth'), render: (_, m) => viDate(m.birthDate), width: 104 },
    { key: 'gender', title: t('member.col.gender'), render: (_, m) => t(`member.gender.${m.gender}`), width: 82 },
    {
      key: 'cccd',
      title: t('member.col.cccd'),
      render: (_, m) => <span className="member-cccd">{m.cccdMasked}</span>,
      width: 128,
    },
    {
      key: 'unit',
      title: t('member.col.unitWork'),
      render: (_, m) => (
        <div className="enterprise-cell">
          <span>{m.unitName}</span>
          {(work(m) || m.informal || m.foreign) && (
            <Typography.Text type="secondary" className="enterprise-cell-meta member-work">
              {work(m)} {flags(m)}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { key: 'status', title: t('member.col.status'), render: (_, m) => <StatusTag status={m.status} />, width: 128 },
    { key: 'admitted', title: t('member.col.admitted'), render: (_, m) => viDate(m.admittedOn), width: 110 },
    { key: 'card', title: t('member.col.card'), render: (_, m) => m.cardNo ?? none, width: 136 },
  ];
  // A phone gets one column for who the member is (with the facts that tell people apart) and one for the status.
  const phoneColumns: TableColumnsType<TMember> = [
    {
      key: 'name',
      title: t('member.col.name'),
      render: (_, m) => (
        <div className="enterprise-cell">
          {nameCell(m)}
          <Typography.Text type="secondary" className="enterprise-cell-meta">
            {[viDate(m.birthDate), t(`member.gender.${m.gender}`), m.cccdMasked].join(' · ')}
          </Typography.Text>
          <Typography.Text type="secondary" className="enterprise-cell-meta">
            {m.unitName}
          </Typography.Text>
          {(m.informal || m.foreign) && <span>{flags(m)}</span>}
        </div>
      ),
    },
    { key: 'status', title: t('member.col.status'), width: 104, render: (_, m) => <StatusTag status={m.status} /> },
  ];

  const filterCount = activeFilterCount(filter);
  const filters = <MemberFilters value={filter} onChange={setFilter} unitId={scope.unitId} />;
  const admitHref = `/members/admit${scope.unitId !== undefined ? `?unit=${scope.unitId}` : ''}`;

  return (
    <div className="members-page">
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('member.title')}
        </Typography.Title>
        <div className="page-actions">
          <Button icon={<DownloadOutlined />} href={membersApi.exportUrl(base)} download data-testid="member-export">
            {t('member.export')}
          </Button>
          {can('record.write') && (
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              onClick={() => navigate(admitHref)}
              data-testid="member-admit"
            >
              {t('member.admit')}
            </Button>
          )}
        </div>
      </div>
      <ScopeBar scope={scope} />
      <MemberCounts scope={scope} />
      <PossibleTransfers unitId={scope.unitId} onOpenMember={setDetailId} />
      <SearchToolbar
        value={term}
        onChange={setTerm}
        placeholder={t('member.search')}
        data-testid="member-search"
        phone={phone}
        filterCount={filterCount}
        onToggleFilters={() => setFiltersOpen((o) => !o)}
      />
      {(!phone || filtersOpen) && filters}
      {list.isError && <Alert type="error" showIcon title={errorText(list.error, t)} style={{ marginBottom: 12 }} />}
      <Table<TMember>
        rowKey="id"
        size={phone ? 'small' : 'middle'}
        data-testid="members-table"
        columns={phone ? phoneColumns : desktopColumns}
        {...table}
        scroll={phone ? undefined : { x: 1080 }}
        locale={{ emptyText: t('member.empty') }}
        onRow={(m) => ({ onClick: () => setDetailId(m.id), className: 'clickable-row' })}
        pagination={{
          ...table.pagination,
          // The list counts at most 10 000 matches: past that it says "more than" and asks to narrow.
          showTotal: (n) =>
            list.data?.totalCapped
              ? t('member.totalMore', { n: formatNumber(n) })
              : t('common.total', { n: formatNumber(n) }),
        }}
      />
      <Drawer
        open={detailId !== null}
        onClose={() => setDetailId(null)}
        placement={wide ? 'right' : 'bottom'}
        size={wide ? 720 : '90%'}
        title={t('member.detail')}
        styles={{ body: { paddingTop: 12, paddingInline: phone ? 12 : 20 } }}
      >
        {detailId !== null && <MemberDetail id={detailId} onMoved={setDetailId} today={scope.today} />}
      </Drawer>
    </div>
  );
}
