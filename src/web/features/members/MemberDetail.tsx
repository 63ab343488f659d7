import {
  CrownOutlined,
  DeleteOutlined,
  DownloadOutlined,
  EyeOutlined,
  IdcardOutlined,
  LogoutOutlined,
  PaperClipOutlined,
  StarOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { countryName } from '../../components/countries.js';
import { viDate } from '../../components/format.js';
import { useSession } from '../auth/session.js';
import { memberKeys, membersApi, type TMemberDetail, type TPartyIntroduction } from './api.js';
import { useMembersConfig } from './config.js';
import { type MemberAction, MemberActionModal } from './MemberActionModal.js';
import { StatusTag } from './StatusTag.js';

/** How long a revealed identity number stays on screen. */
const REVEAL_MS = 30_000;

type Event = TMemberDetail['events'][number];
const EVENT_COLOR: Record<Event['kind'], string> = {
  admitted: 'green',
  card_issued: 'blue',
  transferred_out: 'gray',
  transferred_in: 'blue',
  left: 'gray',
  expelled: 'red',
  honorary: 'gold',
};

type Props = {
  id: number;
  today: string;
  /** A transfer continues the membership as a new one: the drawer follows it. */
  onMoved: (membershipId: number) => void;
};

/** One membership: the person's record (identity number masked), its events, the actions, and the Party section. */
export function MemberDetail({ id, today, onMoved }: Props) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const config = useMembersConfig();
  const [action, setAction] = useState<MemberAction | null>(null);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [revealing, setRevealing] = useState(false);
  const detail = useQuery({ queryKey: memberKeys.detail(id), queryFn: () => membersApi.detail(id) });
  // Scans of the application and decision; the list is absent (not an error) where the server has none.
  const documents = useQuery({
    queryKey: memberKeys.documents(id),
    queryFn: () => membersApi.documents(id),
    retry: false,
  });

  useEffect(() => {
    if (!revealed) return;
    const timer = setTimeout(() => setRevealed(null), REVEAL_MS);
    return () => clearTimeout(timer);
  }, [revealed]);
  // Another member's number must not stay on screen when the drawer moves on.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on a change of member only
  useEffect(() => setRevealed(null), [id]);

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (detail.isError) return <Alert type="error" showIcon title={errorText(detail.error, t)} />;
  const m = detail.data;
  const none = t('common.none');
  const active = m.status === 'active';
  const writer = can('record.write');

  const reveal = async () => {
    setRevealing(true);
    try {
      setRevealed((await membersApi.revealCccd(id)).cccd);
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setRevealing(false);
    }
  };

  const work = m.employerName ?? config.name('informal_trade', m.informalTradeCode) ?? none;
  const eventText = (e: Event) =>
    [
      e.relatedUnitName &&
        t(e.kind === 'transferred_in' ? 'member.event.from' : 'member.event.to', { unit: e.relatedUnitName }),
      e.decisionNo && t('member.event.decision', { no: e.decisionNo }),
      e.note,
    ]
      .filter(Boolean)
      .join(' · ');

  const partyColumns = [
    {
      key: 'on',
      title: t('member.field.introducedOn'),
      render: (_: unknown, p: TPartyIntroduction) => viDate(p.introducedOn),
    },
    { key: 'org', title: t('member.field.partyOrganisation'), dataIndex: 'partyOrganisation' },
    {
      key: 'status',
      title: t('member.field.partyStatus'),
      render: (_: unknown, p: TPartyIntroduction) => (
        <span>
          <Tag>{t(`member.party.${p.status}`)}</Tag> {viDate(p.statusDate)}
        </span>
      ),
    },
    ...(writer
      ? [
          {
            key: 'edit',
            title: '',
            render: (_: unknown, p: TPartyIntroduction) => (
              <Button size="small" onClick={() => setAction({ kind: 'partyEdit', intro: p })}>
                {t('member.party.update')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="member-detail" data-testid="member-detail">
      <Typography.Title level={4} className="unit-title" data-testid="member-name">
        {m.fullName}
      </Typography.Title>
      <Space wrap size={[8, 8]} className="unit-tags">
        <StatusTag status={m.status} />
        {m.informal && <Tag color="orange">{t('member.informal')}</Tag>}
        {m.foreign && <Tag color="purple">{t('member.foreign', { code: m.nationality })}</Tag>}
        {m.cardNo && <Tag icon={<IdcardOutlined />}>{m.cardNo}</Tag>}
      </Space>
      <Space wrap className="unit-actions">
        {writer && active && (
          <>
            {!m.cardNo && (
              <Button
                type="primary"
                icon={<IdcardOutlined />}
                onClick={() => setAction({ kind: 'card' })}
                data-testid="member-card"
              >
                {t('member.action.card')}
              </Button>
            )}
            <Button
              icon={<SwapOutlined />}
              onClick={() => setAction({ kind: 'transfer' })}
              data-testid="member-transfer"
            >
              {t('member.action.transfer')}
            </Button>
            <Button icon={<LogoutOutlined />} onClick={() => setAction({ kind: 'leave' })} data-testid="member-leave">
              {t('member.action.leave')}
            </Button>
            <Button
              icon={<CrownOutlined />}
              onClick={() => setAction({ kind: 'honorary' })}
              data-testid="member-honorary"
            >
              {t('member.action.honorary')}
            </Button>
          </>
        )}
        {can('sensitive.read') && (
          <Button
            icon={<DownloadOutlined />}
            href={membersApi.personalDataUrl(id)}
            download
            data-testid="member-personal-data"
          >
            {t('member.action.personalData')}
          </Button>
        )}
        {can('person.erase') && (
          <Button
            danger
            icon={<DeleteOutlined />}
            onClick={() => setAction({ kind: 'anonymise' })}
            data-testid="member-anonymise"
          >
            {t('member.action.anonymise')}
          </Button>
        )}
      </Space>
      <Descriptions
        className="unit-descriptions"
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'cccd',
            label: t(`member.cccdKind.${m.cccdKind}`),
            children: (
              <Space wrap>
                <span className="member-cccd" data-testid="member-cccd">
                  {revealed ?? m.cccdMasked}
                </span>
                {can('sensitive.read') && !revealed && (
                  <Button
                    size="small"
                    icon={<EyeOutlined />}
                    loading={revealing}
                    onClick={reveal}
                    data-testid="member-reveal"
                  >
                    {t('member.reveal')}
                  </Button>
                )}
                {revealed && <Typography.Text type="secondary">{t('member.revealedHint')}</Typography.Text>}
              </Space>
            ),
          },
          { key: 'birth', label: t('member.col.birth'), children: viDate(m.birthDate) },
          { key: 'gender', label: t('member.col.gender'), children: t(`member.gender.${m.gender}`) },
          { key: 'phone', label: t('member.field.phone'), children: m.phone ?? none },
          { key: 'nationality', label: t('member.field.nationality'), children: countryName(m.nationality, locale) },
          ...(m.sensitive
            ? [
                {
                  key: 'ethnicity',
                  label: t('member.field.ethnicity'),
                  children: config.name('ethnicity', m.sensitive.ethnicityCode) ?? none,
                },
                {
                  key: 'religion',
                  label: t('member.field.religion'),
                  children: config.name('religion', m.sensitive.religionCode) ?? none,
                },
              ]
            : []),
          { key: 'work', label: t('member.col.work'), children: work },
          { key: 'occupation', label: t('member.field.occupation'), children: m.occupation ?? none },
          {
            key: 'education',
            label: t('member.field.education'),
            children: config.name('education', m.educationCode) ?? none,
          },
          { key: 'address', label: t('member.field.address'), children: m.address ?? m.adminAreaName ?? none },
          { key: 'unit', label: t('member.col.unit'), children: m.unitName },
          { key: 'application', label: t('member.field.applicationDate'), children: viDate(m.applicationDate) },
          {
            key: 'admitted',
            label: t('member.col.admitted'),
            children: m.decisionNo
              ? t('member.admittedBy', { date: viDate(m.admittedOn), no: m.decisionNo })
              : viDate(m.admittedOn),
          },
          ...(m.ceremonyDate
            ? [{ key: 'ceremony', label: t('member.field.ceremonyDate'), children: viDate(m.ceremonyDate) }]
            : []),
          {
            key: 'card',
            label: t('member.col.card'),
            children: m.cardNo ? `${m.cardNo} (${viDate(m.cardIssuedOn)})` : none,
          },
          ...(m.endedOn
            ? [
                {
                  key: 'ended',
                  label: t('member.field.ended'),
                  children: `${viDate(m.endedOn)} — ${m.endReason ?? ''}`,
                },
              ]
            : []),
        ]}
      />

      {documents.data && documents.data.length > 0 && (
        <>
          <Typography.Title level={5} className="section-title">
            {t('member.documents')}
          </Typography.Title>
          <Space orientation="vertical" data-testid="member-documents">
            {documents.data.map((d) => (
              <a key={d.id} href={membersApi.documentUrl(d.id)} target="_blank" rel="noopener noreferrer">
                <PaperClipOutlined /> {t(d.kind === 'decision' ? 'member.doc.decision' : 'member.doc.application')}:{' '}
                {d.fileName}
              </a>
            ))}
          </Space>
        </>
      )}

      <Typography.Title level={5} className="section-title">
        {t('member.events')}
      </Typography.Title>
      <div data-testid="member-events">
        <Timeline
          className="enterprise-timeline"
          items={m.events.map((e) => ({
            key: e.id,
            color: EVENT_COLOR[e.kind],
            content: (
              <div className="timeline-item">
                <span className="timeline-date">{viDate(e.eventDate)}</span>
                <Tag>{t(`member.event.${e.kind}`)}</Tag>
                <span className="timeline-summary">{eventText(e)}</span>
              </div>
            ),
          }))}
        />
      </div>

      {m.sensitive && (
        <div data-testid="member-party">
          <div className="member-section-head">
            <Typography.Title level={5} className="section-title">
              <StarOutlined /> {t('member.party.title')}
            </Typography.Title>
            {writer && active && (
              <Button size="small" onClick={() => setAction({ kind: 'party' })} data-testid="member-party-add">
                {t('member.action.party')}
              </Button>
            )}
          </div>
          <Table<TPartyIntroduction>
            rowKey="id"
            size="small"
            columns={partyColumns}
            dataSource={m.sensitive.partyIntroductions}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('member.party.empty') }}
          />
        </div>
      )}

      <MemberActionModal
        member={m}
        action={action}
        today={today}
        onClose={() => setAction(null)}
        onDone={async (next, text) => {
          message.success(text);
          await qc.invalidateQueries({ queryKey: memberKeys.all });
          if (next !== id) onMoved(next);
        }}
      />
    </div>
  );
}
