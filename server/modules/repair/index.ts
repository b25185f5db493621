/**
 * Repair (抢修): the crew register, the dispatcher's board with the suggested crew, and the crew's
 * own work on a job, which drives the fault order through the orders module.
 */
import type { App } from '../../http/context.js';
import { repairRoutes } from './routes.js';

export function registerRepairRoutes(app: App): void {
  repairRoutes(app);
}
export { rankCrews } from './machine.js';
