import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { serviceAreaPrefix, type Actor, type RequestMeta } from '../../../platform/actor.js';

/** What every repair operation gets: the transaction, who acts, from where, and when. */
export interface RepairCtx {
  tx: Kysely<DB>;
  actor: Actor;
  meta: RequestMeta;
  now: Date;
}

/** A read needs no request metadata or clock. */
export type ReadCtx = Pick<RepairCtx, 'tx' | 'actor'>;

/** Whether a crew or job (by its unit path) lies in the part of the tree the actor serves. */
export function canSee(actor: Actor, row: { unit_path: string }): boolean {
  return row.unit_path.startsWith(serviceAreaPrefix(actor));
}

/**
 * The part of the tree a crew serves: its unit, or the unit above when the crew belongs to a
 * department (a station's repair team serves the station's area).
 */
export function crewAreaPath(unit: { path: string; level: string }): string {
  if (unit.level !== 'department') return unit.path;
  const parent = unit.path.slice(0, unit.path.slice(0, -1).lastIndexOf('/') + 1);
  return parent.length > 1 ? parent : unit.path;
}
