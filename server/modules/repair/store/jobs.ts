/** SQL of repair jobs. */
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { LIVE_JOB_STATES } from '../../../../common/schemas/repair.js';
import type { DB } from '../../../db/schema.js';
import type { RepairJobsTable } from '../../../db/schema-repair.js';

export type JobRow = Selectable<RepairJobsTable>;

export async function insertJob(tx: Kysely<DB>, row: Insertable<RepairJobsTable>): Promise<void> {
  await tx.insertInto('repair_jobs').values(row).execute();
}

export async function lockJob(tx: Kysely<DB>, id: string): Promise<JobRow | null> {
  const row = await tx
    .selectFrom('repair_jobs')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

export async function jobById(tx: Kysely<DB>, id: string): Promise<JobRow | null> {
  const row = await tx
    .selectFrom('repair_jobs')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

/** Updates a job at the version read; false when someone else changed it first. */
export async function updateJob(
  tx: Kysely<DB>,
  id: string,
  version: number,
  patch: Updateable<RepairJobsTable>,
): Promise<boolean> {
  const r = await tx
    .updateTable('repair_jobs')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Jobs the crews hold now. */
export async function liveJobsOf(tx: Kysely<DB>, crewIds: readonly string[]): Promise<JobRow[]> {
  if (crewIds.length === 0) return [];
  return tx
    .selectFrom('repair_jobs')
    .selectAll()
    .where('crew_id', 'in', [...crewIds])
    .where('state', 'in', [...LIVE_JOB_STATES])
    .orderBy('offered_at')
    .execute();
}

/** The crews' jobs: the live ones and those finished or sent back since `since`. */
export async function recentJobsOf(
  tx: Kysely<DB>,
  crewIds: readonly string[],
  since: Date,
): Promise<JobRow[]> {
  if (crewIds.length === 0) return [];
  return tx
    .selectFrom('repair_jobs')
    .selectAll()
    .where('crew_id', 'in', [...crewIds])
    .where((eb) => eb.or([eb('state', 'in', [...LIVE_JOB_STATES]), eb('updated_at', '>=', since)]))
    .orderBy('offered_at', 'desc')
    .limit(100)
    .execute();
}

export async function liveJobOfOrder(tx: Kysely<DB>, orderId: string): Promise<JobRow | null> {
  const row = await tx
    .selectFrom('repair_jobs')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('state', 'in', [...LIVE_JOB_STATES])
    .executeTakeFirst();
  return row ?? null;
}

/** The job an outage's crew holds now; `lock` takes its row. */
export async function liveJobOfOutage(
  tx: Kysely<DB>,
  outageId: string,
  lock = false,
): Promise<JobRow | null> {
  let q = tx
    .selectFrom('repair_jobs')
    .selectAll()
    .where('outage_id', '=', outageId)
    .where('state', 'in', [...LIVE_JOB_STATES]);
  if (lock) q = q.forUpdate();
  return (await q.executeTakeFirst()) ?? null;
}

/** The jobs of the outages, the latest offer first. */
export async function jobsOfOutages(
  tx: Kysely<DB>,
  outageIds: readonly string[],
): Promise<JobRow[]> {
  if (outageIds.length === 0) return [];
  return tx
    .selectFrom('repair_jobs')
    .selectAll()
    .where('outage_id', 'in', [...new Set(outageIds)])
    .orderBy('offered_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Where each crew last stamped a position (depart, arrive or complete). */
export async function crewPositions(
  tx: Kysely<DB>,
  crewIds: readonly string[],
): Promise<Map<string, { lat: number; lng: number }>> {
  if (crewIds.length === 0) return new Map();
  const r = await sql<{ crew_id: string; lat: number; lng: number }>`
    SELECT DISTINCT ON (crew_id) crew_id,
           coalesce(completed_lat, arrived_lat, departed_lat) AS lat,
           coalesce(completed_lng, arrived_lng, departed_lng) AS lng
      FROM repair_jobs
     WHERE crew_id = ANY(${[...new Set(crewIds)]}::uuid[])
       AND coalesce(completed_lat, arrived_lat, departed_lat) IS NOT NULL
     ORDER BY crew_id, updated_at DESC`.execute(tx);
  return new Map(r.rows.map((p) => [p.crew_id, { lat: Number(p.lat), lng: Number(p.lng) }]));
}

/** A job nobody set out on whose work went elsewhere, with why. */
export interface StaleJob {
  id: string;
  /** The outage its order was linked to (order jobs). */
  linked_outage: string | null;
  /** The state of its own outage when that is no longer in progress (outage jobs). */
  outage_state: string | null;
}

/**
 * Offered or accepted jobs of the crews whose order has been linked to an outage, or whose
 * outage is no longer in progress (restored or cancelled without them).
 */
export async function staleJobs(tx: Kysely<DB>, crewIds: readonly string[]): Promise<StaleJob[]> {
  if (crewIds.length === 0) return [];
  const r = await sql<StaleJob>`
    SELECT j.id, lo.number AS linked_outage,
           CASE WHEN g.state <> 'in_progress' THEN g.state END AS outage_state
      FROM repair_jobs j
      LEFT JOIN orders o ON o.id = j.order_id
      LEFT JOIN outage_orders l ON l.order_id = j.order_id
      LEFT JOIN outages lo ON lo.id = l.outage_id
      LEFT JOIN outages g ON g.id = j.outage_id
     WHERE j.crew_id = ANY(${[...new Set(crewIds)]}::uuid[])
       AND j.state IN ('offered', 'accepted')
       AND (o.state = 'linked' OR g.state <> 'in_progress')`.execute(tx);
  return r.rows;
}

export async function insertOutbox(
  tx: Kysely<DB>,
  row: { topic: string; payload: Record<string, unknown>; orgId: string; provinceId: string },
): Promise<void> {
  await tx
    .insertInto('outbox')
    .values({
      topic: row.topic,
      payload: JSON.stringify(row.payload),
      org_id: row.orgId,
      province_id: row.provinceId,
    })
    .execute();
}
