import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { serviceAreaPrefix, type Actor, type RequestMeta } from '../../../platform/actor.js';

/** What every contact operation gets: the transaction, who acts, from where, and when. */
export interface ContactCtx {
  tx: Kysely<DB>;
  actor: Actor;
  meta: RequestMeta;
  now: Date;
  /** Live updates go out with the commit (PostgreSQL NOTIFY) rather than by the dispatcher. */
  notify: boolean;
}

/** A read needs no request metadata; the clock is passed for "now"-dependent answers. */
export type ReadCtx = Pick<ContactCtx, 'tx' | 'actor' | 'now'>;

/** Whether a row (by its unit path) lies in the part of the tree the actor serves. */
export function canSee(actor: Actor, row: { unit_path: string }): boolean {
  return row.unit_path.startsWith(serviceAreaPrefix(actor));
}

/** The audit context of an actor. */
export function auditBy(ctx: Pick<ContactCtx, 'actor' | 'meta'>) {
  return { actor: { userId: ctx.actor.userId, username: ctx.actor.username }, meta: ctx.meta };
}
