/** What every knowledge operation is given, and who sees and edits what. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { serviceAreaPrefix, type Actor, type RequestMeta } from '../../../platform/actor.js';
import type { Viewer } from '../store/search.js';
import { unitById } from '../store/units.js';

export interface KnowledgeCtx {
  tx: Kysely<DB>;
  actor: Actor;
  meta: RequestMeta;
  now: Date;
}

export type ReadCtx = Pick<KnowledgeCtx, 'tx' | 'actor' | 'now'>;

/**
 * An article is visible to a person when it belongs to their service area or to a unit above
 * them (the province's knowledge reaches every county; a county's own notes reach the province).
 */
export function viewerOf(actor: Actor): Viewer {
  return { prefix: serviceAreaPrefix(actor), unitPath: actor.unitPath };
}

/** Whether the person writes or approves knowledge at all. */
export function isEditor(actor: Actor): boolean {
  return (
    actor.permissions.includes('knowledge.edit') || actor.permissions.includes('knowledge.review')
  );
}

/** Whether an article of this unit is the person's to edit or approve: inside their area. */
export function ownsArea(actor: Actor, unitPath: string): boolean {
  return isEditor(actor) && unitPath.startsWith(serviceAreaPrefix(actor));
}

/**
 * The unit new articles and categories belong to: the top of the person's service area (for a
 * provincial center's trainer, the province), so everyone under it reads them.
 */
export async function homeUnit(ctx: Pick<KnowledgeCtx, 'tx' | 'actor'>) {
  const prefix = serviceAreaPrefix(ctx.actor);
  const id = prefix.split('/').filter(Boolean).pop() ?? ctx.actor.unitId;
  const unit = await unitById(ctx.tx, id);
  return (
    unit ?? { id: ctx.actor.unitId, path: ctx.actor.unitPath, province_id: ctx.actor.provinceId }
  );
}
