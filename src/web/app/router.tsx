import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import type { Permission } from '../../shared/auth/roles.js';
import { useSession } from '../features/auth/session.js';
import { type FeatureMessages, loadMessages } from './i18n/features.js';
import { Forbidden, NotFound, PageLoading, RouteError } from './layout/states.js';

// Each page is its own chunk, with the catalogues of the features its screens show: a phone on a slow
// line only downloads the page it opens (features.test.ts checks each list against the page's imports).
function page<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
  features: readonly FeatureMessages[],
) {
  return lazy(async () => {
    const [m] = await Promise.all([load(), loadMessages(features)]);
    return { default: m[name] };
  });
}

// The signed-in shell (menu, drawer, user menu) is not on the sign-in page.
const AppLayout = lazy(() => import('./layout/AppLayout.js').then((m) => ({ default: m.AppLayout })));
const LoginPage = page(() => import('../features/auth/LoginPage.js'), 'LoginPage', []);
const OrgPage = page(() => import('../features/org/OrgPage.js'), 'OrgPage', ['org']);
const FoundedUnionsPage = page(() => import('../features/org/FoundedUnionsPage.js'), 'FoundedUnionsPage', ['org']);
const UsersPage = page(() => import('../features/users/UsersPage.js'), 'UsersPage', ['users', 'org']);
const EnterprisesPage = page(() => import('../features/enterprises/EnterprisesPage.js'), 'EnterprisesPage', [
  'enterprises',
  'outreach',
]);
const OutreachPage = page(() => import('../features/outreach/OutreachPage.js'), 'OutreachPage', [
  'outreach',
  'enterprises',
]);
const MembersPage = page(() => import('../features/members/MembersPage.js'), 'MembersPage', [
  'members',
  'outreach',
  'enterprises',
]);
const AdmitPage = page(() => import('../features/members/AdmitPage.js'), 'AdmitPage', [
  'members',
  'outreach',
  'enterprises',
]);
const ImportPage = page(() => import('../features/imports/ImportPage.js'), 'ImportPage', ['imports', 'members']);
const AuditPage = page(() => import('../features/audit/AuditPage.js'), 'AuditPage', ['audit']);
const ApplicationsPage = page(() => import('../features/applications/ApplicationsPage.js'), 'ApplicationsPage', [
  'applications',
  'outreach',
  'enterprises',
]);
const DashboardPage = page(() => import('../features/dashboard/DashboardPage.js'), 'DashboardPage', [
  'dashboard',
  'plans',
]);
const PlansPage = page(() => import('../features/plans/PlansPage.js'), 'PlansPage', ['plans', 'dashboard']);
const PlanDetailPage = page(() => import('../features/plans/PlanDetailPage.js'), 'PlanDetailPage', [
  'plans',
  'dashboard',
  'reviews',
]);
const PlanFormPage = page(() => import('../features/plans/PlanFormPage.js'), 'PlanFormPage', ['plans', 'dashboard']);
const ReviewPage = page(() => import('../features/reviews/ReviewPage.js'), 'ReviewPage', ['reviews', 'dashboard']);
const ReceivedPage = page(() => import('../features/reviews/ReceivedPage.js'), 'ReceivedPage', ['reviews']);
const PosterPage = page(() => import('../features/applications/PosterPage.js'), 'PosterPage', ['applications']);

function RequireSession({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <PageLoading full />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? children : <Forbidden />;
}

/** The landing page: the dashboard for those who read records, the org tree for the others. */
function Home() {
  const { can } = useSession();
  return can('record.read') ? <DashboardPage /> : <Navigate to="/org" replace />;
}

function GuestOnly({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <PageLoading full />;
  if (me) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
  }
  return <Suspense fallback={<PageLoading full />}>{children}</Suspense>;
}

export const router = createBrowserRouter([
  // /apply/:token (the worker's form from the QR poster) is not here: it is its own light entry,
  // apply.html (src/web/apply/), which the server sends for those paths.
  {
    // The poster prints without the app's header and menu.
    path: '/applications/poster/:unitId',
    errorElement: <RouteError />,
    element: (
      <RequireSession>
        <RequirePermission permission="record.read">
          <Suspense fallback={<PageLoading full />}>
            <PosterPage />
          </Suspense>
        </RequirePermission>
      </RequireSession>
    ),
  },
  {
    path: '/login',
    errorElement: <RouteError />,
    element: (
      <GuestOnly>
        <LoginPage />
      </GuestOnly>
    ),
  },
  {
    path: '/',
    errorElement: <RouteError />,
    element: (
      <RequireSession>
        <Suspense fallback={<PageLoading full />}>
          <AppLayout />
        </Suspense>
      </RequireSession>
    ),
    children: [
      { index: true, element: <Home /> },
      {
        path: 'plans',
        element: (
          <RequirePermission permission="record.read">
            <PlansPage />
          </RequirePermission>
        ),
      },
      {
        path: 'plans/new',
        element: (
          <RequirePermission permission="plan.manage">
            <PlanFormPage />
          </RequirePermission>
        ),
      },
      {
        path: 'plans/:id',
        element: (
          <RequirePermission permission="record.read">
            <PlanDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: 'plans/:id/edit',
        element: (
          <RequirePermission permission="plan.manage">
            <PlanFormPage />
          </RequirePermission>
        ),
      },
      {
        path: 'reviews/received',
        element: (
          <RequirePermission permission="record.read">
            <ReceivedPage />
          </RequirePermission>
        ),
      },
      {
        path: 'reviews/:id',
        element: (
          <RequirePermission permission="record.read">
            <ReviewPage />
          </RequirePermission>
        ),
      },
      { path: 'org', element: <OrgPage /> },
      { path: 'org/founded', element: <FoundedUnionsPage /> },
      {
        path: 'enterprises',
        element: (
          <RequirePermission permission="record.read">
            <EnterprisesPage />
          </RequirePermission>
        ),
      },
      {
        path: 'outreach',
        element: (
          <RequirePermission permission="record.read">
            <OutreachPage />
          </RequirePermission>
        ),
      },
      {
        path: 'members',
        element: (
          <RequirePermission permission="record.read">
            <MembersPage />
          </RequirePermission>
        ),
      },
      {
        path: 'members/admit',
        element: (
          <RequirePermission permission="record.write">
            <AdmitPage />
          </RequirePermission>
        ),
      },
      {
        path: 'applications',
        element: (
          <RequirePermission permission="record.read">
            <ApplicationsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'import',
        element: (
          <RequirePermission permission="record.write">
            <ImportPage />
          </RequirePermission>
        ),
      },
      {
        path: 'users',
        element: (
          <RequirePermission permission="user.manage">
            <UsersPage />
          </RequirePermission>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequirePermission permission="user.manage">
            <AuditPage />
          </RequirePermission>
        ),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
