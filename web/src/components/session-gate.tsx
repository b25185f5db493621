import { useQueryClient } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { setSessionProblemHandler } from '../api/client.ts';
import { meKey, useMe } from '../api/session.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ForcedPasswordPage } from '../pages/account/forced-password-page.tsx';
import { LoginPage } from '../pages/login/login-page.tsx';
import { AppShell } from './app-shell.tsx';
import { RequirePermission } from './require-permission.tsx';
import { SessionContext } from './session-context.ts';

// Pages load on first visit: an agent never downloads the admin screens or the chart library.
const DashboardPage = lazy(() =>
  import('../pages/dashboard/dashboard-page.tsx').then((m) => ({ default: m.DashboardPage })),
);
const ProfilePage = lazy(() =>
  import('../pages/account/profile-page.tsx').then((m) => ({ default: m.ProfilePage })),
);
const UnitsPage = lazy(() =>
  import('../pages/units/units-page.tsx').then((m) => ({ default: m.UnitsPage })),
);
const UsersPage = lazy(() =>
  import('../pages/users/users-page.tsx').then((m) => ({ default: m.UsersPage })),
);
const TokensPage = lazy(() =>
  import('../pages/tokens/tokens-page.tsx').then((m) => ({ default: m.TokensPage })),
);
const AuditPage = lazy(() =>
  import('../pages/audit/audit-page.tsx').then((m) => ({ default: m.AuditPage })),
);
const CustomerSearchPage = lazy(() =>
  import('../pages/customers/customer-search-page.tsx').then((m) => ({
    default: m.CustomerSearchPage,
  })),
);
const CustomerPage = lazy(() =>
  import('../pages/customers/customer-page.tsx').then((m) => ({ default: m.CustomerPage })),
);
const NetworkPage = lazy(() =>
  import('../pages/network/network-page.tsx').then((m) => ({ default: m.NetworkPage })),
);
const SegmentsPage = lazy(() =>
  import('../pages/segments/segments-page.tsx').then((m) => ({ default: m.SegmentsPage })),
);
const ImportsPage = lazy(() =>
  import('../pages/imports/imports-page.tsx').then((m) => ({ default: m.ImportsPage })),
);
const OrdersPage = lazy(() =>
  import('../pages/orders/orders-page.tsx').then((m) => ({ default: m.OrdersPage })),
);
const AtRiskPage = lazy(() =>
  import('../pages/orders/at-risk-page.tsx').then((m) => ({ default: m.AtRiskPage })),
);
const OrderCreatePage = lazy(() =>
  import('../pages/orders/order-create-page.tsx').then((m) => ({ default: m.OrderCreatePage })),
);
const OrderPage = lazy(() =>
  import('../pages/orders/order-page.tsx').then((m) => ({ default: m.OrderPage })),
);
const CalendarPage = lazy(() =>
  import('../pages/calendar/calendar-page.tsx').then((m) => ({ default: m.CalendarPage })),
);
const NotifyTemplatesPage = lazy(() =>
  import('../pages/notify/templates-page.tsx').then((m) => ({ default: m.NotifyTemplatesPage })),
);
const NotifyLogPage = lazy(() =>
  import('../pages/notify/delivery-log-page.tsx').then((m) => ({ default: m.NotifyLogPage })),
);
const RepairBoardPage = lazy(() =>
  import('../pages/repair/board-page.tsx').then((m) => ({ default: m.RepairBoardPage })),
);
const CrewsPage = lazy(() =>
  import('../pages/repair/crews-page.tsx').then((m) => ({ default: m.CrewsPage })),
);
const CrewPage = lazy(() =>
  import('../pages/crew/crew-page.tsx').then((m) => ({ default: m.CrewPage })),
);
const OrderSettingsPage = lazy(() =>
  import('../pages/order-settings/order-settings-page.tsx').then((m) => ({
    default: m.OrderSettingsPage,
  })),
);
const OutagesPage = lazy(() =>
  import('../pages/outages/outages-page.tsx').then((m) => ({ default: m.OutagesPage })),
);
const OutageCreatePage = lazy(() =>
  import('../pages/outages/outage-create-page.tsx').then((m) => ({ default: m.OutageCreatePage })),
);
const OutagePage = lazy(() =>
  import('../pages/outages/outage-page.tsx').then((m) => ({ default: m.OutagePage })),
);
const PredictionsPage = lazy(() =>
  import('../pages/outages/predictions-page.tsx').then((m) => ({ default: m.PredictionsPage })),
);

const ContactRoutes = lazy(() =>
  import('../pages/contact/contact-routes.tsx').then((m) => ({ default: m.ContactRoutes })),
);
const ContactSettingsPage = lazy(() =>
  import('../pages/contact/settings-page.tsx').then((m) => ({
    default: m.ContactSettingsPage,
  })),
);
const WallboardPage = lazy(() =>
  import('../pages/wallboard/wallboard-page.tsx').then((m) => ({ default: m.WallboardPage })),
);
const KnowledgeRoutes = lazy(() =>
  import('../pages/knowledge/knowledge-routes.tsx').then((m) => ({
    default: m.KnowledgeRoutes,
  })),
);

