/**
 * Notifications: message templates (zh-CN, strict `{variable}` placeholders, versioned), one
 * delivery per message through SMS (HTTP gateway), e-mail (SMTP) or the in-app inbox — each
 * outbound channel may be the log instead (development, demo) — with attempts, retries and
 * backoff, and the customers' consent.
 *
 * Other modules call `notify(tx, { template, to, vars, channel?, dedupeKey? })` inside their own
 * transaction, or `notifyMany(tx, { template, recipients, vars, dedupePrefix?, dueBy? })` for a
 * set of customers or phones given as SQL (one INSERT … SELECT); the sender (startNotifySender,
 * on when JOBS is) does the rest. `deliverySummary` counts a source's messages (an outage's). Seeded templates:
 * outage.planned / outage.temporary {customerName reason start end area}, outage.fault
 * {customerName area reason estimate}, outage.restored {customerName area restoredAt},
 * outage.estimate_changed {customerName area estimate reason}, outage.postponed {customerName
 * area start end reason}, outage.cancelled {customerName start end area outageNo reason hotline}
 * (0016), system.notice (in-app) {title message}.
 */
import type { App } from '../../http/context.js';
import { notifyRoutes } from './routes.js';

export function registerNotifyRoutes(app: App): void {
  notifyRoutes(app);
}

export { notify, DEFAULT_MAX_ATTEMPTS, type NotifyRequest } from './service/notify.js';
export { notifyMany, type BulkRecipients, type NotifyManyRequest } from './service/notify-many.js';
export { deliverySummary } from './service/summary.js';
export { sendDueNotifications, retryDelaySeconds } from './service/send.js';
export { startNotifySender } from './jobs.js';
export { transportsFromConfig } from './channels/index.js';
export type { Transport, Transports, OutboundMessage } from './channels/transport.js';
