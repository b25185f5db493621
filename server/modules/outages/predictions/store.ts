/**
 * SQL of the trouble-call analysis' pipeline: claiming calls, reading the feeders they fall on,
 * writing predictions. Set-based: one statement per step for a whole batch, so a storm's backlog
 * costs a dozen round trips per batch, not per call.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type {
  OutagePredictionsTable,
  PredictionKind,
  PredictionState,
} from '../../../db/schema-predictions.js';
import { DEFAULT_ANALYSIS, type AnalysisThresholds, type FaultCall } from '../analysis.js';
import { powerOffSql } from '../covering.js';

export type PredictionRow = Selectable<OutagePredictionsTable>;

/** A fault call claimed for analysis, with its feeder and its province's thresholds. */
export interface ClaimedCall extends FaultCall {
  provinceId: string;
  thresholds: AnalysisThresholds;
}

/**
 * The analysis' transaction does not wait for its commit to reach the disk: everything it writes
 * is derived from the trouble calls, and the marks that say a call was analysed commit with it,
 * so a crash that loses the last commits only has those calls analysed again.
 */
export async function commitWithoutWaiting(tx: Kysely<DB>): Promise<void> {
  await sql`SET LOCAL synchronous_commit = off`.execute(tx);
}

/**
 * Takes up to `limit` calls not analysed yet, oldest first, and marks them analysed. Rows another
 * process holds are skipped (SKIP LOCKED); the marks commit with the analysis' results, so a
 * crash leaves the calls for the next run. The feeders the calls fall on are locked (lockFeeders)
 * by the same statement, and the province's thresholds come along (read on every run: a change
 * applies from the next call).
 */
export async function claimNewCalls(
  tx: Kysely<DB>,
  now: Date,
  limit: number,
): Promise<ClaimedCall[]> {
  const r = await sql<{
    order_id: string;
    at: Date;
    customer_id: string | null;
    transformer_id: string;
    feeder_id: string;
    province_id: string;
    window_minutes: number | null;
    transformer_calls: number | null;
    transformer_share: number | null;
    feeder_transformers: number | null;
    feeder_share: number | null;
  }>`
    WITH claimed AS (
      UPDATE trouble_calls tc SET analysed_at = ${now}
       WHERE tc.order_id IN (
         SELECT order_id FROM trouble_calls WHERE analysed_at IS NULL
          ORDER BY at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING tc.order_id, tc.at, tc.customer_id, tc.transformer_id, tc.feeder_id,
                tc.province_id)
    , located AS (
      SELECT c.*, coalesce(c.feeder_id, t.feeder_id) AS feeder
        FROM claimed c JOIN grid_transformers t ON t.id = c.transformer_id
    ), locked AS (
      -- The feeders' locks (see lockFeeders), in the same round trip, in id order.
      SELECT count(pg_advisory_xact_lock(74010, hashtext(f::text))) AS n
        FROM (SELECT DISTINCT feeder AS f FROM located ORDER BY 1) x)
    SELECT l.order_id, l.at, l.customer_id, l.transformer_id, l.feeder AS feeder_id,
           l.province_id, s.window_minutes, s.transformer_calls, s.transformer_share,
           s.feeder_transformers, s.feeder_share
      FROM located l CROSS JOIN locked
      LEFT JOIN outage_analysis_settings s ON s.province_id = l.province_id`.execute(tx);
  return r.rows.map((x) => ({
    orderId: x.order_id,
    at: new Date(x.at),
    customerId: x.customer_id,
    transformerId: x.transformer_id,
    feederId: x.feeder_id,
    provinceId: x.province_id,
    thresholds:
      x.window_minutes === null
        ? DEFAULT_ANALYSIS
        : {
            windowMinutes: Number(x.window_minutes),
            transformerCalls: Number(x.transformer_calls),
            transformerShare: Number(x.transformer_share),
            feederTransformers: Number(x.feeder_transformers),
            feederShare: Number(x.feeder_share),
          },
  }));
}

