import { CopyOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Modal, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { todayIso } from '../../../shared/text/index.js';
import { errorText } from '../../app/api/errors.js';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { viDateTime } from '../../components/format.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { useSession } from '../auth/session.js';
import { applicationKeys, applicationsApi, svgSource } from './api.js';

/** A unit's application link: see it, make it, copy it, replace it, print its poster. */
export function LinkModal({ open, onClose, unitId: initial }: { open: boolean; onClose: () => void; unitId?: number }) {
  const { t } = useI18n();
  const { can, me } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [unitId, setUnitId] = useState<number | null>(initial ?? me?.roles[0]?.unitId ?? null);
  const link = useQuery({
    queryKey: applicationKeys.link(unitId ?? 0),
    queryFn: () => applicationsApi.link(unitId ?? 0),
    enabled: open && unitId !== null,
  });
  const refresh = (data: unknown) => qc.setQueryData(applicationKeys.link(unitId ?? 0), data);
  const create = useMutation({
    mutationFn: () => applicationsApi.createLink(unitId ?? 0),
    onSuccess: refresh,
    onError: (e) => message.error(errorText(e, t)),
  });
  const rotate = useMutation({
    mutationFn: () => applicationsApi.rotateLink(unitId ?? 0),
    onSuccess: (data) => {
      refresh(data);
      message.success(t('link.rotated'));
    },
    onError: (e) => message.error(errorText(e, t)),
  });
  const l = link.data?.link;
  const copy = async () => {
    if (!l) return;
    try {
      await navigator.clipboard.writeText(l.url);
      message.success(t('link.copied'));
    } catch {
      message.warning(t('link.copyFailed'));
    }
  };
  const writer = can('record.write');

  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('link.title')} destroyOnHidden>
      <div data-testid="apply-link-modal">
        <Typography.Text strong>{t('link.unit')}</Typography.Text>
        <UnitSelect
          value={unitId}
          onChange={(id) => setUnitId(id)}
          asOf={todayIso()}
          valueName={me?.roles.find((r) => r.unitId === unitId)?.unitName}
          style={{ width: '100%', margin: '4px 0 12px' }}
          data-testid="apply-link-unit"
        />
        {unitId === null ? (
          <Empty description={t('link.pickUnit')} />
        ) : link.isError ? (
          <Alert type="error" showIcon title={errorText(link.error, t)} />
        ) : link.isPending ? null : !l ? (
          <Empty description={t('link.none')}>
            {writer && (
              <Button
                type="primary"
                loading={create.isPending}
                onClick={() => create.mutate()}
                data-testid="apply-link-create"
              >
                {t('link.create')}
              </Button>
            )}
          </Empty>
        ) : (
          <div>
            <img className="link-qr" src={svgSource(l.qrSvg)} alt={l.url} />
            <Typography.Paragraph className="link-url" copyable={false} data-testid="apply-link-url">
              <a href={l.url} target="_blank" rel="noreferrer">
                {l.url}
              </a>
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">
              {t('link.since', { date: viDateTime(l.createdAt) })}
            </Typography.Paragraph>
            <Space wrap>
              <Button icon={<CopyOutlined />} onClick={copy} data-testid="apply-link-copy">
                {t('link.copy')}
              </Button>
              <Button
                type="primary"
                icon={<PrinterOutlined />}
                onClick={() => navigate(`/applications/poster/${unitId}`)}
                data-testid="apply-poster-open"
              >
                {t('link.poster')}
              </Button>
              {writer && (
                <Popconfirm
                  title={t('link.rotateConfirm')}
                  onConfirm={() => rotate.mutate()}
                  okButtonProps={{ danger: true }}
                >
                  <Button danger icon={<ReloadOutlined />} loading={rotate.isPending} data-testid="apply-link-rotate">
                    {t('link.rotate')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          </div>
        )}
      </div>
    </Modal>
  );
}
