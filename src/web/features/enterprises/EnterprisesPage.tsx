import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Segmented, Table, type TableColumnsType, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { SIZE_BANDS } from '../../../shared/enterprises/labels.js';
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
import { useCoverage } from '../outreach/api.js';
import { OutreachFormModal } from '../outreach/OutreachFormModal.js';
import {
  type EnterpriseListQuery,
  enterpriseKeys,
  enterprisesApi,
  type SortKey,
  type TEnterprise,
  type TEnterpriseDetail,
} from './api.js';
import { communeShortName } from './CommuneText.js';
import { CoverageStrip } from './CoverageStrip.js';
import { useEnterpriseConfig } from './config.js';
import { EnterpriseDetail } from './EnterpriseDetail.js';
import { activeFilterCount, communeFilterOf, EnterpriseFilters, type ListFilter } from './EnterpriseFilters.js';
import { EnterpriseFormModal } from './EnterpriseFormModal.js';
import { FlagTags } from './FlagTags.js';
import { ScopeBar } from './ScopeBar.js';
import { SurveyModal } from './SurveyModal.js';
import { useWorkScope } from './workScope.js';

type View = 'all' | 'queue';

const URL_FILTERS = {
  adminAreaCode: 'text',
  ownershipCode: 'text',
  sizeBand: SIZE_BANDS,
  nonState: 'bool',
  inSurveyScope: 'bool',
  eligibleForFounding: 'bool',
  hasUnion: 'bool',
  reached: 'bool',
} as const;

/**
 * The survey frame: enterprises of a unit's subtree with their derived flags, filters, sorting,
 * the Excel export of exactly what is filtered, and the work queue of non-state enterprises
 * without a union; the outreach coverage of the period on top.
 */
