/**
 * Photos a crew takes on a job (现场照片). An order job's photos are the order's attachments; an
 * outage job has no order, so its photos are kept on the job, with the attachments' own checks
 * (judged by the bytes, 10 MB at most) and storage: stored before the transaction, the row and
 * audit row then land together, and a failed transaction removes the file again.
 */
import type { Kysely } from 'kysely';
import type { Readable } from 'node:stream';
import type { JobPhoto } from '../../../../common/schemas/repair.js';
import type { DB } from '../../../db/schema.js';
import type { Actor, RequestMeta } from '../../../platform/actor.js';
import { newId } from '../../../platform/ids.js';
import { authorize, recordAudit } from '../../auth/index.js';
import {
  attachmentContentType,
  cleanFileName,
  storageKeyFor,
  type AttachmentStorage,
} from '../../orders/index.js';
import { RepairError } from '../errors.js';
import { isMember } from '../store/crews.js';
import { jobById, lockJob, type JobRow } from '../store/jobs.js';
import { insertPhoto, jobPhoto } from '../store/photos.js';
import { isLive } from './close-jobs.js';
import { canSee } from './context.js';

/** An uploaded file as the multipart reader hands it over. */
export interface UploadedPhoto {
  filename: string;
  size: number;
  sha256: string;
  /** Not enumerable: the idempotency hash covers the name, size and digest, not the bytes. */
  data: Buffer;
}

/** A job of one of the actor's crews that is still being worked on. */
async function openJobOf(tx: Kysely<DB>, actor: Actor, j: JobRow | null): Promise<JobRow> {
  if (!j) throw new RepairError('REPAIR_JOB_NOT_FOUND');
  if (!(await isMember(tx, j.crew_id, actor.userId)))
    throw new RepairError('REPAIR_NOT_CREW_MEMBER');
  if (!isLive(j.state))
    throw new RepairError('REPAIR_JOB_ACTION_NOT_ALLOWED', { state: j.state, action: 'photo' });
  return j;
}

/** Before a byte is read: the actor works on repairs and on this very job, which is open. */
export async function checkMayAddPhoto(
  ctx: { tx: Kysely<DB>; actor: Actor },
  jobId: string | null,
): Promise<void> {
  // A malformed id is left to validation (400), which follows.
  if (jobId === null) return;
  authorize(ctx.actor, 'repair.work');
  await openJobOf(ctx.tx, ctx.actor, await jobById(ctx.tx, jobId));
}

/** Runs the write in one transaction (with the caller's idempotency handling). */
export type PhotoTransaction = (
  run: (tx: Kysely<DB>) => Promise<JobPhoto>,
) => Promise<{ replayed: boolean; body: JobPhoto }>;

/** Adds a photo to a job: checked, stored, then recorded in one transaction. */
export async function addJobPhoto(o: {
  storage: AttachmentStorage;
  actor: Actor;
  meta: RequestMeta;
  now: Date;
  jobId: string;
  file: UploadedPhoto;
  transaction: PhotoTransaction;
}): Promise<JobPhoto> {
  const { storage, actor, now } = o;
  const fileName = cleanFileName(o.file.filename);
  const contentType = await attachmentContentType(o.file.data, fileName);
  if (!contentType) throw new RepairError('ATTACHMENT_REFUSED');
  const id = newId();
  const key = storageKeyFor(id, now);
  await storage.put(key, o.file.data);
  let result: { replayed: boolean; body: JobPhoto };
  try {
    result = await o.transaction(async (tx) => {
      authorize(actor, 'repair.work');
      const j = await openJobOf(tx, actor, await lockJob(tx, o.jobId));
      await insertPhoto(tx, {
        id,
        job_id: j.id,
        file_name: fileName,
        content_type: contentType,
        size: o.file.data.length,
        sha256: o.file.sha256,
        storage_key: key,
        uploaded_by: actor.userId,
        org_id: j.org_id,
        province_id: j.province_id,
        created_at: now,
      });
      await recordAudit(
        tx,
        { actor: { userId: actor.userId, username: actor.username }, meta: o.meta },
        {
          action: 'repair.job_photo',
          entityType: 'repair_job',
          entityId: j.id,
          after: { photoId: id, fileName, contentType, size: o.file.data.length, storageKey: key },
          orgId: j.org_id,
          provinceId: j.province_id,
        },
      );
      return { id, fileName, contentType, size: o.file.data.length, createdAt: now.toISOString() };
    });
  } catch (e) {
    // The refusal is what the caller needs to hear; a file left behind harms nobody.
    await storage.delete(key).catch(() => undefined);
    throw e;
  }
  if (result.replayed) await storage.delete(key).catch(() => undefined);
  return result.body;
}

/** A photo of a job the actor sees (dispatchers, leads): REPAIR_JOB_NOT_FOUND otherwise. */
export async function openJobPhoto(
  ctx: { tx: Kysely<DB>; actor: Actor; storage: AttachmentStorage },
  jobId: string,
  photoId: string,
): Promise<{ fileName: string; contentType: string; size: number; content: Readable | Buffer }> {
  authorize(ctx.actor, 'repair.view');
  const j = await jobById(ctx.tx, jobId);
  if (!j || !canSee(ctx.actor, j)) throw new RepairError('REPAIR_JOB_NOT_FOUND');
  const row = await jobPhoto(ctx.tx, jobId, photoId);
  if (!row) throw new RepairError('ATTACHMENT_NOT_FOUND');
  return {
    fileName: row.file_name,
    contentType: row.content_type,
    size: row.size,
    content: await ctx.storage.get(row.storage_key),
  };
}
