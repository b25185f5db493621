/** The SQL of order attachments: the row of each stored file. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB, OrderAttachmentsTable } from '../../../db/schema.js';

export type AttachmentInsert = Insertable<OrderAttachmentsTable>;
export type StoredAttachment = Selectable<OrderAttachmentsTable>;

export async function insertAttachment(tx: Kysely<DB>, row: AttachmentInsert): Promise<void> {
  await tx.insertInto('order_attachments').values(row).execute();
}

/** The attachment if it belongs to that order; null otherwise. */
export async function orderAttachment(
  tx: Kysely<DB>,
  orderId: string,
  attachmentId: string,
): Promise<StoredAttachment | null> {
  const row = await tx
    .selectFrom('order_attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  return row ?? null;
}