export function EnterprisesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { phone, wide } = useLayout();
  const scope = useWorkScope();
  const config = useEnterpriseConfig();
  const [view, setView] = useState<View>('all');
  const [term, setTerm] = useState('');
  const q = useDebounced(term.trim());
  // The coverage table links here with ?commune=<id> or ?commune=unresolved; a drill-down from the
  // dashboard opens the frame with the figure's filters (e.g. non-state, reached).
  const [params] = useSearchParams();
  const [filter, setFilter] = useState<ListFilter>(() => ({
    ...(filtersFromParams(params, URL_FILTERS) as ListFilter),
    ...communeFilterOf(params.get('commune')),
  }));
  const [filtersOpen, setFiltersOpen] = useState(() => params.has('commune'));
  const [sort, setSort] = useState<{ sort: SortKey; order: 'asc' | 'desc' }>({ sort: 'name', order: 'asc' });
  const [detailId, setDetailId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<TEnterpriseDetail | null>(null);
  const [surveying, setSurveying] = useState<TEnterpriseDetail | null>(null);
  const [outreachFor, setOutreachFor] = useState<TEnterpriseDetail | null>(null);

  const queue = view === 'queue';
  const base = {
    q: q || undefined,
    unitId: scope.unitId,
    from: scope.from,
    to: scope.to,
    ...filter,
    ...(queue ? { eligibleForFounding: undefined } : {}),
  };
  const query: EnterpriseListQuery = { ...base, ...(queue ? {} : sort) };
  const { query: list, table } = useServerTable({
    key: enterpriseKeys.list(view, query),
    fetch: (page) => (queue ? enterprisesApi.queue({ ...query, ...page }) : enterprisesApi.list({ ...query, ...page })),
  });
  // The communes offered by the filter are those of the unit's enterprises.
  const coverage = useCoverage({ unitId: scope.unitId, from: scope.from, to: scope.to });
  const refresh = () => qc.invalidateQueries({ queryKey: enterpriseKeys.all });
  const exportHref = enterprisesApi.exportUrl(queue ? { ...base, eligibleForFounding: true } : base);

  const sortOrder = (key: SortKey) =>
    !queue && sort.sort === key ? (sort.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;
  // Paging is the table hook's; a new order is a new list, which starts again on page 1.
  const onTableChange: TableProps<TEnterprise>['onChange'] = (_p, _f, sorter, { action }) => {
    if (action !== 'sort') return;
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = (s?.columnKey as SortKey | undefined) ?? 'name';
    setSort(s?.order ? { sort: key, order: s.order === 'ascend' ? 'asc' : 'desc' } : { sort: 'name', order: 'asc' });
  };

  const nameCell = (e: TEnterprise) => (
    <Typography.Link
      className="enterprise-name-link"
      onClick={(ev) => {
        ev.stopPropagation();
        setDetailId(e.id);
      }}
    >
      {e.name}
    </Typography.Link>
  );
  const sortable = !queue;
  const desktopColumns: TableColumnsType<TEnterprise> = [
    {
      key: 'mst',
      title: t('ent.col.mst'),
      dataIndex: 'mst',
      sorter: sortable,
      sortOrder: sortOrder('mst'),
      render: (v: string | null) => v ?? t('common.none'),
      width: 120,
    },
    {
      key: 'name',
      title: t('ent.col.name'),
      sorter: sortable,
      sortOrder: sortOrder('name'),
      render: (_, e) => nameCell(e),
    },
    {
      key: 'commune',
      title: t('ent.col.commune'),
      width: 130,
      // The official commune it resolved to (today's name); what was typed, marked, when it did not resolve.
      render: (_, e) =>
        communeShortName(e.commune) ?? (
          <Typography.Text className="text-unresolved">
            {e.adminAreaName ?? e.adminAreaCode ?? t('ent.commune.unresolved')}
          </Typography.Text>
        ),
    },
    {
      key: 'ownership',
      title: t('ent.col.ownership'),
      width: 170,
      render: (_, e) => config.ownershipName(e.ownershipCode),
    },
    {
      key: 'workerCount',
      title: t('ent.col.workers'),
      align: 'right',
      sorter: sortable,
      sortOrder: sortOrder('workerCount'),
      render: (_, e) => (e.workerCount === null ? t('common.none') : formatNumber(e.workerCount)),
    },
    {
      key: 'lastContactDate',
      title: t('ent.col.lastContact'),
      sorter: sortable,
      sortOrder: queue ? 'ascend' : sortOrder('lastContactDate'),
      render: (_, e) => viDate(e.lastContactDate),
      width: 120,
    },
    { key: 'flags', title: t('ent.col.flags'), width: 150, render: (_, e) => <FlagTags e={e} /> },
  ];
  // A phone gets one column per idea: which enterprise (with its tags), and how big it is.
  const phoneColumns: TableColumnsType<TEnterprise> = [
    {
      key: 'name',
      title: t('ent.col.name'),
      render: (_, e) => (
        <div className="enterprise-cell">
          {nameCell(e)}
          <Typography.Text type="secondary" className="enterprise-cell-meta">
            {[e.mst, communeShortName(e.commune) ?? e.adminAreaName, config.ownershipName(e.ownershipCode)]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
          <FlagTags e={e} />
        </div>
      ),
    },
    {
      key: 'workerCount',
      title: t('ent.col.workers'),
      align: 'right',
      width: 72,
      render: (_, e) => (e.workerCount === null ? t('common.none') : formatNumber(e.workerCount)),
    },
  ];

  const filterCount = activeFilterCount(filter);
  const filters = (
    <EnterpriseFilters value={filter} onChange={setFilter} communes={coverage.data?.byCommune ?? []} queue={queue} />
  );
  const detailBody = detailId !== null && (
    <EnterpriseDetail id={detailId} onSurvey={setSurveying} onEdit={setEditing} onOutreach={setOutreachFor} />
  );

  return (
    <div className="enterprises-page">
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('ent.title')}
        </Typography.Title>
        <div className="page-actions">
          <Button icon={<DownloadOutlined />} href={exportHref} download data-testid="enterprise-export">
            {t('ent.export')}
          </Button>
          {can('record.write') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="enterprise-create"
            >
              {t('ent.create')}
            </Button>
          )}
        </div>
      </div>
      <ScopeBar scope={scope} />
      <CoverageStrip scope={scope} surveyMin={config.surveyMin} />
      <Segmented<View>
        className="enterprise-views"
        value={view}
        onChange={setView}
        options={[
          { value: 'all', label: t('ent.tab.all') },
          { value: 'queue', label: t('ent.tab.queue', { n: config.foundingMin }) },
        ]}
        data-testid="enterprise-view"
      />
      {queue && (
        <Alert className="queue-hint" type="info" showIcon title={t('ent.queueHint', { n: config.foundingMin })} />
      )}
      <SearchToolbar
        value={term}
        onChange={setTerm}
        placeholder={t('ent.search')}
        data-testid="enterprise-search"
        phone={phone}
        filterCount={filterCount}
        onToggleFilters={() => setFiltersOpen((o) => !o)}
      />
      {(!phone || filtersOpen) && filters}
      {list.isError && <Alert type="error" showIcon title={errorText(list.error, t)} style={{ marginBottom: 12 }} />}
      <Table<TEnterprise>
        rowKey="id"
        size={phone ? 'small' : 'middle'}
        data-testid="enterprises-table"
        columns={phone ? phoneColumns : desktopColumns}
        {...table}
        // Wide enough for every column; long names and ownership kinds wrap rather than push the tags off screen.
        scroll={phone ? undefined : { x: 980 }}
        locale={{ emptyText: t('ent.empty') }}
        onChange={onTableChange}
        onRow={(e) => ({ onClick: () => setDetailId(e.id), className: 'clickable-row' })}
      />
      <Drawer
        open={detailId !== null}
        onClose={() => setDetailId(null)}
        placement={wide ? 'right' : 'bottom'}
        size={wide ? 760 : '90%'}
        title={t('ent.detail')}
        styles={{ body: { paddingTop: 12, paddingInline: phone ? 12 : 20 } }}
      >
        {detailBody}
      </Drawer>
      <EnterpriseFormModal
        open={creating || editing !== null}
        editing={editing}
        defaultUnit={{ id: scope.unitId, name: scope.unitName }}
        today={scope.today}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
        onSaved={async (d, created) => {
          message.success(created ? t('ent.created', { name: d.name }) : t('common.saved'));
          if (created) setDetailId(d.id);
          await refresh();
        }}
      />
      <SurveyModal
        enterprise={surveying}
        today={scope.today}
        onClose={() => setSurveying(null)}
        onSaved={async () => {
          message.success(t('survey.saved'));
          await refresh();
        }}
      />
      <OutreachFormModal
        open={outreachFor !== null}
        defaultUnit={{ id: outreachFor?.unitId ?? scope.unitId, name: outreachFor?.unitName ?? scope.unitName }}
        enterprises={outreachFor ? [{ id: outreachFor.id, name: outreachFor.name, mst: outreachFor.mst }] : []}
        today={scope.today}
        onClose={() => setOutreachFor(null)}
        onSaved={async () => {
          message.success(t('outreach.saved'));
          await refresh();
        }}
      />
    </div>
  );
}
