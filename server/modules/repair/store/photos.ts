/** SQL of the photos a crew takes on a job (outage jobs have no order to carry them). */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { RepairJobPhotosTable } from '../../../db/schema-repair.js';

export type PhotoRow = Selectable<RepairJobPhotosTable>;

export async function insertPhoto(
  tx: Kysely<DB>,
  row: Insertable<RepairJobPhotosTable>,
): Promise<void> {
  await tx.insertInto('repair_job_photos').values(row).execute();
}

/** Photo ids among `ids` that were taken on the job. */
export async function photosOfJob(
  tx: Kysely<DB>,
  jobId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .selectFrom('repair_job_photos')
    .select('id')
    .where('job_id', '=', jobId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return rows.map((r) => r.id);
}

/** The photo if it was taken on that job; null otherwise. */
export async function jobPhoto(
  tx: Kysely<DB>,
  jobId: string,
  photoId: string,
): Promise<PhotoRow | null> {
  const row = await tx
    .selectFrom('repair_job_photos')
    .selectAll()
    .where('id', '=', photoId)
    .where('job_id', '=', jobId)
    .executeTakeFirst();
  return row ?? null;
}
