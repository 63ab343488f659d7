import { SwapOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { FormModal } from '../../components/FormModal.js';
import { useSession } from '../auth/session.js';
import { memberKeys, membersApi, type TPossibleTransfer } from './api.js';

type Props = {
  unitId: number | undefined;
  /** Opens a member of the caller's own unit (where the transfer is recorded). */
  onOpenMember: (membershipId: number) => void;
};

/**
 * The same person asked for by two units: a banner over the list while requests are open, and a
 * dialog that says, for each, which side this unit is on and what to do (record the transfer from
 * the member's page, or close it with a reason).
 */
export function PossibleTransfers({ unitId, onOpenMember }: Props) {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [dismissing, setDismissing] = useState<TPossibleTransfer | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const list = useQuery({
    queryKey: memberKeys.possibleTransfers(unitId),
    queryFn: () => membersApi.possibleTransfers(unitId),
  });
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;

  const other = (u: TPossibleTransfer['holdingUnit']) => u?.name ?? t('member.pt.outside');
  const describe = (p: TPossibleTransfer) =>
    p.side === 'requesting'
      ? t('member.pt.requesting', { unit: other(p.holdingUnit) })
      : t('member.pt.holding', { unit: other(p.holdingUnit), other: other(p.requestingUnit) });

  return (
    <>
      <Alert
        type="warning"
        showIcon
        icon={<SwapOutlined />}
        style={{ marginBottom: 12 }}
        title={t('member.pt.banner', { n: list.data?.total ?? items.length })}
        action={
          <Button size="small" onClick={() => setOpen(true)} data-testid="possible-transfers-open">
            {t('member.pt.view')}
          </Button>
        }
      />
      <Modal
        open={open}
        title={t('member.pt.title')}
        onCancel={() => setOpen(false)}
        footer={<Button onClick={() => setOpen(false)}>{t('common.close')}</Button>}
        width={680}
      >
        <Typography.Paragraph type="secondary">{t('member.pt.help')}</Typography.Paragraph>
        <List<TPossibleTransfer>
          dataSource={items}
          data-testid="possible-transfers"
          renderItem={(p) => (
            <List.Item
              actions={[
                ...(p.holdingMembershipId !== null
                  ? [
                      <Button
                        key="open"
                        size="small"
                        onClick={() => {
                          setOpen(false);
                          onOpenMember(p.holdingMembershipId as number);
                        }}
                      >
                        {t('member.pt.openMember')}
                      </Button>,
                    ]
                  : []),
                ...(can('record.write')
                  ? [
                      <Button key="dismiss" size="small" onClick={() => setDismissing(p)}>
                        {t('member.pt.dismiss')}
                      </Button>,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <span>{p.fullName}</span>
                    <Typography.Text type="secondary" className="member-cccd">
                      {p.cccdMasked}
                    </Typography.Text>
                    <Tag>{t(`member.pt.source.${p.source}`)}</Tag>
                  </Space>
                }
                description={describe(p)}
              />
            </List.Item>
          )}
        />
      </Modal>
      <FormModal<{ note: string }>
        open={dismissing !== null}
        title={t('member.pt.dismissTitle', { name: dismissing?.fullName ?? '' })}
        form={form}
        okText={t('member.pt.dismiss')}
        onClose={() => setDismissing(null)}
        onSubmit={async (v) => {
          if (!dismissing) return;
          await membersApi.dismissPossibleTransfer(dismissing.id, v.note);
          await qc.invalidateQueries({ queryKey: memberKeys.possibleTransfers(unitId) });
          message.success(t('member.pt.dismissed'));
        }}
      >
        <Form.Item
          name="note"
          label={t('member.pt.note')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </FormModal>
    </>
  );
}
