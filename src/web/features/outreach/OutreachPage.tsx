import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { formatNumber } from '../../app/i18n/i18n.js';
import { viDate } from '../../components/format.js';
import { useLayout } from '../../components/useLayout.js';
import { useServerTable } from '../../components/useServerTable.js';
import { useSession } from '../auth/session.js';
import { enterpriseKeys } from '../enterprises/api.js';
import { useEnterpriseConfig } from '../enterprises/config.js';
import { ScopeBar } from '../enterprises/ScopeBar.js';
import { useWorkScope } from '../enterprises/workScope.js';
import { outreachApi, outreachKeys, type TOutreach, useOutreachConfig } from './api.js';
import { CoveragePanel } from './CoveragePanel.js';
import { OutreachAttachments } from './OutreachAttachments.js';
import { OutreachFormModal } from './OutreachFormModal.js';

/** Outreach events of a unit's subtree in a period, how much of the survey frame they reached, and a form to record one. */
export function OutreachPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { phone } = useLayout();
  const scope = useWorkScope();
  const config = useOutreachConfig();
  const entConfig = useEnterpriseConfig();
  const canWrite = can('record.write');
  const [creating, setCreating] = useState(false);
  const period = { unitId: scope.unitId, from: scope.from, to: scope.to };
  const { query: list, table } = useServerTable({
    key: outreachKeys.list(period),
    fetch: ({ limit, offset }) => outreachApi.list(period, limit, offset),
  });

  const enterprisesCell = (o: TOutreach) =>
    o.enterprises.length === 0 ? (
      t('common.none')
    ) : (
      <div className="outreach-enterprises">
        {o.enterprises.slice(0, 3).map((e) => (
          <span key={e.id}>{e.name}</span>
        ))}
        {o.enterprises.length > 3 && (
          <Typography.Text type="secondary">{t('outreach.more', { n: o.enterprises.length - 3 })}</Typography.Text>
        )}
      </div>
    );
  const topicTags = (o: TOutreach) => (
    <div className="role-tags">
      {o.topics.map((c) => (
        <Tag key={c} className="role-tag">
          {config.topicName(c)}
        </Tag>
      ))}
    </div>
  );
  // The files sit under the event's name on both layouts: a column of their own would push the table past the screen.
  const attachmentsOf = (o: TOutreach) =>
    (canWrite || o.attachments.length > 0) && <OutreachAttachments event={o} canUpload={canWrite} />;
  const desktopColumns: TableColumnsType<TOutreach> = [
    { key: 'date', title: t('outreach.date'), render: (_, o) => viDate(o.eventDate), width: 110 },
    {
      key: 'form',
      title: t('outreach.form'),
      render: (_, o) => (
        <div className="user-cell">
          <span>{config.formName(o.formCode)}</span>
          {o.title && <Typography.Text type="secondary">{o.title}</Typography.Text>}
          {attachmentsOf(o)}
        </div>
      ),
    },
    { key: 'topics', title: t('outreach.topics'), render: (_, o) => topicTags(o), width: '22%' },
    { key: 'enterprises', title: t('outreach.enterprises'), render: (_, o) => enterprisesCell(o), width: '22%' },
    {
      key: 'workers',
      title: t('outreach.workersShort'),
      align: 'right',
      width: 100,
      render: (_, o) => formatNumber(o.workersReached),
    },
    { key: 'unit', title: t('outreach.unit'), render: (_, o) => o.unitName, width: '16%' },
  ];
  const phoneColumns: TableColumnsType<TOutreach> = [
    {
      key: 'event',
      title: t('outreach.event'),
      render: (_, o) => (
        <div className="user-cell">
          <Typography.Text strong>
            {viDate(o.eventDate)} · {config.formName(o.formCode)}
          </Typography.Text>
          {o.title && <span>{o.title}</span>}
          {enterprisesCell(o)}
          {topicTags(o)}
          {attachmentsOf(o)}
        </div>
      ),
    },
    {
      key: 'workers',
      title: t('outreach.workersShort'),
      align: 'right',
      width: 90,
      render: (_, o) => formatNumber(o.workersReached),
    },
  ];

  return (
    <div className="outreach-page">
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('outreach.title')}
        </Typography.Title>
        {canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="outreach-create"
          >
            {t('outreach.create')}
          </Button>
        )}
      </div>
      <ScopeBar scope={scope} />
      <CoveragePanel unitId={scope.unitId} from={scope.from} to={scope.to} surveyMin={entConfig.surveyMin} />
      <Typography.Title level={5} className="section-title">
        {t('outreach.list')}
      </Typography.Title>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error, t)} style={{ marginBottom: 12 }} />}
      <Table<TOutreach>
        rowKey="id"
        size={phone ? 'small' : 'middle'}
        data-testid="outreach-table"
        columns={phone ? phoneColumns : desktopColumns}
        {...table}
        // Fixed widths and wrapping cells: at 1366 px the list fits the page instead of scrolling sideways.
        tableLayout="fixed"
        className="wrap-cells"
        locale={{ emptyText: t('outreach.empty') }}
      />
      <OutreachFormModal
        open={creating}
        defaultUnit={{ id: scope.unitId, name: scope.unitName }}
        today={scope.today}
        onClose={() => setCreating(false)}
        onSaved={async () => {
          message.success(t('outreach.saved'));
          await qc.invalidateQueries({ queryKey: enterpriseKeys.all });
        }}
      />
    </div>
  );
}
