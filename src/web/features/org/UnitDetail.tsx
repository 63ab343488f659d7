import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Descriptions, Dropdown, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TOrgUnitDetail } from '../../../shared/org/contract.js';
import { addDays } from '../../../shared/text/index.js';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { formatNumber } from '../../app/i18n/i18n.js';
import { viDate } from '../../components/format.js';
import { useSession } from '../auth/session.js';
import { type OrgAction, OrgActionModals } from './actions/OrgActionModals.js';
import { orgApi, orgKeys } from './api.js';
import { UnitEvents } from './UnitEvents.js';
import { UnitHistory } from './UnitHistory.js';
import { useUnitTypes } from './unitTypes.js';

type Props = {
  id: number;
  asOf: string;
  onSelectUnit: (id: number, opts?: { reveal?: boolean }) => void;
};

function StatusTag({ unit, asOf }: { unit: TOrgUnitDetail; asOf: string }) {
  const { t } = useI18n();
  if (unit.validTo !== null && asOf >= unit.validTo) {
    return (
      <Tag color={unit.mergedIntoId ? 'purple' : 'default'} data-testid="unit-status">
        {unit.mergedIntoId ? `${t('org.status.merged')} · ` : ''}
        {t('org.status.ended', { date: viDate(unit.validTo) })}
      </Tag>
    );
  }
  if (unit.validTo !== null) return <Tag color="orange">{t('org.status.endsOn', { date: viDate(unit.validTo) })}</Tag>;
  return (
    <Tag color="green" data-testid="unit-status">
      {t('org.status.active')}
    </Tag>
  );
}

/** Everything about one unit on the chosen date, its dated history and events, and the changes one may record. */
export function UnitDetail({ id, asOf, onSelectUnit }: Props) {
  const { t } = useI18n();
  const { can } = useSession();
  const types = useUnitTypes();
  const [action, setAction] = useState<OrgAction | null>(null);
  const detail = useQuery({ queryKey: orgKeys.detail(id, asOf), queryFn: () => orgApi.detail(id, asOf) });

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (detail.isError) return <Alert type="error" showIcon title={errorText(detail.error, t)} />;
  const u = detail.data;
  const parent = u.ancestors.at(-1);
  // Changes are recorded on units still in operation; an ended unit is history.
  const canChange = can('org.manage') && u.validTo === null;
  // A unit founded in the past may go under a unit that has ended since (asked what happened later).
  const canFound = can('org.manage') && (u.validTo === null || asOf < u.validTo);
  const lastDay = u.validTo ? addDays(u.validTo, -1) : null;
  const decision = u.foundingDecisionNo
    ? u.foundingDecisionDate
      ? t('org.decisionOn', { no: u.foundingDecisionNo, date: viDate(u.foundingDecisionDate) })
      : t('org.decisionNoOnly', { no: u.foundingDecisionNo })
    : null;

  return (
    <div className="unit-detail" data-testid="unit-detail">
      {u.ancestors.length > 0 && (
        <Breadcrumb
          className="unit-breadcrumb"
          items={u.ancestors.map((a) => ({
            key: a.id,
            title: <Typography.Link onClick={() => onSelectUnit(a.id, { reveal: true })}>{a.name}</Typography.Link>,
          }))}
        />
      )}
      <Typography.Title level={4} className="unit-title" data-testid="unit-name">
        {u.name}
      </Typography.Title>
      <Space wrap size={[8, 8]} className="unit-tags">
        <Tag color="blue">{types.name(u.typeCode)}</Tag>
        <Typography.Text code>{u.code}</Typography.Text>
        <StatusTag unit={u} asOf={asOf} />
      </Space>

      {canFound && (
        <Space wrap className="unit-actions">
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAction('create')}
            data-testid="action-create"
          >
            {t('action.create')}
          </Button>
          {canChange && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'rename', label: t('action.rename') },
                  { key: 'move', label: t('action.move') },
                  { key: 'merge', label: t('action.merge') },
                  { key: 'header', label: t('action.header') },
                  { type: 'divider' },
                  { key: 'dissolve', label: t('action.dissolve'), danger: true },
                ],
                onClick: ({ key }) => setAction(key as OrgAction),
              }}
            >
              <Button data-testid="action-more">
                {t('action.more')} <DownOutlined />
              </Button>
            </Dropdown>
          )}
        </Space>
      )}

      <Descriptions
        className="unit-descriptions"
        size="small"
        column={1}
        bordered
        items={[
          { key: 'code', label: t('org.code'), children: u.code },
          { key: 'name', label: t('org.name'), children: u.name },
          ...(u.shortName ? [{ key: 'short', label: t('org.shortName'), children: u.shortName }] : []),
          { key: 'type', label: t('org.type'), children: types.name(u.typeCode) },
          {
            key: 'parent',
            label: t('org.parent'),
            // The parent is linked when it is the caller's; outside their scope it is only named.
            children:
              parent && parent.id === u.parentId ? (
                <Typography.Link onClick={() => onSelectUnit(parent.id, { reveal: true })}>
                  {parent.name}
                </Typography.Link>
              ) : (
                <span data-testid="unit-parent-name">{u.parentName ?? t('common.none')}</span>
              ),
          },
          {
            key: 'area',
            label: t('org.adminArea'),
            children: u.adminAreaName
              ? `${u.adminAreaName}${u.adminAreaCode ? ` (${u.adminAreaCode})` : ''}`
              : t('common.none'),
          },
          { key: 'address', label: t('org.address'), children: u.address ?? t('common.none') },
          { key: 'decision', label: t('org.foundingDecision'), children: decision ?? t('common.none') },
          {
            key: 'life',
            label: t('org.lifetime'),
            children: lastDay
              ? t('date.range', { from: viDate(u.validFrom), to: viDate(lastDay) })
              : t('date.rangeOpen', { from: viDate(u.validFrom) }),
          },
          { key: 'children', label: t('org.childCount'), children: formatNumber(u.childCount) },
        ]}
      />

      <Tabs
        className="unit-tabs"
        items={[
          { key: 'history', label: t('org.tab.history'), children: <UnitHistory unit={u} asOf={asOf} /> },
          { key: 'events', label: t('org.tab.events'), children: <UnitEvents unitId={u.id} /> },
        ]}
      />

      <OrgActionModals
        action={action}
        unit={u}
        asOf={asOf}
        onClose={() => setAction(null)}
        onCreated={(newId) => onSelectUnit(newId, { reveal: true })}
      />
    </div>
  );
}
