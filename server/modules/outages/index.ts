/**
 * Outage information (停送电信息, rules.md §5): outages over grid nodes with their affected
 * customers, publishing rules, restoration estimates and history; the callers they answer; filed
 * major service events.
 */
import type { App } from '../../http/context.js';
import { outageRoutes } from './routes.js';
import { predictionRoutes } from './predictions/index.js';

export function registerOutageRoutes(app: App): void {
  outageRoutes(app);
  predictionRoutes(app);
}
// 故障研判: the analysis loop (server.ts) and its runs (tests, bench).
export { analyseNewCalls, expirePredictions, startOutageAnalysis } from './predictions/index.js';
export {
  cancellationReason,
  coveringOutageSql,
  deleteOutageLinks,
  insertOutageLinks,
  liveOutage,
  outageOfOrder,
  restorationResult,
  strandedLinkedOrders,
  waitingLinkedOrders,
  type CoveringOutage,
  type StrandedLink,
} from './covering.js';
export { outagesAffecting } from './service/affecting.js';
export { wallboardOutages } from './service/wallboard.js';
export { actOnOutage } from './service/outages.js';
export { outageNoticeSummary, queueOutageNotices } from './service/notices.js';
// For bench/outages-affected.ts: the affected-customer reads it measures.
export { affectedCustomers, countAffected, liveOutagesCovering } from './store.js';
