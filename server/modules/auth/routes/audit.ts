import { AuditList, ListAuditQuery } from '../../../../common/schemas/audit.js';
import { actorOf, type App } from '../../../http/context.js';
import { listAuditView } from '../service/audit-view.js';

export function auditRoutes(app: App): void {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志 Audit entries in your scope, newest first (read-only)',
        querystring: ListAuditQuery,
        response: { 200: AuditList },
      },
    },
    async (request) =>
      listAuditView({ tx: app.deps.database.db, actor: actorOf(request) }, request.query),
  );
}
