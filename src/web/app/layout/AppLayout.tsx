import {
  AimOutlined,
  ApartmentOutlined,
  DashboardOutlined,
  FileExcelOutlined,
  FormOutlined,
  HistoryOutlined,
  IdcardOutlined,
  InboxOutlined,
  MenuOutlined,
  NotificationOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Layout, Menu, type MenuProps } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useLayout } from '../../components/useLayout.js';
import { useSession } from '../../features/auth/session.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Brand } from './Brand.js';
import { EndedUnitNotice } from './EndedUnitNotice.js';
import { HEADER_ICON } from './headerStyle.js';
import { PageLoading } from './states.js';
import { UserArea } from './UserArea.js';

/** Header, side menu (a drawer on phones) and the current page. */
export function AppLayout() {
  const { t } = useI18n();
  const { can } = useSession();
  // Until the first measurement, assume a phone: the layout then only grows.
  const { wide: desktop } = useLayout();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();

  const items: MenuProps['items'] = [
    ...(can('record.read')
      ? [
          { key: '/', icon: <DashboardOutlined />, label: t('nav.dashboard') },
          { key: '/plans', icon: <AimOutlined />, label: t('nav.plans') },
          { key: '/reviews/received', icon: <InboxOutlined />, label: t('nav.reviews') },
        ]
      : []),
    { key: '/org', icon: <ApartmentOutlined />, label: t('nav.org') },
    ...(can('record.read')
      ? [
          { key: '/members', icon: <IdcardOutlined />, label: t('nav.members') },
          { key: '/enterprises', icon: <ShopOutlined />, label: t('nav.enterprises') },
          { key: '/outreach', icon: <NotificationOutlined />, label: t('nav.outreach') },
          { key: '/applications', icon: <FormOutlined />, label: t('nav.applications') },
        ]
      : []),
    ...(can('record.write') ? [{ key: '/import', icon: <FileExcelOutlined />, label: t('nav.import') }] : []),
    ...(can('user.manage')
      ? [
          { key: '/users', icon: <TeamOutlined />, label: t('nav.users') },
          { key: '/audit', icon: <HistoryOutlined />, label: t('nav.audit') },
        ]
      : []),
  ];
  const selected = `/${location.pathname.split('/')[1] ?? ''}`;
  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selected]}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
      data-testid="main-menu"
    />
  );

  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header">
        {!desktop && (
          <Button
            type="text"
            style={HEADER_ICON}
            icon={<MenuOutlined />}
            aria-label={t('nav.menu')}
            onClick={() => setDrawerOpen(true)}
            data-testid="menu-button"
          />
        )}
        <Brand />
        <div className="app-header-spacer" />
        <UserArea compact={!desktop} />
      </Layout.Header>
      <Layout>
        {desktop && (
          <Layout.Sider width={232} className="app-sider">
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content className="app-content">
          <EndedUnitNotice />
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {!desktop && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={272}
          title={<Brand dark />}
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      )}
    </Layout>
  );
}
