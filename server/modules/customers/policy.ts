import type { Actor } from '../../platform/actor.js';

/** Whether personal data goes out unmasked for this actor (crews and dispatchers go on site). */
export function seesPersonalData(actor: Actor): boolean {
  return actor.permissions.includes('customer.pii');
}

export function mayReveal(actor: Actor): boolean {
  return actor.permissions.includes('customer.reveal');
}

export function mayEdit(actor: Actor): boolean {
  return actor.permissions.includes('customer.manage');
}
