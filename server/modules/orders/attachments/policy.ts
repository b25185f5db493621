/** Who may attach files to an order they can see. */
import type { Permission } from '../../../../common/permissions.js';
import type { Actor } from '../../../platform/actor.js';
import { OrdersError } from '../errors.js';

/**
 * The people who work on orders: the center that accepts and reviews them, the units that handle
 * them, and the leads who supervise. Seeing an order (quality inspectors, administrators) is not
 * enough to add evidence to it.
 */
export const ATTACH_PERMISSIONS: readonly Permission[] = [
  'order.create',
  'order.handle',
  'order.review',
  'order.supervise',
];

/** Throws FORBIDDEN (TOKEN_SCOPE_INSUFFICIENT for a token whose roles would allow it). */
export function authorizeAttach(actor: Actor): void {
  if (ATTACH_PERMISSIONS.some((p) => actor.permissions.includes(p))) return;
  const code =
    actor.via === 'token' && ATTACH_PERMISSIONS.some((p) => actor.rolePermissions.includes(p))
      ? 'TOKEN_SCOPE_INSUFFICIENT'
      : 'FORBIDDEN';
  throw new OrdersError(code, { anyOf: ATTACH_PERMISSIONS });
}
