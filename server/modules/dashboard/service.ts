import type { Kysely } from 'kysely';
import type { DashboardSummary } from '../../../common/schemas/dashboard.js';
import type { DB } from '../../db/schema.js';
import { scopePrefix, type Actor } from '../../platform/actor.js';
import { authorize } from '../auth/index.js';
import { countsUnder } from './store.js';

/** Real head counts (units, people, customers, people signed in) within the actor's scope. */
export async function dashboardSummary(ctx: {
  tx: Kysely<DB>;
  actor: Actor;
}): Promise<DashboardSummary> {
  authorize(ctx.actor, 'dashboard.view');
  const c = await countsUnder(ctx.tx, scopePrefix(ctx.actor));
  return {
    units: c.unitsByLevel.reduce((n, r) => n + r.count, 0),
    users: c.users.total,
    activeUsers: c.users.active,
    customers: c.customers,
    activeSessions: c.sessions,
    usersByRole: c.usersByRole.map((r) => ({ role: r.role, count: r.active })),
    unitsByLevel: c.unitsByLevel.map((r) => ({ level: r.level, count: r.count })),
  };
}