function Loading() {
  return (
    <div className="lx-loading">
      <Spin size="large" />
    </div>
  );
}

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/** Where to go once signed in: back to the page that sent the user to sign in, or home. */
function AfterSignIn() {
  const from = (useLocation().state as { from?: string } | null)?.from;
  return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
}

function ToSignIn() {
  const { pathname, search } = useLocation();
  return <Navigate to="/login" replace state={{ from: pathname + search }} />;
}

/** Shows sign-in, the forced password change, or the app, depending on the session. */
export function SessionGate() {
  const me = useMe();
  const qc = useQueryClient();
  const { t } = useI18n();

  useEffect(() => {
    setSessionProblemHandler((problem) => {
      if (problem === 'password-change') {
        void qc.invalidateQueries({ queryKey: meKey });
        return;
      }
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      qc.setQueryData(meKey, null);
    });
    return () => setSessionProblemHandler(null);
  }, [qc]);

  if (me.isPending) return <Loading />;
  if (me.isError) {
    return (
      <Result
        status="error"
        title={t('error.startFailed')}
        subTitle={me.error.message}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!me.data) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<ToSignIn />} />
      </Routes>
    );
  }
  if (me.data.user.mustChangePassword) {
    return (
      <SessionContext.Provider value={me.data}>
        <ForcedPasswordPage />
      </SessionContext.Provider>
    );
  }
  return (
    <SessionContext.Provider value={me.data}>
      <Routes>
        <Route path="/login" element={<AfterSignIn />} />
        {/* Full screen, without the menu: it hangs on the wall of the center. */}
        <Route
          path="/wallboard"
          element={
            <RequirePermission permission="contact.monitor">
              <Page>
                <WallboardPage />
              </Page>
            </RequirePermission>
          }
        />
        <Route element={<AppShell />}>
          <Route
            index
            element={
              <Page>
                <DashboardPage />
              </Page>
            }
          />
          <Route
            path="profile"
            element={
              <Page>
                <ProfilePage />
              </Page>
            }
          />
          <Route
            path="orders"
            element={
              <RequirePermission permission="order.view">
                <Page>
                  <OrdersPage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="orders/at-risk"
            element={
              <RequirePermission permission="order.supervise">
                <Page>
                  <AtRiskPage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="orders/new"
            element={
              <RequirePermission permission="order.create">
                <Page>
                  <OrderCreatePage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="orders/:id"
            element={
              <RequirePermission permission="order.view">
                <Page>
                  <OrderPage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="outages"
            element={
              <RequirePermission permission="outage.view">
                <Page>
                  <OutagesPage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="outages/new"
            element={
              <RequirePermission permission="outage.manage">
                <Page>
                  <OutageCreatePage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="outages/predictions"
            element={
              <RequirePermission permission="outage.view">
                <Page>
                  <PredictionsPage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="outages/:id"
            element={
              <RequirePermission permission="outage.view">
                <Page>
                  <OutagePage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="customers"
            element={
              <RequirePermission permission="customer.view">
                <Page>
                  <CustomerSearchPage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="customers/:id"
            element={
              <RequirePermission permission="customer.view">
                <Page>
                  <CustomerPage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="network"
            element={
              <RequirePermission permission="grid.view">
                <Page>
                  <NetworkPage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="segments"
            element={
              <RequirePermission permission="customer.view">
                <Page>
                  <SegmentsPage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="imports"
            element={
              <RequirePermission permission="customer.import">
                <Page>
                  <ImportsPage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="repair/board"
            element={
              <RequirePermission permission="repair.view">
                <Page>
                  <RepairBoardPage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="crew"
            element={
              <RequirePermission permission="repair.work">
                <Page>
                  <CrewPage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="admin/crews"
            element={
              <RequirePermission permission="repair.manage">
                <Page>
                  <CrewsPage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="admin/order-settings"
            element={
              <RequirePermission permission="order.manage">
                <Page>
                  <OrderSettingsPage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="admin/notify/templates"
            element={
              <RequirePermission permission="notify.manage">
                <Page>
                  <NotifyTemplatesPage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="admin/notify/log"
            element={
              <RequirePermission permission="notify.view">
                <Page>
                  <NotifyLogPage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="admin/calendar"
            element={
              <RequirePermission permission="calendar.view">
                <Page>
                  <CalendarPage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="admin/units"
            element={
              <RequirePermission permission="org.view">
                <Page>
                  <UnitsPage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="admin/users"
            element={
              <RequirePermission permission="user.view">
                <Page>
                  <UsersPage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="admin/tokens"
            element={
              <RequirePermission permission="token.manage">
                <Page>
                  <TokensPage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="contact/*"
            element={
              <Page>
                <ContactRoutes />
              </Page>
            }
          />
          <Route
            path="admin/contact"
            element={
              <RequirePermission permission="contact.manage">
                <Page>
                  <ContactSettingsPage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="knowledge/*"
            element={
              <RequirePermission permission="knowledge.view">
                <Page>
                  <KnowledgeRoutes />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="admin/audit"
            element={
              <RequirePermission permission="audit.view">
                <Page>
                  <AuditPage />
                </Page>
              </RequirePermission>
            }
          />
          <Route
            path="*"
            element={<Result status="404" title="404" subTitle={t('error.notFoundPage')} />}
          />
        </Route>
      </Routes>
    </SessionContext.Provider>
  );
}
