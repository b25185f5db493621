/**
 * Repair (抢修): the crew register, the dispatcher's board with the suggested crew, and the crew's
 * own work on a job, which drives the fault order through the orders module, or restores the
 * outage through the outages module.
 */
import type { App } from '../../http/context.js';
import { jobPhotoRoutes } from './photo-routes.js';
import { repairRoutes } from './routes.js';

export function registerRepairRoutes(app: App): void {
  repairRoutes(app);
  jobPhotoRoutes(app);
}
export { rankCrews } from './machine.js';
export { outageCommitments } from './outage-commitments.js';