/**
 * Serialises the analysis and the dispatchers' decisions per feeder (transaction-scoped advisory
 * locks): two processes that claimed calls of one feeder take turns, and the second sees what the
 * first proposed. Taken in id order, so that two batches never wait on each other in a circle.
 */
export async function lockFeeders(tx: Kysely<DB>, feederIds: string[]): Promise<void> {
  if (feederIds.length === 0) return;
  await sql`
    SELECT pg_advisory_xact_lock(74010, hashtext(f::text))
      FROM (SELECT f FROM unnest(${[...feederIds].sort()}::uuid[]) AS f ORDER BY f) x`.execute(tx);
}

/** The open (proposed) predictions on the feeders, locked: the feeders' own and their transformers'. */
export async function openPredictionsOnFeeders(
  tx: Kysely<DB>,
  feederIds: string[],
): Promise<PredictionRow[]> {
  return tx
    .selectFrom('outage_predictions')
    .selectAll()
    .where('feeder_id', 'in', feederIds)
    .where('state', '=', 'proposed')
    .orderBy('id')
    .forUpdate()
    .execute();
}

/**
 * Each feeder's calls in its window (since, until] still open for analysis: not linked to an
 * outage and not in a prediction a dispatcher confirmed or rejected (rejected calls are never
 * predicted again).
 */
export async function openCallsOnFeeders(
  tx: Kysely<DB>,
  windows: { feederId: string; since: Date; until: Date }[],
): Promise<FaultCall[]> {
  if (windows.length === 0) return [];
  const r = await sql<{
    order_id: string;
    at: Date;
    customer_id: string | null;
    transformer_id: string;
    feeder_id: string;
  }>`
    SELECT tc.order_id, tc.at, tc.customer_id, tc.transformer_id, w.f AS feeder_id
      FROM unnest(${windows.map((w) => w.feederId)}::uuid[],
                  ${windows.map((w) => w.since.toISOString())}::timestamptz[],
                  ${windows.map((w) => w.until.toISOString())}::timestamptz[]) AS w(f, since, until)
      JOIN trouble_calls tc ON tc.feeder_id = w.f AND tc.at > w.since AND tc.at <= w.until
     WHERE NOT EXISTS (SELECT 1 FROM outage_orders l WHERE l.order_id = tc.order_id)
       AND NOT EXISTS (
         SELECT 1 FROM outage_prediction_calls m JOIN outage_predictions p ON p.id = m.prediction_id
          WHERE m.order_id = tc.order_id AND p.state IN ('confirmed', 'rejected'))`.execute(tx);
  return r.rows.map((x) => ({
    orderId: x.order_id,
    at: new Date(x.at),
    customerId: x.customer_id,
    transformerId: x.transformer_id,
    feederId: x.feeder_id,
  }));
}

/** The customers on each transformer and the transformers on each feeder asked for. */
export async function networkSizes(
  tx: Kysely<DB>,
  feederIds: string[],
  transformerIds: string[],
): Promise<{ customers: Map<string, number>; transformers: Map<string, number> }> {
  const r = await sql<{ kind: 'f' | 't'; id: string; n: number }>`
    SELECT 't' AS kind, t.id,
           (SELECT count(*)::int FROM customers c WHERE c.transformer_id = t.id) AS n
      FROM unnest(${transformerIds}::uuid[]) AS t(id)
    UNION ALL
    SELECT 'f', f.id, (SELECT count(*)::int FROM grid_transformers g WHERE g.feeder_id = f.id)
      FROM unnest(${feederIds}::uuid[]) AS f(id)`.execute(tx);
  const customers = new Map<string, number>();
  const transformers = new Map<string, number>();
  for (const row of r.rows)
    (row.kind === 't' ? customers : transformers).set(row.id, Number(row.n));
  return { customers, transformers };
}

export interface LiveOutageOnNode {
  id: string;
  number: string;
  title: string;
  estimated_restore_at: Date | null;
  node_kind: 'feeder' | 'transformer';
  node_id: string;
}

