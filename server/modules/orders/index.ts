/**
 * Work orders (工单): the closed loop of rules.md §2 with its taxonomy, routing, SLA clocks and
 * durable timers, repeats and merges.
 */
import type { App } from '../../http/context.js';
import { registerAttachmentRoutes } from './attachments/index.js';
import { orderRoutes } from './routes/orders.js';
import { settingsRoutes } from './routes/settings.js';

export function registerOrderRoutes(app: App): void {
  orderRoutes(app);
  settingsRoutes(app);
  registerAttachmentRoutes(app);
}
export { settleOutageLinksJob, startSlaTimers } from './jobs.js';
export { settleStrandedLinks } from './service/settle-links.js';
export { fireDueTimers } from './service/fire-timers.js';
export { actOnOrder } from './service/act-on-order.js';
// A customer's open and recent orders, for the contact module's screen pop.
export { listOrders, visibleOrder } from './service/order-view.js';
export { createOrder, numberDay } from './service/create-order.js';
export { wallboardOrders } from './service/wallboard.js';
export { ensureNumberSequence } from './store/numbering.js';
// For repair job photos (an outage job has no order): the same file checks and storage.
export { ATTACHMENT_MAX_BYTES, attachmentContentType } from './attachments/file-kind.js';
export { cleanFileName } from './attachments/service.js';
export {
  localAttachmentStorage,
  storageKeyFor,
  type AttachmentStorage,
} from './attachments/storage.js';
export {
  linkOrdersToOutage,
  releaseLinkedOrders,
  returnLinkedOrders,
  type LinkedOutage,
} from './service/outage-links.js';
