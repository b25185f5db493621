/** SQL of what dispatchers read: predictions with their place in the network, and their calls. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { PredictionRow } from './store.js';

/** A prediction with the names of its node, feeder, substation, unit and outage. */
export type PredictionView = PredictionRow & {
  substation_id: string;
  substation_name: string;
  feeder_code: string;
  feeder_name: string;
  transformer_code: string | null;
  transformer_name: string | null;
  unit_name: string;
  outage_number: string | null;
};

const viewSql = sql`
  SELECT p.*, s.id AS substation_id, s.name AS substation_name, f.code AS feeder_code,
         f.name AS feeder_name, t.code AS transformer_code, t.name AS transformer_name,
         u.name AS unit_name, o.number AS outage_number
    FROM outage_predictions p
    JOIN grid_feeders f ON f.id = p.feeder_id
    JOIN grid_substations s ON s.id = f.substation_id
    JOIN org_units u ON u.id = p.org_id
    LEFT JOIN grid_transformers t ON p.kind = 'transformer' AND t.id = p.node_id
    LEFT JOIN outages o ON o.id = p.outage_id`;

export async function predictionView(tx: Kysely<DB>, id: string): Promise<PredictionView | null> {
  const r = await sql<PredictionView>`${viewSql} WHERE p.id = ${id}`.execute(tx);
  return r.rows[0] ?? null;
}

/** The predictions under a unit path, open ones first, newest first. */
export async function listPredictions(
  tx: Kysely<DB>,
  q: { prefix: string; state?: string | undefined; limit: number; offset: number },
): Promise<{ rows: PredictionView[]; total: number }> {
  const state = q.state ? sql`AND p.state = ${q.state}` : sql``;
  const r = await sql<PredictionView & { total: number }>`
    ${viewSql}
     WHERE p.unit_path LIKE ${q.prefix + '%'} ${state}
     ORDER BY (p.state = 'proposed') DESC, p.first_call_at DESC, p.id
     LIMIT ${q.limit} OFFSET ${q.offset}`.execute(tx);
  const total = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM outage_predictions p
     WHERE p.unit_path LIKE ${q.prefix + '%'} ${state}`.execute(tx);
  return { rows: r.rows, total: Number(total.rows[0]?.n ?? 0) };
}

export interface PredictionCallRow {
  order_id: string;
  number: string;
  state: string;
  at: Date;
  customer_id: string | null;
  account_no: string | null;
  customer_name: string | null;
  caller_phone: string | null;
  transformer_id: string;
  transformer_code: string;
  transformer_name: string;
}

/** The calls of a prediction, oldest first (at most 500: a storm's feeder can have more). */
export async function predictionCalls(
  tx: Kysely<DB>,
  predictionId: string,
): Promise<PredictionCallRow[]> {
  const r = await sql<PredictionCallRow>`
    SELECT o.id AS order_id, o.number, o.state, tc.at, c.id AS customer_id, c.account_no,
           c.name AS customer_name, o.caller_phone, t.id AS transformer_id,
           t.code AS transformer_code, t.name AS transformer_name
      FROM outage_prediction_calls m
      JOIN trouble_calls tc ON tc.order_id = m.order_id
      JOIN orders o ON o.id = m.order_id
      JOIN grid_transformers t ON t.id = tc.transformer_id
      LEFT JOIN customers c ON c.id = tc.customer_id
     WHERE m.prediction_id = ${predictionId}
     ORDER BY tc.at, o.id
     LIMIT 500`.execute(tx);
  return r.rows;
}
