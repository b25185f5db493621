import { NoQuery } from '../../../common/schemas/primitives.js';
import { DashboardSummary } from '../../../common/schemas/dashboard.js';
import { actorOf, type App } from '../../http/context.js';
import { dashboardSummary } from './service.js';

export function dashboardRoutes(app: App): void {
  app.get(
    '/api/dashboard/summary',
    {
      schema: {
        querystring: NoQuery,
        tags: ['dashboard'],
        summary: '工作台概览 Counts of units, people and customers in your scope',
        response: { 200: DashboardSummary },
      },
    },
    async (request) => dashboardSummary({ tx: app.deps.database.db, actor: actorOf(request) }),
  );
}
