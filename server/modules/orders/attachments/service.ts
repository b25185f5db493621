/**
 * Attachments of an order (附件): photos from the site, scans, call recordings, documents. The file
 * is checked by its bytes and stored before the transaction; the row, the timeline event, the
 * outbox row and the audit row then land together. The order's version is not bumped: adding
 * evidence does not change what others are editing.
 */
import type { Kysely } from 'kysely';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { OrderAttachment as OrderAttachmentSchema } from '../../../../common/schemas/orders.js';
import type { DB } from '../../../db/schema.js';
import type { Actor, RequestMeta } from '../../../platform/actor.js';
import { newId } from '../../../platform/ids.js';
import { authorize, recordAudit } from '../../auth/index.js';
import { OrdersError } from '../errors.js';
import { canSee, type OrderCtx } from '../service/context.js';
import { visibleOrder } from '../service/order-view.js';
import { lockOrder } from '../store/read.js';
import { insertEvents, insertOutbox } from '../store/write.js';
import { attachmentContentType } from './file-kind.js';
import { authorizeAttach } from './policy.js';
import { storageKeyFor, type AttachmentStorage } from './storage.js';
import { insertAttachment, orderAttachment, type StoredAttachment } from './store.js';

/** An attachment as the API shows it. */
export type OrderAttachment = z.infer<typeof OrderAttachmentSchema>;

/** An uploaded file as the multipart reader hands it over. */
export interface UploadedAttachment {
  filename: string;
  size: number;
  sha256: string;
  /** Not enumerable: the idempotency hash covers the name, size and digest, not the bytes. */
  data: Buffer;
}

/** A file that passed the checks and is about to be (or has been) stored. */
interface CheckedFile {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
  data: Buffer;
}

/**
 * The name as it will be stored and offered for download: the last path segment, without control
 * characters or broken Unicode, at most 200 characters.
 */
export function cleanFileName(name: string): string {
  const base = name.toWellFormed().split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\p{Cc}\u2028\u2029]/gu, '').trim();
  return [...clean].slice(0, 200).join('') || 'attachment';
}

/**
 * Before a byte is stored or the body read: the actor may see orders, sees this one
 * (ORDER_NOT_FOUND otherwise, as for an order that does not exist) and may add to it.
 */
export async function checkMayAttach(
  ctx: { tx: Kysely<DB>; actor: Actor },
  orderId: string | null,
): Promise<void> {
  authorize(ctx.actor, 'order.view');
  // A malformed id is left to validation (400), which follows.
  if (orderId === null) return;
  await visibleOrder(ctx, orderId);
  authorizeAttach(ctx.actor);
}

/** The file's type by its bytes; ATTACHMENT_REFUSED for anything not on the list. */
async function checkFile(file: UploadedAttachment, now: Date): Promise<CheckedFile> {
  const fileName = cleanFileName(file.filename);
  const contentType = await attachmentContentType(file.data, fileName);
  if (!contentType) throw new OrdersError('ATTACHMENT_REFUSED');
  const id = newId();
  return {
    id,
    fileName,
    contentType,
    size: file.data.length,
    sha256: file.sha256,
    storageKey: storageKeyFor(id, now),
    data: file.data,
  };
}

