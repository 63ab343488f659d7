import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useI18n } from '../../app/i18n/I18nProvider.js';
import { translate } from '../../app/i18n/i18n.js';
import { PageLoading } from '../../app/layout/states.js';
import { applicationKeys, applicationsApi, svgSource } from './api.js';
import './applications.css';

/** The poster speaks to Vietnamese workers whatever language the officer's screen is in. */
const vi = (key: Parameters<typeof translate>[1]) => translate('vi', key);

/** An A4 portrait poster of a unit's application link: print it, pin it at the factory gate. */
export function PosterPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const unitId = Number(useParams().unitId);
  const link = useQuery({
    queryKey: applicationKeys.link(unitId),
    queryFn: () => applicationsApi.link(unitId),
    enabled: Number.isInteger(unitId) && unitId > 0,
  });
  const l = link.data?.link;
  return (
    <div className="poster-page">
      <div className="poster-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
          {t('poster.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!l}>
          {t('poster.print')}
        </Button>
      </div>
      {link.isPending ? (
        <PageLoading />
      ) : !l ? (
        <Result status="info" title={t('poster.none')} />
      ) : (
        <article className="poster" data-testid="apply-poster" lang="vi">
          <div className="poster-union">{vi('poster.union')}</div>
          {l.parentName && <div className="poster-parent">{l.parentName}</div>}
          <div className="poster-unit">{l.unitName}</div>
          <hr className="poster-rule" />
          <h1 className="poster-headline">{vi('poster.headline')}</h1>
          <img className="poster-qr" src={svgSource(l.qrSvg)} alt={l.url} data-testid="apply-poster-qr" />
          <ol className="poster-steps">
            <li>{vi('poster.step1')}</li>
            <li>{vi('poster.step2')}</li>
            <li>{vi('poster.step3')}</li>
          </ol>
          <div>{vi('poster.orType')}</div>
          <div className="poster-url" data-testid="apply-poster-url">
            {l.url}
          </div>
          <div className="poster-free">{vi('poster.free')}</div>
        </article>
      )}
    </div>
  );
}
