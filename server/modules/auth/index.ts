/** The auth module: people, roles, the organisation tree, sessions, API tokens and the audit log. */
import type { App } from '../../http/context.js';
import { auditRoutes } from './routes/audit.js';
import { sessionRoutes } from './routes/session.js';
import { tokenRoutes } from './routes/tokens.js';
import { unitRoutes } from './routes/units.js';
import { userRoutes } from './routes/users.js';

export { AuthError } from './errors.js';
export { clearPrincipalCache, startPrincipalCache } from './principal-cache.js';
export { authorize } from './policy.js';
export { hashPassword } from './passwords.js';
export { bootstrapOrganisation } from './service/bootstrap.js';
export { recordAudit, type AuditContext, type AuditEntryInput } from './service/audit.js';
export { actorFromSession, actorFromToken } from './service/principal.js';
export { purgeSessionsJob } from './jobs.js';

export function registerAuthRoutes(app: App): void {
  sessionRoutes(app);
  unitRoutes(app);
  userRoutes(app);
  tokenRoutes(app);
  auditRoutes(app);
}
