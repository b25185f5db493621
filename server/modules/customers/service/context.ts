import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { Actor, RequestMeta } from '../../../platform/actor.js';

export interface ReadCtx {
  tx: Kysely<DB>;
  actor: Actor;
}

export interface WriteCtx extends ReadCtx {
  meta: RequestMeta;
}
