import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Drawer, Empty, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isIsoDate, todayIso } from '../../../shared/text/index.js';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { viDate } from '../../components/format.js';
import { useLayout } from '../../components/useLayout.js';
import { orgApi, orgKeys } from './api.js';
import { fallbackAsOf, type RoleUnitNotice, roleUnitNotices } from './asOf.js';
import { OrgToolbar } from './OrgToolbar.js';
import { OrgTree } from './OrgTree.js';
import { UnitDetail } from './UnitDetail.js';

/**
 * The org tree as of a date, with the selected unit's details. Date and unit live in the URL
 * (?asOf=2025-06-30&unit=12) so a reload or a shared link shows the same view.
 */
export function OrgPage() {
  const { t } = useI18n();
  const { wide } = useLayout();
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const asOfParam = params.get('asOf');
  const asOf = asOfParam && isIsoDate(asOfParam) ? asOfParam : today;
  const unitParam = Number(params.get('unit'));
  const selectedId = Number.isInteger(unitParam) && unitParam > 0 ? unitParam : null;

  const [expanded, setExpanded] = useState<number[]>([]);
  const [revealId, setRevealId] = useState<number | null>(null);
  const [autoSwitch, setAutoSwitch] = useState<RoleUnitNotice | null>(null);
  const [detailOpen, setDetailOpen] = useState(false);
  // Until the first answer is in, a user without an ?asOf= may be about to be moved to another date.
  const [firstDecided, setFirstDecided] = useState(asOfParam !== null);
  // The URL takes a render to follow the switch: until it has, today's empty tree must not flash up.
  const [switchingTo, setSwitchingTo] = useState<string | null>(null);
  const switching = switchingTo !== null && asOf !== switchingTo;
  // Once the URL has followed, the switch is over: a date the user picks later must show its own tree.
  useEffect(() => {
    if (switchingTo !== null && asOf === switchingTo) setSwitchingTo(null);
  }, [asOf, switchingTo]);
  const autoExpanded = useRef(false);

  const roots = useQuery({ queryKey: orgKeys.roots(asOf), queryFn: () => orgApi.roots(asOf) });

  const update = useCallback(
    (next: { asOf?: string; unit?: number | null }, replace = false) => {
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          if (next.asOf !== undefined) {
            if (next.asOf === today) p.delete('asOf');
            else p.set('asOf', next.asOf);
          }
          if (next.unit !== undefined) {
            if (next.unit === null) p.delete('unit');
            else p.set('unit', String(next.unit));
          }
          return p;
        },
        { replace },
      );
    },
    [setParams, today],
  );

  // First visit: if the user's own unit has ended (a district federation after 01/07/2025), today shows
  // nothing; show the last day it existed instead, and say so.
  useEffect(() => {
    if (firstDecided || !roots.data) return;
    const pick = fallbackAsOf(roots.data);
    if (pick) {
      setAutoSwitch(pick);
      setSwitchingTo(pick.suggest);
      update({ asOf: pick.suggest }, true);
    }
    setFirstDecided(true);
  }, [firstDecided, roots.data, update]);

  // Open the top of the tree once, so the first screen shows units rather than one closed line.
  useEffect(() => {
    if (autoExpanded.current || !roots.data || roots.data.units.length === 0) return;
    autoExpanded.current = true;
    if (roots.data.units.length <= 3) setExpanded((e) => [...new Set([...e, ...roots.data.units.map((u) => u.id)])]);
  }, [roots.data]);

  const select = (id: number, opts: { reveal?: boolean } = {}) => {
    update({ unit: id });
    if (opts.reveal) setRevealId(id);
    setDetailOpen(true);
  };

  // A unit chosen by search or link: open its ancestors so it can be seen in the tree.
  const reveal = useQuery({
    queryKey: orgKeys.detail(revealId ?? 0, asOf),
    queryFn: () => orgApi.detail(revealId ?? 0, asOf),
    enabled: revealId !== null,
  });
  useEffect(() => {
    if (!reveal.data || reveal.data.id !== revealId) return;
    const ids = reveal.data.ancestors.map((a) => a.id);
    setExpanded((e) => [...new Set([...e, ...ids])]);
    setRevealId(null);
    const id = reveal.data.id;
    // After the branches render: bring the node into view.
    setTimeout(() => document.querySelector(`[data-unit-id="${id}"]`)?.scrollIntoView({ block: 'nearest' }), 400);
  }, [reveal.data, revealId]);

  const notices = roots.data && firstDecided ? roleUnitNotices(asOf, roots.data.inactiveRoleUnits) : [];
  const showAuto = autoSwitch !== null && autoSwitch.suggest === asOf;

  const tree = (
    <Card className="org-tree-card" size="small">
      {roots.isPending || !firstDecided || switching ? (
        <Skeleton active />
      ) : roots.isError ? (
        <Alert type="error" showIcon title={errorText(roots.error, t)} />
      ) : roots.data.units.length === 0 ? (
        <Empty data-testid="org-tree-empty" description={t('org.treeEmpty', { date: viDate(asOf) })} />
      ) : (
        <OrgTree
          asOf={asOf}
          roots={roots.data.units}
          expanded={expanded}
          onExpandedChange={setExpanded}
          selectedId={selectedId}
          onSelect={(u) => select(u.id)}
        />
      )}
    </Card>
  );

  const detail =
    selectedId === null ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.selectHint')} />
    ) : (
      <UnitDetail id={selectedId} asOf={asOf} onSelectUnit={select} />
    );

  return (
    <div className="org-page">
      <Typography.Title level={1} className="page-title">
        {t('org.title')}
      </Typography.Title>
      <OrgToolbar
        asOf={asOf}
        today={today}
        onAsOfChange={(d) => {
          setAutoSwitch(null);
          update({ asOf: d });
        }}
        onFound={(id) => select(id, { reveal: true })}
      />
      {showAuto && autoSwitch && (
        <Alert
          className="org-notice"
          type="info"
          showIcon
          data-testid="org-asof-notice"
          title={t('org.ended', { name: autoSwitch.unit.name, date: viDate(autoSwitch.date) })}
          description={t('org.showingLastDay', { date: viDate(autoSwitch.suggest) })}
        />
      )}
      {notices.map((n) => (
        <Alert
          key={n.unit.id}
          className="org-notice"
          type="info"
          showIcon
          data-testid="org-asof-notice"
          title={
            n.kind === 'ended'
              ? t('org.ended', { name: n.unit.name, date: viDate(n.date) })
              : t('org.notStarted', { name: n.unit.name, date: viDate(n.date) })
          }
          action={
            <Button size="small" type="primary" ghost onClick={() => update({ asOf: n.suggest })}>
              {t('org.viewOn', { date: viDate(n.suggest) })}
            </Button>
          }
        />
      ))}
      {wide ? (
        <div className="org-columns">
          <div className="org-col-tree">{tree}</div>
          <Card className="org-col-detail" size="small" title={t('org.detail')}>
            {detail}
          </Card>
        </div>
      ) : (
        <>
          {tree}
          <Drawer
            open={detailOpen && selectedId !== null}
            onClose={() => setDetailOpen(false)}
            placement="bottom"
            size="88%"
            title={t('org.detail')}
            styles={{ body: { paddingTop: 12, paddingInline: 16 } }}
          >
            {detail}
          </Drawer>
        </>
      )}
    </div>
  );
}
