/**
 * The supply network (substation → feeder → transformer → customer): the network browser's
 * routes and the queries other modules use (the path of a customer, customers under a node).
 */
import type { App } from '../../http/context.js';
import { gridRoutes } from './routes.js';

export function registerGridRoutes(app: App): void {
  gridRoutes(app);
}

export {
  childrenOf,
  customersUnder,
  getNode,
  pathOfCustomer,
  type CustomerGridPathRow,
  type GridNodeKind,
} from './store.js';
export {
  nodesByCode,
  upsertNetworkNodes,
  type NetworkNodeInput,
  type NetworkTable,
  type NodeByCode,
} from './store/bulk-network.js';
