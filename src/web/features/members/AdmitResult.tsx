import { CheckCircleOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Result, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import type { TAdmissionResult } from './api.js';

export type AdmitUpload = { name: string; error: string | null };

/** After the decision is recorded: who was admitted (readmissions marked) and how each scan fared. */
export function AdmitResult({
  result: r,
  uploads,
  onAgain,
}: {
  result: TAdmissionResult;
  uploads: AdmitUpload[];
  onAgain: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="admit-page">
      <Card data-testid="admit-result">
        <Result
          status="success"
          icon={<CheckCircleOutlined />}
          title={t('admit.done', { n: r.admitted.length, no: r.decisionNo })}
          subTitle={t('admit.doneHint')}
          extra={
            <Space wrap>
              <Link to={`/members?unit=${r.unitId}`} data-testid="admit-to-list">
                <Button type="primary">{t('admit.toList')}</Button>
              </Link>
              <Button onClick={onAgain} data-testid="admit-again">
                {t('admit.again')}
              </Button>
            </Space>
          }
        />
        <Table
          rowKey="membershipId"
          size="small"
          pagination={false}
          dataSource={r.admitted}
          columns={[
            { key: 'i', title: '#', width: 48, render: (_, __, i) => i + 1 },
            { key: 'name', title: t('admit.field.fullName'), dataIndex: 'fullName' },
            {
              key: 'cccd',
              title: t('admit.field.cccd'),
              render: (_, a) => <span className="member-cccd">{a.cccdMasked}</span>,
            },
            {
              key: 'again',
              title: '',
              render: (_, a) => (a.readmitted ? <Tag color="blue">{t('admit.readmitted')}</Tag> : null),
            },
          ]}
        />
        {uploads.length > 0 && (
          <Space orientation="vertical" className="admit-uploads" data-testid="admit-uploads">
            {uploads.map((u) =>
              u.error ? (
                <Alert
                  key={u.name}
                  type="warning"
                  showIcon
                  title={t('admit.uploadFailed', { name: u.name, error: u.error })}
                />
              ) : (
                <Typography.Text key={u.name}>
                  <PaperClipOutlined /> {t('admit.uploaded', { name: u.name })}
                </Typography.Text>
              ),
            )}
          </Space>
        )}
      </Card>
    </div>
  );
}
