/**
 * Imports and exports: customers and the supply network from CSV or .xlsx as background jobs
 * (row-level error reports, all-or-nothing or good rows only), templates, and the customer export.
 */
import type { App } from '../../http/context.js';
import { exportRoutes } from './routes/exports.js';
import { importRoutes } from './routes/imports.js';

export { IMPORT_JOB, runImportJob, sweepImportsJob } from './jobs.js';
export { runImport } from './service/run-import.js';
export { CUSTOMER_COLUMNS, NETWORK_COLUMNS } from './parse/columns.js';

export function registerImportRoutes(app: App): void {
  importRoutes(app);
  exportRoutes(app);
}
