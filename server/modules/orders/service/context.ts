import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { OrderState } from '../../../../common/orders/states.js';
import { serviceAreaPrefix, type Actor, type RequestMeta } from '../../../platform/actor.js';
import type { MachineActor, MachineOrder } from '../machine.js';
import type { OrderRow } from '../store/read.js';

/** What every order operation gets: the transaction, who acts, from where, and when. */
export interface OrderCtx {
  tx: Kysely<DB>;
  actor: Actor;
  meta: RequestMeta;
  now: Date;
}

/** Whether the order lies in the part of the tree the actor serves. */
export function canSee(actor: Actor, o: Pick<OrderRow, 'unit_path'>): boolean {
  return o.unit_path.startsWith(serviceAreaPrefix(actor));
}

export function machineActor(
  actor: Actor,
  o: Pick<OrderRow, 'assigned_unit_id' | 'unit_path'>,
): MachineActor {
  return {
    permissions: new Set(actor.permissions),
    handlesOrder:
      o.assigned_unit_id !== null && canSee(actor, o) && actor.permissions.includes('order.handle'),
  };
}

export function machineOrder(o: OrderRow, isMaster: boolean): MachineOrder {
  return {
    state: o.state as OrderState,
    isFault: o.type_code === 'fault',
    callbackRequired: o.callback_required,
    suspensionRequested: o.flags.includes('suspension_requested'),
    suspendedFrom: o.suspended_from as OrderState | null,
    isMaster,
  };
}

/** Whether personal data (the caller's phone) is shown in full to this actor. */
export const seesPii = (actor: Actor) => actor.permissions.includes('customer.pii');