function present(
  row: Pick<StoredAttachment, 'id' | 'file_name' | 'content_type' | 'size' | 'created_at'>,
  uploadedBy: { id: string; name: string },
): OrderAttachment {
  return {
    id: row.id,
    fileName: row.file_name,
    contentType: row.content_type,
    size: row.size,
    uploadedBy,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Records a stored file on the order, with its event, outbox and audit rows, in `ctx.tx`. */
async function recordAttachment(
  ctx: OrderCtx,
  orderId: string,
  f: CheckedFile,
): Promise<OrderAttachment> {
  const { tx, actor, now } = ctx;
  authorize(actor, 'order.view');
  // Locked so that the event sits in the timeline in the same order as concurrent actions.
  const o = await lockOrder(tx, orderId);
  if (!o || !canSee(actor, o)) throw new OrdersError('ORDER_NOT_FOUND');
  authorizeAttach(actor);
  await insertAttachment(tx, {
    id: f.id,
    order_id: o.id,
    file_name: f.fileName,
    content_type: f.contentType,
    size: f.size,
    sha256: f.sha256,
    storage_key: f.storageKey,
    uploaded_by: actor.userId,
    org_id: o.org_id,
    province_id: o.province_id,
    created_at: now,
  });
  const data = { attachmentId: f.id, size: f.size, contentType: f.contentType };
  await insertEvents(tx, [
    {
      id: newId(),
      order_id: o.id,
      at: now,
      action: 'attach',
      from_state: null,
      to_state: null,
      actor_id: actor.userId,
      actor_name: actor.displayName,
      unit_id: actor.unitId,
      visible_to_customer: false,
      body: f.fileName,
      data,
    },
  ]);
  await insertOutbox(tx, [
    {
      topic: 'order.changed',
      payload: {
        orderId: o.id,
        number: o.number,
        state: o.state,
        action: 'attach',
        slaStatus: o.sla_status,
        dueAt: o.due_at ? new Date(o.due_at).toISOString() : null,
        version: o.version,
        at: now.toISOString(),
        unitPath: o.unit_path,
      },
      orgId: o.org_id,
      provinceId: o.province_id,
    },
  ]);
  await recordAudit(
    tx,
    { actor: { userId: actor.userId, username: actor.username }, meta: ctx.meta },
    {
      action: 'order.attach',
      entityType: 'order',
      entityId: o.id,
      after: { ...data, fileName: f.fileName, sha256: f.sha256, storageKey: f.storageKey },
      orgId: o.org_id,
      provinceId: o.province_id,
    },
  );
  return present(
    {
      id: f.id,
      file_name: f.fileName,
      content_type: f.contentType,
      size: f.size,
      created_at: now,
    },
    { id: actor.userId, name: actor.displayName },
  );
}

/** Runs the write in one transaction (with the caller's idempotency handling). */
export type AttachTransaction = (
  run: (tx: Kysely<DB>) => Promise<OrderAttachment>,
) => Promise<{ replayed: boolean; body: OrderAttachment }>;

/**
 * Adds a file to an order: checked by its bytes (ATTACHMENT_REFUSED), stored durably, then
 * recorded in one transaction. When the transaction fails or replays an earlier answer, the file
 * just stored is removed again; a crash in between leaves a file no row points to, never a row
 * without its file.
 */
export async function addAttachment(o: {
  storage: AttachmentStorage;
  actor: Actor;
  meta: RequestMeta;
  now: Date;
  orderId: string;
  file: UploadedAttachment;
  transaction: AttachTransaction;
}): Promise<OrderAttachment> {
  const { storage, actor, meta, now } = o;
  const f = await checkFile(o.file, now);
  await storage.put(f.storageKey, f.data);
  let result: { replayed: boolean; body: OrderAttachment };
  try {
    result = await o.transaction((tx) => recordAttachment({ tx, actor, meta, now }, o.orderId, f));
  } catch (e) {
    // The refusal is what the caller needs to hear; a file left behind harms nobody.
    await storage.delete(f.storageKey).catch(() => undefined);
    throw e;
  }
  if (result.replayed) await storage.delete(f.storageKey).catch(() => undefined);
  return result.body;
}

/** An attachment of an order the actor sees, ready to be sent. */
export interface AttachmentDownload {
  fileName: string;
  contentType: string;
  size: number;
  content: Readable | Buffer;
}

/** ORDER_NOT_FOUND when the order is out of sight; ATTACHMENT_NOT_FOUND when not its file. */
export async function openAttachment(
  ctx: { tx: Kysely<DB>; actor: Actor; storage: AttachmentStorage },
  orderId: string,
  attachmentId: string,
): Promise<AttachmentDownload> {
  await visibleOrder(ctx, orderId);
  const row = await orderAttachment(ctx.tx, orderId, attachmentId);
  if (!row) throw new OrdersError('ATTACHMENT_NOT_FOUND');
  return {
    fileName: row.file_name,
    contentType: row.content_type,
    size: row.size,
    content: await ctx.storage.get(row.storage_key),
  };
}
