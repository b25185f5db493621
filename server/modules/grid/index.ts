/**
 * The supply network (substation → feeder → transformer → customer). So far the schema, the demo
 * network and the read queries; the HTTP routes and the network browser come with the customers
 * issue.
 */
export {
  childrenOf,
  customersUnder,
  getNode,
  pathOfCustomer,
  type CustomerGridPathRow,
  type GridNodeKind,
} from './store.js';
