import { EditOutlined, NotificationOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { formatNumber } from '../../app/i18n/i18n.js';
import { viDate } from '../../components/format.js';
import { useLayout } from '../../components/useLayout.js';
import { useSession } from '../auth/session.js';
import { enterpriseKeys, enterprisesApi, type TEnterpriseDetail } from './api.js';
import { CommuneText } from './CommuneText.js';
import { useEnterpriseConfig } from './config.js';
import { FlagTags } from './FlagTags.js';

type Survey = TEnterpriseDetail['surveys'][number];

type Props = {
  id: number;
  onSurvey: (d: TEnterpriseDetail) => void;
  onEdit: (d: TEnterpriseDetail) => void;
  onOutreach: (d: TEnterpriseDetail) => void;
};

const TIMELINE_COLOR = { survey: 'blue', outreach: 'green', created: 'gray' } as const;
const count = (n: number | null) => (n === null ? '—' : formatNumber(n));

/** One enterprise: its record, derived flags, dated surveys and everything that happened to it. */
export function EnterpriseDetail({ id, onSurvey, onEdit, onOutreach }: Props) {
  const { t } = useI18n();
  const { can } = useSession();
  const { phone } = useLayout();
  const config = useEnterpriseConfig();
  const detail = useQuery({ queryKey: enterpriseKeys.detail(id), queryFn: () => enterprisesApi.detail(id) });

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.isError) return <Alert type="error" showIcon title={errorText(detail.error, t)} />;
  const e = detail.data;
  const none = t('common.none');
  const surveyOf = new Map(e.surveys.map((s) => [s.id, s]));
  const area = e.adminAreaName
    ? `${e.adminAreaName}${e.adminAreaCode ? ` (${e.adminAreaCode})` : ''}`
    : (e.adminAreaCode ?? none);

  const surveyColumns = [
    { key: 'date', title: t('survey.date'), render: (_: unknown, s: Survey) => viDate(s.surveyDate) },
    {
      key: 'workers',
      title: t('survey.col.workers'),
      align: 'right' as const,
      render: (_: unknown, s: Survey) => formatNumber(s.workerCount),
    },
    {
      key: 'female',
      title: t('survey.col.female'),
      align: 'right' as const,
      render: (_: unknown, s: Survey) => count(s.femaleCount),
    },
    {
      key: 'members',
      title: t('survey.col.members'),
      align: 'right' as const,
      render: (_: unknown, s: Survey) => count(s.memberCount),
    },
    {
      key: 'attitude',
      title: t('survey.attitudeShort'),
      render: (_: unknown, s: Survey) => (s.employerAttitude ? t(`attitude.${s.employerAttitude}`) : none),
    },
    {
      key: 'contact',
      title: t('survey.contactName'),
      render: (_: unknown, s: Survey) => [s.contactName, s.contactPhone].filter(Boolean).join(' · ') || none,
    },
    { key: 'by', title: t('survey.by'), render: (_: unknown, s: Survey) => s.surveyedBy ?? none },
  ];

  return (
    <div className="enterprise-detail" data-testid="enterprise-detail">
      <Typography.Title level={4} className="unit-title" data-testid="enterprise-name">
        {e.name}
      </Typography.Title>
      <Space wrap size={[8, 8]} className="unit-tags">
        {e.mst && <Typography.Text code>{e.mst}</Typography.Text>}
        <Tag>{config.ownershipName(e.ownershipCode)}</Tag>
        <FlagTags e={e} />
      </Space>
      {can('record.write') && (
        <Space wrap className="unit-actions">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => onSurvey(e)} data-testid="survey-create">
            {t('survey.title')}
          </Button>
          <Button icon={<NotificationOutlined />} onClick={() => onOutreach(e)} data-testid="enterprise-outreach">
            {t('ent.recordOutreach')}
          </Button>
          <Button icon={<EditOutlined />} onClick={() => onEdit(e)} data-testid="enterprise-edit">
            {t('common.edit')}
          </Button>
        </Space>
      )}
      <Descriptions
        className="unit-descriptions"
        size="small"
        column={1}
        bordered
        items={[
          { key: 'mst', label: t('ent.field.mst'), children: e.mst ?? none },
          ...(e.shortName ? [{ key: 'short', label: t('ent.field.shortName'), children: e.shortName }] : []),
          { key: 'ownership', label: t('ent.field.ownership'), children: config.ownershipName(e.ownershipCode) },
          { key: 'address', label: t('ent.field.address'), children: e.address ?? none },
          { key: 'area', label: t('ent.field.adminAreaName'), children: area },
          { key: 'commune', label: t('ent.commune.resolved'), children: <CommuneText commune={e.commune} /> },
          { key: 'industry', label: t('ent.field.industry'), children: e.industry ?? none },
          {
            key: 'workers',
            label: t('ent.field.workforce'),
            children:
              e.workerCount === null
                ? none
                : t('ent.workforce', {
                    workers: e.workerCount,
                    female: count(e.femaleCount),
                    members: count(e.memberCount),
                  }),
          },
          { key: 'lastSurvey', label: t('ent.field.lastSurvey'), children: viDate(e.lastSurveyDate) },
          { key: 'lastContact', label: t('ent.field.lastContact'), children: viDate(e.lastContactDate) },
          { key: 'unit', label: t('ent.field.unit'), children: e.unitName },
          { key: 'grassroots', label: t('ent.field.grassroots'), children: e.grassrootsUnitName ?? none },
          { key: 'officer', label: t('ent.field.officer'), children: e.officerName ?? none },
          ...(e.duplicateReason
            ? [{ key: 'dup', label: t('ent.field.duplicateReason'), children: e.duplicateReason }]
            : []),
        ]}
      />

      <Typography.Title level={5} className="section-title">
        {t('ent.surveys')}
      </Typography.Title>
      <Table<Survey>
        rowKey="id"
        size="small"
        data-testid="survey-table"
        columns={
          phone
            ? surveyColumns.filter((c) => ['date', 'workers', 'members', 'attitude'].includes(c.key))
            : surveyColumns
        }
        dataSource={e.surveys}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('survey.empty') }}
      />

      <Typography.Title level={5} className="section-title">
        {t('ent.timeline')}
      </Typography.Title>
      <div data-testid="enterprise-timeline">
        <Timeline
          className="enterprise-timeline"
          items={e.timeline.map((item) => {
            const s = item.kind === 'survey' ? surveyOf.get(item.refId) : undefined;
            const summary = s
              ? s.memberCount === null
                ? t('timeline.surveySummary', { workers: s.workerCount })
                : t('timeline.surveySummaryMembers', { workers: s.workerCount, members: s.memberCount })
              : item.kind === 'created'
                ? null
                : item.summary;
            return {
              key: `${item.kind}-${item.refId}-${item.date}`,
              color: TIMELINE_COLOR[item.kind],
              content: (
                <div className="timeline-item">
                  <span className="timeline-date">{viDate(item.date)}</span>
                  <Tag color={TIMELINE_COLOR[item.kind] === 'gray' ? 'default' : TIMELINE_COLOR[item.kind]}>
                    {t(`timeline.${item.kind}`)}
                  </Tag>
                  {summary && <span className="timeline-summary">{summary}</span>}
                </div>
              ),
            };
          })}
        />
      </div>
    </div>
  );
}
