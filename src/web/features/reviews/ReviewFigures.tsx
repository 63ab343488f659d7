import { Card, Collapse, Descriptions, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { formatNumber } from '../../app/i18n/i18n.js';
import { viDate } from '../../components/format.js';
import type { TReview } from './api.js';

type Figures = TReview['figures'];
type Target = Figures['targets'][number];
type Row = Omit<Target, 'subTargets' | 'children'> & { children?: Row[] };

const n = (v: number | null) => (v === null ? '—' : formatNumber(v));
const signed = (v: number | null) => (v === null ? '—' : v > 0 ? `+${formatNumber(v)}` : formatNumber(v));
const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(v)}%`);

/** The report's figures: targets against goals, each target by child unit beside what the unit reported, the lists. */
export function ReviewFigures({ figures: f, phone }: { figures: Figures; phone: boolean }) {
  const { t } = useI18n();
  const rows: Row[] = f.targets.map(({ children: _, subTargets, ...x }) => ({
    ...x,
    children: subTargets.length ? subTargets : undefined,
  }));
  const status = (s: Target['status']) => t(`dash.status.${s}`);
  const childColumns: TableColumnsType<Target['children'][number]> = [
    { key: 'unit', title: t('review.col.unit'), dataIndex: 'unitName' },
    { key: 'share', title: t('review.col.goal'), align: 'right', render: (_, c) => n(c.share) },
    { key: 'actual', title: t('review.col.actual'), align: 'right', render: (_, c) => n(c.actual) },
    { key: 'percent', title: t('review.col.percent'), align: 'right', render: (_, c) => pct(c.percent) },
    {
      key: 'reported',
      title: t('review.col.reported'),
      align: 'right',
      render: (_, c) =>
        c.submitted ? (
          <span>
            {n(c.submitted.actual)} {c.differs && <Tag color="orange">{t('review.differs')}</Tag>}
          </span>
        ) : (
          <Typography.Text type="secondary">{t('review.notReported')}</Typography.Text>
        ),
    },
    { key: 'status', title: t('review.col.targetStatus'), render: (_, c) => status(c.status) },
  ];
  return (
    <>
      <Card size="small" title={t('review.figures')} style={{ marginBottom: 16 }}>
        <Table<Row>
          rowKey="targetId"
          size="small"
          pagination={false}
          dataSource={rows}
          data-testid="review-figures"
          expandable={{ defaultExpandAllRows: true }}
          scroll={phone ? { x: 640 } : undefined}
          columns={[
            { key: 'code', title: t('review.col.code'), dataIndex: 'code', width: 100 },
            { key: 'label', title: t('review.col.target'), dataIndex: 'label' },
            { key: 'goal', title: t('review.col.goal'), align: 'right', render: (_, x) => n(x.goal) },
            { key: 'actual', title: t('review.col.actual'), align: 'right', render: (_, x) => <b>{n(x.actual)}</b> },
            { key: 'percent', title: t('review.col.percent'), align: 'right', render: (_, x) => pct(x.percent) },
            { key: 'inPeriod', title: t('review.col.inPeriod'), align: 'right', render: (_, x) => n(x.inPeriod) },
            { key: 'change', title: t('review.col.change'), align: 'right', render: (_, x) => signed(x.change) },
            { key: 'pending', title: t('review.col.pending'), align: 'right', render: (_, x) => n(x.pending) },
            { key: 'status', title: t('review.col.targetStatus'), render: (_, x) => status(x.status) },
          ]}
        />
      </Card>
      {f.targets.some((x) => x.children.length) && (
        <Collapse
          style={{ marginBottom: 16 }}
          // Open where a child unit has sent its own figures (the level above compares them); closed otherwise,
          // so a district's long list of grassroots unions does not push the text down, on a phone above all.
          defaultActiveKey={f.targets.filter((x) => x.children.some((c) => c.submitted)).map((x) => String(x.targetId))}
          items={f.targets
            .filter((x) => x.children.length)
            .map((x) => ({
              key: String(x.targetId),
              label: `${t('review.byUnit', { code: x.code })}: ${x.label}`,
              children: (
                <Table
                  rowKey="unitId"
                  size="small"
                  pagination={false}
                  dataSource={x.children}
                  data-testid={`review-children-${x.code}`}
                  scroll={phone ? { x: 560 } : undefined}
                  columns={childColumns}
                />
              ),
            }))}
        />
      )}
      <Card size="small" title={t('review.lists')} style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 12 }}
          items={[
            {
              key: 'adm',
              label: t('review.admissions'),
              children: t('review.admissionsText', {
                total: n(f.admissions.total),
                newUnion: n(f.admissions.newUnion),
                existing: n(f.admissions.existingUnion),
                informal: n(f.admissions.informal),
              }),
            },
            {
              key: 'party',
              label: t('review.party'),
              children: t('review.partyText', { introduced: n(f.party.introduced), admitted: n(f.party.admitted) }),
            },
            {
              key: 'outreach',
              label: t('review.outreach'),
              children: t('review.outreachText', {
                reached: n(f.outreach.reached),
                frame: n(f.outreach.frame),
                left: n(Math.max(0, f.outreach.frame - f.outreach.reached)),
              }),
            },
            {
              key: 'lagging',
              label: t('review.lagging'),
              children: f.lagging.length
                ? f.lagging.map((l) => `${l.unitName} (${l.code}: ${pct(l.percent)})`).join('; ')
                : t('review.none'),
            },
          ]}
        />
        {(f.notReached ?? []).length > 0 && (
          <>
            <Typography.Text strong>
              {t('review.notReached', { count: formatNumber(f.notReached.length) })}
            </Typography.Text>
            <Table
              rowKey={(e) => `${e.name}-${e.mst ?? ''}`}
              size="small"
              dataSource={f.notReached}
              data-testid="review-not-reached"
              pagination={{ pageSize: 10, showSizeChanger: false, size: 'small' }}
              style={{ marginBottom: 12 }}
              columns={[
                { key: 'name', title: t('review.col.enterprise'), dataIndex: 'name' },
                { key: 'mst', title: t('review.col.mst'), render: (_, e) => e.mst ?? '—' },
                { key: 'workers', title: t('review.col.workers'), align: 'right', render: (_, e) => n(e.workers) },
              ]}
            />
          </>
        )}
        <Typography.Text strong>{t('review.founded', { count: f.founded.length })}</Typography.Text>
        <Table
          rowKey={(u) => `${u.name}-${u.foundedOn}`}
          size="small"
          pagination={false}
          dataSource={f.founded}
          data-testid="review-founded"
          locale={{ emptyText: t('review.none') }}
          columns={[
            { key: 'name', title: t('review.col.unit'), dataIndex: 'name' },
            { key: 'on', title: t('review.col.foundedOn'), render: (_, u) => viDate(u.foundedOn) },
            { key: 'dec', title: t('review.col.decision'), render: (_, u) => u.decisionNo ?? '—' },
          ]}
        />
      </Card>
    </>
  );
}