/**
 * Live outages over any of the feeders or transformers: a call that came in while a dispatcher
 * was confirming (accepted before the outage was live) joins the outage instead of being analysed.
 */
export async function liveOutagesOn(
  tx: Kysely<DB>,
  feederIds: string[],
  transformerIds: string[],
): Promise<LiveOutageOnNode[]> {
  const r = await sql<LiveOutageOnNode>`
    SELECT o.id, o.number, o.title, o.estimated_restore_at, s.node_kind, s.node_id
      FROM outage_scope s JOIN outages o ON o.id = s.outage_id
     WHERE s.node_id = ANY(${[...feederIds, ...transformerIds]}::uuid[])
       AND ${powerOffSql(sql`now()`)}
     ORDER BY coalesce(o.started_at, o.planned_start), o.id`.execute(tx);
  return r.rows;
}

/** The units (and so the scope) of feeders and transformers, by node id. */
export async function nodeUnits(
  tx: Kysely<DB>,
  nodes: { kind: PredictionKind; id: string }[],
): Promise<Map<string, { org_id: string; path: string; province_id: string }>> {
  const ids = (kind: PredictionKind) => nodes.filter((n) => n.kind === kind).map((n) => n.id);
  const r = await sql<{ id: string; org_id: string; path: string; province_id: string }>`
    SELECT n.id, n.org_id, u.path, n.province_id
      FROM grid_feeders n JOIN org_units u ON u.id = n.org_id
     WHERE n.id = ANY(${ids('feeder')}::uuid[])
    UNION ALL
    SELECT n.id, n.org_id, u.path, n.province_id
      FROM grid_transformers n JOIN org_units u ON u.id = n.org_id
     WHERE n.id = ANY(${ids('transformer')}::uuid[])`.execute(tx);
  return new Map(r.rows.map((x) => [x.id, x]));
}

export interface NewPrediction {
  id: string;
  kind: PredictionKind;
  node_id: string;
  feeder_id: string;
  first_call_at: Date;
  last_call_at: Date;
  org_id: string;
  unit_path: string;
  province_id: string;
}

