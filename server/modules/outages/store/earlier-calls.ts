/** The SQL of earlier fault calls joining an outage (service/earlier-calls.ts). */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { powerOffSql } from '../covering.js';

/**
 * The open fault orders, not linked to any outage, whose call came from a transformer the outage
 * covers (its own, or one on a feeder it covers), at or after `since` and not after `now`;
 * nothing when the outage does not have the power off at `now`. Oldest first.
 */
export async function unlinkedCallsInScope(
  tx: Kysely<DB>,
  outageId: string,
  since: Date,
  now: Date,
): Promise<string[]> {
  const r = await sql<{ order_id: string }>`
    WITH live AS (
      SELECT o.id FROM outages o
       WHERE o.id = ${outageId} AND ${powerOffSql(sql`${now}::timestamptz`)}
    ), transformers AS (
      SELECT s.node_id AS id FROM outage_scope s JOIN live ON live.id = s.outage_id
       WHERE s.node_kind = 'transformer'
      UNION
      SELECT t.id FROM outage_scope s JOIN live ON live.id = s.outage_id
        JOIN grid_transformers t ON t.feeder_id = s.node_id
       WHERE s.node_kind = 'feeder'
    )
    SELECT tc.order_id
      FROM transformers x
      JOIN trouble_calls tc ON tc.transformer_id = x.id AND tc.at >= ${since} AND tc.at <= ${now}
      JOIN orders r ON r.id = tc.order_id
     WHERE r.type_code = 'fault' AND r.state IN ('accepted', 'dispatched', 'handling')
       AND NOT EXISTS (SELECT 1 FROM outage_orders l WHERE l.order_id = tc.order_id)
     ORDER BY tc.at, tc.order_id`.execute(tx);
  return r.rows.map((x) => x.order_id);
}

/** The feeders an outage touches: those in its scope and those of the transformers in it. */
export async function feedersOfScope(tx: Kysely<DB>, outageId: string): Promise<string[]> {
  const r = await sql<{ id: string }>`
    SELECT s.node_id AS id FROM outage_scope s
     WHERE s.outage_id = ${outageId} AND s.node_kind = 'feeder'
    UNION
    SELECT t.feeder_id FROM outage_scope s JOIN grid_transformers t ON t.id = s.node_id
     WHERE s.outage_id = ${outageId} AND s.node_kind = 'transformer'`.execute(tx);
  return r.rows.map((x) => x.id);
}
