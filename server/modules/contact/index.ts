/**
 * The telephone (contact module): telephony events in from a PBX (Zammad-compatible CTI), calls
 * and their log, agents' states and skills, routing, the screen pop, and their administration.
 */
import type { App } from '../../http/context.js';
import { outboxNudger } from './live-nudge.js';
import { adminRoutes } from './routes/admin.js';
import { ctiRoutes } from './routes/cti.js';
import { deskRoutes } from './routes/desk.js';
import { wallboardRoutes } from './routes/wallboard.js';

export function registerContactRoutes(app: App): void {
  const live = outboxNudger(app.deps.database, app.live, app.log);
  // A dispatch in flight finishes before the database closes.
  app.addHook('onClose', async () => live.idle());
  ctiRoutes(app, live.nudge);
  deskRoutes(app, live.nudge);
  adminRoutes(app);
  wallboardRoutes(app);
}
export { startContactTimers, expireAfterCallWork } from './service/acw-timer.js';
// For the demo loader: its integration's secret is stored as a hash like any other.
export { sha256 as ctiSecretHash } from './secret.js';
