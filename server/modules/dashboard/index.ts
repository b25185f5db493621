/** The dashboard: the first page after sign-in, with real figures. */
export { dashboardRoutes } from './routes.js';
