/** SQL of repair jobs. */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
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
