import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

/** Writes an in-app message (once per delivery: the delivery id is unique). */
export async function insertInboxMessage(
  tx: Kysely<DB>,
  m: { id: string; userId: string; deliveryId: string; title: string; body: string; now: Date },
): Promise<void> {
  await tx
    .insertInto('notify_inbox')
    .values({
      id: m.id,
      user_id: m.userId,
      delivery_id: m.deliveryId,
      title: m.title,
      body: m.body,
      created_at: m.now,
    })
    .onConflict((oc) => oc.column('delivery_id').doNothing())
    .execute();
}

/**
 * The live nudge that a user's inbox changed (`notify.inbox`, to that user's own streams only):
 * their bell refetches its count at once instead of on its next poll. One row per user, written
 * in the transaction that changed the inbox, so it goes out only if the change committed.
 */
export async function insertInboxChanged(
  tx: Kysely<DB>,
  userIds: readonly string[],
  change: 'new' | 'read',
  at: Date,
): Promise<void> {
  const users = [...new Set(userIds)];
  if (users.length === 0) return;
  await tx
    .insertInto('outbox')
    .values(
      users.map((userId) => ({
        topic: 'notify.inbox',
        payload: JSON.stringify({ userId, change, at: at.toISOString() }),
        org_id: null,
        province_id: null,
      })),
    )
    .execute();
}

/** A page of a user's messages, newest first, with the count of unread ones. */
export async function listInbox(
  tx: Kysely<DB>,
  userId: string,
  q: { unreadOnly: boolean; page: number; pageSize: number },
) {
  let where = tx.selectFrom('notify_inbox').where('user_id', '=', userId);
  if (q.unreadOnly) where = where.where('read_at', 'is', null);
  const [rows, counts] = await Promise.all([
    where
      .select(['id', 'title', 'body', 'created_at', 'read_at'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    tx
      .selectFrom('notify_inbox')
      .where('user_id', '=', userId)
      .select([
        sql<number>`count(*) FILTER (WHERE read_at IS NULL)`.as('unread'),
        sql<number>`count(*)`.as('total'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    rows,
    total: q.unreadOnly ? Number(counts.unread) : Number(counts.total),
    unread: Number(counts.unread),
  };
}

/** Marks a user's message read; false when the user has no such message. */
export async function markRead(
  tx: Kysely<DB>,
  userId: string,
  id: string,
  now: Date,
): Promise<{ wasUnread: boolean } | null> {
  const row = await tx
    .selectFrom('notify_inbox')
    .select(['read_at'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return null;
  if (row.read_at) return { wasUnread: false };
  await tx.updateTable('notify_inbox').set({ read_at: now }).where('id', '=', id).execute();
  return { wasUnread: true };
}

/** Marks every unread message of a user read; answers how many were unread. */
export async function markAllRead(tx: Kysely<DB>, userId: string, now: Date): Promise<number> {
  const r = await tx
    .updateTable('notify_inbox')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