/** Inserts empty proposals (their calls are added by addCalls). */
export async function insertPredictions(
  tx: Kysely<DB>,
  rows: NewPrediction[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('outage_predictions')
    .values(rows.map((r) => ({ ...r, state: 'proposed', created_at: now, updated_at: now })))
    .execute();
}

/** Rolls transformer predictions up into their feeder's: superseded, pointing at it. */
export async function supersede(
  tx: Kysely<DB>,
  pairs: { id: string; by: string }[],
  now: Date,
): Promise<PredictionRow[]> {
  if (pairs.length === 0) return [];
  const r = await sql<PredictionRow>`
    UPDATE outage_predictions p
       SET state = 'superseded', superseded_by = x.by, version = p.version + 1, updated_at = ${now}
      FROM unnest(${pairs.map((x) => x.id)}::uuid[], ${pairs.map((x) => x.by)}::uuid[]) AS x(id, by)
     WHERE p.id = x.id
    RETURNING p.*`.execute(tx);
  return r.rows;
}

/**
 * Adds calls to predictions, each once: named orders (from their trouble calls) and all the calls
 * of other predictions (a roll-up copies its transformers' calls), then moves each prediction's
 * counts by what is new: calls, callers and transformers not seen in it before, first and last
 * call. Each changed prediction gets its outbox message (action `propose` for those in
 * `created`, else `grow`) in the same statement. Returns the predictions that changed.
 */
export async function addCalls(
  tx: Kysely<DB>,
  orders: { predictionId: string; orderId: string }[],
  copies: { predictionId: string; fromId: string }[],
  now: Date,
  created: ReadonlySet<string>,
): Promise<PredictionRow[]> {
  if (orders.length === 0 && copies.length === 0) return [];
  // Only the sources there are: an empty unnest joined to a table still costs a scan of it.
  const named = sql`
      SELECT x.p AS prediction_id, tc.order_id, coalesce(tc.customer_id, tc.order_id) AS caller_id,
             tc.transformer_id, tc.at
        FROM unnest(${orders.map((x) => x.predictionId)}::uuid[],
                    ${orders.map((x) => x.orderId)}::uuid[]) AS x(p, o)
        JOIN trouble_calls tc ON tc.order_id = x.o`;
  const copied = sql`
      SELECT c.p, m.order_id, m.caller_id, m.transformer_id, m.at
        FROM unnest(${copies.map((x) => x.predictionId)}::uuid[],
                    ${copies.map((x) => x.fromId)}::uuid[]) AS c(p, src)
        JOIN outage_prediction_calls m ON m.prediction_id = c.src`;
  const wanted =
    orders.length === 0 ? copied : copies.length === 0 ? named : sql`${named} UNION ALL ${copied}`;
  const r = await sql<PredictionRow>`
    WITH wanted AS (${wanted}), added AS (
      INSERT INTO outage_prediction_calls
             (prediction_id, order_id, caller_id, transformer_id, at, added_at)
      SELECT DISTINCT ON (prediction_id, order_id) prediction_id, order_id, caller_id,
             transformer_id, at, ${now}::timestamptz
        FROM wanted
      ON CONFLICT DO NOTHING
      RETURNING prediction_id, caller_id, transformer_id, at
    ), delta AS (
      -- The table as this statement sees it holds the calls from before: what is new is not there.
      SELECT a.prediction_id, count(*)::int AS calls,
             count(DISTINCT a.caller_id) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM outage_prediction_calls m
                WHERE m.prediction_id = a.prediction_id AND m.caller_id = a.caller_id))::int
               AS callers,
             count(DISTINCT a.transformer_id) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM outage_prediction_calls m
                WHERE m.prediction_id = a.prediction_id AND m.transformer_id = a.transformer_id))::int
               AS transformers,
             min(a.at) AS first_at, max(a.at) AS last_at
        FROM added a GROUP BY a.prediction_id
    ), changed AS (
    UPDATE outage_predictions p
       SET calls = p.calls + d.calls, customers = p.customers + d.callers,
           transformers = p.transformers + d.transformers,
           first_call_at = CASE WHEN p.calls = 0 THEN d.first_at
                                ELSE least(p.first_call_at, d.first_at) END,
           last_call_at = CASE WHEN p.calls = 0 THEN d.last_at
                               ELSE greatest(p.last_call_at, d.last_at) END,
           updated_at = ${now}
      FROM delta d WHERE p.id = d.prediction_id
    RETURNING p.*
    ), emitted AS (
      INSERT INTO outbox (topic, payload, org_id, province_id)
      SELECT 'outage.prediction',
             jsonb_build_object('predictionId', u.id, 'kind', u.kind, 'nodeId', u.node_id,
               'state', u.state,
               'action', CASE WHEN u.id = ANY(${[...created]}::uuid[]) THEN 'propose' ELSE 'grow' END,
               'calls', u.calls, 'customers', u.customers, 'version', u.version,
               'at', ${now.toISOString()}::text, 'unitPath', u.unit_path),
             u.org_id, u.province_id
        FROM changed u)
    SELECT * FROM changed`.execute(tx);
  return r.rows;
}

/** The order ids a prediction holds. */
export async function callsOf(tx: Kysely<DB>, predictionId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('outage_prediction_calls')
    .select('order_id')
    .where('prediction_id', '=', predictionId)
    .execute();
  return rows.map((r) => r.order_id);
}

/** The calls of several predictions (open orders or not), each once. */
export async function callsOfPredictions(tx: Kysely<DB>, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .selectFrom('outage_prediction_calls')
    .select('order_id')
    .distinct()
    .where('prediction_id', 'in', ids)
    .orderBy('order_id')
    .execute();
  return rows.map((r) => r.order_id);
}

/** Moves a prediction to a new state, bumping its version; returns the row as it now stands. */
export async function setState(
  tx: Kysely<DB>,
  id: string,
  state: PredictionState,
  now: Date,
  extra: Partial<{
    outage_id: string;
    decided_by: string | null;
    decided_by_name: string;
    decided_at: Date;
    reject_reason: string;
  }> = {},
): Promise<PredictionRow> {
  return tx
    .updateTable('outage_predictions')
    .set((eb) => ({ ...extra, state, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Expires open predictions that got no call for two windows of their province (no decision
 * either: a proposal nobody acted on is stale). Rows held by a running analysis or decision are
 * left for the next round (SKIP LOCKED: no waiting, no deadlock).
 */
export async function expireStale(tx: Kysely<DB>, now: Date): Promise<PredictionRow[]> {
  const r = await sql<PredictionRow>`
    WITH stale AS (
      SELECT p.id FROM outage_predictions p
        LEFT JOIN outage_analysis_settings s ON s.province_id = p.province_id
       WHERE p.state = 'proposed'
         AND p.last_call_at < ${now}::timestamptz
             - make_interval(secs => 2 * 60 * coalesce(s.window_minutes, ${DEFAULT_ANALYSIS.windowMinutes}))
       LIMIT 500
         FOR UPDATE OF p SKIP LOCKED)
    UPDATE outage_predictions p SET state = 'expired', version = p.version + 1,
           updated_at = ${now}
      FROM stale WHERE p.id = stale.id
    RETURNING p.*`.execute(tx);
  return r.rows;
}

/** Writes the outbox messages of predictions' changes (live updates to dispatchers' screens). */
export async function emitPredictions(
  tx: Kysely<DB>,
  changes: { row: PredictionRow; action: string }[],
  now: Date,
): Promise<void> {
  if (changes.length === 0) return;
  await tx
    .insertInto('outbox')
    .values(
      changes.map(({ row: p, action }) => ({
        topic: 'outage.prediction',
        payload: JSON.stringify({
          predictionId: p.id,
          kind: p.kind,
          nodeId: p.node_id,
          state: p.state,
          action,
          calls: p.calls,
          customers: p.customers,
          version: p.version,
          at: now.toISOString(),
          unitPath: p.unit_path,
        }),
        org_id: p.org_id,
        province_id: p.province_id,
      })),
    )
    .execute();
}

/** The province's unit: the system actor of the analysis acts in its name. */
export async function provinceUnit(tx: Kysely<DB>, provinceId: string) {
  return (
    (await tx
      .selectFrom('org_units')
      .select(['id', 'path', 'name'])
      .where('id', '=', provinceId)
      .executeTakeFirst()) ?? null
  );
}

/** An outage entered by confirming a prediction says so (outages.source). */

/**
 * Open predictions an outage with the power off explains, closed as confirmed by it: a
 * transformer's when the outage covers the transformer or its feeder, a feeder's when it covers
 * the feeder. Answers the rows as they now stand. The caller holds the feeders' locks.
 */
export async function confirmCoveredPredictions(
  tx: Kysely<DB>,
  outageId: string,
  decidedBy: { id: string | null; name: string },
  now: Date,
): Promise<PredictionRow[]> {
  const r = await sql<PredictionRow>`
    UPDATE outage_predictions p
       SET state = 'confirmed', outage_id = ${outageId}, decided_by = ${decidedBy.id},
           decided_by_name = ${decidedBy.name}, decided_at = ${now}, updated_at = ${now},
           version = p.version + 1
     WHERE p.state = 'proposed'
       AND EXISTS (SELECT 1 FROM outages o
                    WHERE o.id = ${outageId} AND ${powerOffSql(sql`${now}::timestamptz`)})
       AND EXISTS (
         SELECT 1 FROM outage_scope s
          WHERE s.outage_id = ${outageId}
            AND ((s.node_kind = 'feeder' AND s.node_id = p.feeder_id)
              OR (p.kind = 'transformer' AND s.node_kind = 'transformer' AND s.node_id = p.node_id)))
    RETURNING p.*`.execute(tx);
  return r.rows;
}
