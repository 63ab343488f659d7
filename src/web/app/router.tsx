import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import type { Permission } from '../../shared/auth/roles.js';
import { useSession } from '../features/auth/session.js';
import { AppLayout } from './layout/AppLayout.js';
import { Forbidden, NotFound, PageLoading, RouteError } from './layout/states.js';

// Each page is its own chunk: a phone on a slow line only downloads the page it opens.
const LoginPage = lazy(() => import('../features/auth/LoginPage.js').then((m) => ({ default: m.LoginPage })));
const OrgPage = lazy(() => import('../features/org/OrgPage.js').then((m) => ({ default: m.OrgPage })));
const FoundedUnionsPage = lazy(() =>
  import('../features/org/FoundedUnionsPage.js').then((m) => ({ default: m.FoundedUnionsPage })),
);
const UsersPage = lazy(() => import('../features/users/UsersPage.js').then((m) => ({ default: m.UsersPage })));
const EnterprisesPage = lazy(() =>
  import('../features/enterprises/EnterprisesPage.js').then((m) => ({ default: m.EnterprisesPage })),
);
const OutreachPage = lazy(() =>
  import('../features/outreach/OutreachPage.js').then((m) => ({ default: m.OutreachPage })),
);
const MembersPage = lazy(() => import('../features/members/MembersPage.js').then((m) => ({ default: m.MembersPage })));
const AdmitPage = lazy(() => import('../features/members/AdmitPage.js').then((m) => ({ default: m.AdmitPage })));
const ImportPage = lazy(() => import('../features/imports/ImportPage.js').then((m) => ({ default: m.ImportPage })));
const AuditPage = lazy(() => import('../features/audit/AuditPage.js').then((m) => ({ default: m.AuditPage })));
const ApplicationsPage = lazy(() =>
  import('../features/applications/ApplicationsPage.js').then((m) => ({ default: m.ApplicationsPage })),
);
const DashboardPage = lazy(() =>
  import('../features/dashboard/DashboardPage.js').then((m) => ({ default: m.DashboardPage })),
);
const PlansPage = lazy(() => import('../features/plans/PlansPage.js').then((m) => ({ default: m.PlansPage })));
const PlanDetailPage = lazy(() =>
  import('../features/plans/PlanDetailPage.js').then((m) => ({ default: m.PlanDetailPage })),
);
const PlanFormPage = lazy(() => import('../features/plans/PlanFormPage.js').then((m) => ({ default: m.PlanFormPage })));
const PosterPage = lazy(() =>
  import('../features/applications/PosterPage.js').then((m) => ({ default: m.PosterPage })),
);

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
        <AppLayout />
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
