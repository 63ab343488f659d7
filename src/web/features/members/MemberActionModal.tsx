import { Form, Input, Radio, Select, Typography } from 'antd';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { DateInput } from '../../components/DateInput.js';
import { FormModal } from '../../components/FormModal.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { membersApi, PARTY_STATUSES, type TMemberDetail, type TPartyIntroduction } from './api.js';

export type MemberAction =
  | { kind: 'card' | 'transfer' | 'leave' | 'honorary' | 'party' | 'anonymise' }
  | { kind: 'partyEdit'; intro: TPartyIntroduction };

type Props = {
  member: TMemberDetail;
  action: MemberAction | null;
  today: string;
  onClose: () => void;
  /** After the change: the membership to show next (a transfer continues as a new membership). */
  onDone: (membershipId: number, message: string) => Promise<void> | void;
};

// Fields of every dialog; each dialog registers only its own, so one loose type is enough.
type Values = {
  cardNo?: string;
  issuedOn?: string;
  toUnitId?: number;
  date?: string;
  decisionNo?: string;
  note?: string;
  kind?: 'left' | 'expelled';
  reason?: string;
  introducedOn?: string;
  partyOrganisation?: string;
  status?: TPartyIntroduction['status'];
  statusDate?: string;
};

const opt = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** The dated changes to one membership (card, transfer, leave/expel, honorary), Party introductions and erasure. */
export function MemberActionModal({ member, action, today, onClose, onDone }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  // The receiving union is picked in the tree as of the transfer's date.
  const onDate = (Form.useWatch('date', form) as string | undefined) || today;
  const required = [{ required: true, message: t('common.required') }];
  const id = member.id;
  const kind = action?.kind;

  const submit = async (v: Values) => {
    if (!action) return;
    switch (action.kind) {
      case 'card':
        await membersApi.issueCard(id, { cardNo: v.cardNo ?? '', issuedOn: v.issuedOn ?? '' });
        return onDone(id, t('member.done.card'));
      case 'transfer': {
        const d = await membersApi.transfer(id, {
          toUnitId: v.toUnitId ?? 0,
          date: v.date ?? '',
          decisionNo: opt(v.decisionNo),
          note: opt(v.note),
        });
        return onDone(d.id, t('member.done.transfer', { unit: d.unitName }));
      }
      case 'leave':
        await membersApi.leave(id, {
          kind: v.kind ?? 'left',
          date: v.date ?? '',
          reason: v.reason ?? '',
          decisionNo: opt(v.decisionNo),
        });
        return onDone(id, t(v.kind === 'expelled' ? 'member.done.expelled' : 'member.done.left'));
      case 'honorary':
        await membersApi.honorary(id, { date: v.date ?? '', note: v.note ?? '' });
        return onDone(id, t('member.done.honorary'));
      case 'party':
        await membersApi.introduce(id, {
          introducedOn: v.introducedOn ?? '',
          partyOrganisation: v.partyOrganisation ?? '',
          note: opt(v.note),
        });
        return onDone(id, t('member.done.party'));
      case 'partyEdit':
        await membersApi.updateParty(action.intro.id, {
          status: v.status ?? 'introduced',
          statusDate: v.statusDate ?? '',
          note: opt(v.note),
        });
        return onDone(id, t('common.saved'));
      case 'anonymise':
        await membersApi.anonymise(id, v.reason ?? '');
        return onDone(id, t('member.done.anonymised'));
    }
  };

  const initial: Values =
    action?.kind === 'partyEdit'
      ? { status: action.intro.status, statusDate: today, note: action.intro.note ?? undefined }
      : action?.kind === 'leave'
        ? { kind: 'left', date: today }
        : action?.kind === 'card'
          ? { issuedOn: today }
          : action?.kind === 'party'
            ? { introducedOn: today }
            : { date: today };

  const date = (name: keyof Values, label: string) => (
    <Form.Item name={name} label={label} rules={required}>
      <DateInput style={{ width: '100%' }} data-testid={`member-form-${name}`} />
    </Form.Item>
  );
  const decision = (
    <Form.Item name="decisionNo" label={t('member.field.decisionNo')}>
      <Input maxLength={60} />
    </Form.Item>
  );

  return (
    <FormModal<Values>
      open={action !== null}
      title={kind ? t(`member.action.${kind}`) : ''}
      form={form}
      initialValues={initial}
      okText={kind === 'anonymise' ? t('member.action.anonymiseOk') : undefined}
      danger={kind === 'anonymise' || kind === 'leave'}
      testId="member-action-form"
      onClose={onClose}
      onSubmit={submit}
    >
      <Typography.Paragraph type="secondary">
        {member.fullName} · {member.cccdMasked} · {member.unitName}
      </Typography.Paragraph>
      {kind === 'card' && (
        <>
          <Form.Item name="cardNo" label={t('member.field.cardNo')} rules={required}>
            <Input maxLength={40} autoFocus data-testid="member-form-cardNo" />
          </Form.Item>
          {date('issuedOn', t('member.field.issuedOn'))}
        </>
      )}
      {kind === 'transfer' && (
        <>
          <Form.Item
            name="toUnitId"
            label={t('member.field.toUnit')}
            rules={required}
            extra={t('member.field.toUnitHint')}
          >
            <UnitSelect asOf={onDate} excludeIds={[member.unitId]} data-testid="member-form-toUnit" />
          </Form.Item>
          {date('date', t('member.field.transferDate'))}
          {decision}
          <Form.Item name="note" label={t('member.field.note')}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
          </Form.Item>
        </>
      )}
      {kind === 'leave' && (
        <>
          <Form.Item name="kind" label={t('member.field.leaveKind')} rules={required}>
            <Radio.Group
              options={[
                { value: 'left', label: t('member.leaveKind.left') },
                { value: 'expelled', label: t('member.leaveKind.expelled') },
              ]}
            />
          </Form.Item>
          {date('date', t('member.field.leaveDate'))}
          <Form.Item name="reason" label={t('member.field.reason')} rules={required}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} data-testid="member-form-reason" />
          </Form.Item>
          {decision}
        </>
      )}
      {kind === 'honorary' && (
        <>
          {date('date', t('member.field.honoraryDate'))}
          <Form.Item name="note" label={t('member.field.honoraryNote')} rules={required}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
          </Form.Item>
        </>
      )}
      {kind === 'party' && (
        <>
          {date('introducedOn', t('member.field.introducedOn'))}
          <Form.Item name="partyOrganisation" label={t('member.field.partyOrganisation')} rules={required}>
            <Input maxLength={255} placeholder={t('member.field.partyOrganisationHint')} />
          </Form.Item>
          <Form.Item name="note" label={t('member.field.note')}>
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
          </Form.Item>
        </>
      )}
      {kind === 'partyEdit' && (
        <>
          <Form.Item name="status" label={t('member.field.partyStatus')} rules={required}>
            <Select options={PARTY_STATUSES.map((s) => ({ value: s, label: t(`member.party.${s}`) }))} />
          </Form.Item>
          {date('statusDate', t('member.field.statusDate'))}
          <Form.Item name="note" label={t('member.field.note')}>
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
          </Form.Item>
        </>
      )}
      {kind === 'anonymise' && (
        <>
          <Typography.Paragraph type="danger">{t('member.anonymiseWarning')}</Typography.Paragraph>
          <Form.Item name="reason" label={t('member.field.anonymiseReason')} rules={required}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} data-testid="member-form-reason" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
