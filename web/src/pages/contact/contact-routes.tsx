/** The telephone's pages under /contact: the desk and the call log (agents), the monitor (leads). */
import { Navigate, Route, Routes } from 'react-router-dom';
import { RequirePermission } from '../../components/require-permission.tsx';
import { CallsPage } from './calls-page.tsx';
import { DeskPage } from './desk/desk-page.tsx';
import { MonitorPage } from './monitor-page.tsx';

export function ContactRoutes() {
  return (
    <Routes>
      <Route
        path="desk"
        element={
          <RequirePermission permission="contact.use">
            <DeskPage />
          </RequirePermission>
        }
      />
      <Route
        path="calls"
        element={
          <RequirePermission permission="contact.use">
            <CallsPage />
          </RequirePermission>
        }
      />
      <Route
        path="monitor"
        element={
          <RequirePermission permission="contact.monitor">
            <MonitorPage />
          </RequirePermission>
        }
      />
      <Route path="*" element={<Navigate to="calls" replace />} />
    </Routes>
  );
}
