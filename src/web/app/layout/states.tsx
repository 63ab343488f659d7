import { Button, Result, Spin } from 'antd';
import { Link, useRouteError } from 'react-router';
import { useI18n } from '../i18n/I18nProvider.js';

export function PageLoading({ full }: { full?: boolean }) {
  const { t } = useI18n();
  return (
    <div className={full ? 'page-loading page-loading-full' : 'page-loading'}>
      <Spin description={t('app.loading')} />
    </div>
  );
}

export function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={
        <Link to="/org">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function Forbidden() {
  const { t } = useI18n();
  return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
}

/** Shown when a page throws while rendering, or its code failed to download (e.g. after an upgrade). */
export function RouteError() {
  const { t } = useI18n();
  const error = useRouteError();
  console.error(error);
  return (
    <Result
      status="error"
      title={t('error.page')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
