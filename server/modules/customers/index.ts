/**
 * The customer archive (客户档案): look-ups for the agent, the 360° view, marks, masking of
 * personal data with audited reveal, history and service segments.
 */
import type { App } from '../../http/context.js';
import { customerRoutes } from './routes/customers.js';
import { segmentRoutes } from './routes/segments.js';

export { insertCustomersBulk, type BulkResult } from './store/bulk-insert.js';
export { insertDefaultSegments } from './store/segments.js';
// The customer a call was about, for the contact module's wrap-up (scope-checked).
export { getCustomerDetail, listCustomersView } from './service/customer-view.js';
// The caller-ID look-up, for the contact module's screen pop.
export { lookUpByPhone } from './service/lookup.js';
export { addressLine, type CustomerRecord } from './record.js';
export { addressTokens, nameTokens, searchVectorText, textQuery } from './search-tokens.js';

export function registerCustomerRoutes(app: App): void {
  customerRoutes(app);
  segmentRoutes(app);
}
export {
  exportCustomerRows,
  type CustomerExport,
  type CustomerExportLine,
} from './service/export-rows.js';
export { customerOrderContextSql, type CustomerOrderContext } from './store/order-context.js';
