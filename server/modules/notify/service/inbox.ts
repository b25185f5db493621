import type { InboxList, InboxMessage, InboxQuery } from '../../../../common/schemas/notify.js';
import { NotifyError } from '../errors.js';
import { insertInboxChanged, listInbox, markAllRead, markRead } from '../store/inbox.js';
import { audit, type ReadCtx, type WriteCtx } from './context.js';

/** The signed-in user's in-app messages. */
export async function myInbox(ctx: ReadCtx, q: InboxQuery): Promise<InboxList> {
  const r = await listInbox(ctx.tx, ctx.actor.userId, {
    unreadOnly: q.unread === 'true',
    page: q.page,
    pageSize: q.pageSize,
  });
  const items: InboxMessage[] = r.rows.map((m) => ({
    id: m.id,
    title: m.title,
    body: m.body,
    createdAt: m.created_at.toISOString(),
    readAt: m.read_at?.toISOString() ?? null,
  }));
  return { items, total: r.total, unread: r.unread };
}

/** Marks one of the user's own messages read; another user's message does not exist. */
export async function readMessage(ctx: WriteCtx, id: string): Promise<void> {
  const now = new Date();
  const r = await markRead(ctx.tx, ctx.actor.userId, id, now);
  if (!r) throw new NotifyError('NOTIFY_MESSAGE_NOT_FOUND');
  if (!r.wasUnread) return;
  // The user's other tabs and devices drop the count too.
  await insertInboxChanged(ctx.tx, [ctx.actor.userId], 'read', now);
  await audit(ctx, {
    action: 'notify.inbox.read',
    entityType: 'notify_inbox',
    entityId: id,
    after: { read: true },
    orgId: ctx.actor.unitId,
    provinceId: ctx.actor.provinceId,
  });
}

/** Marks all the user's unread messages read (one audit row for the lot); answers how many. */
export async function readAllMessages(ctx: WriteCtx): Promise<number> {
  const now = new Date();
  const marked = await markAllRead(ctx.tx, ctx.actor.userId, now);
  if (marked === 0) return 0;
  await insertInboxChanged(ctx.tx, [ctx.actor.userId], 'read', now);
  await audit(ctx, {
    action: 'notify.inbox.read_all',
    entityType: 'notify_inbox',
    entityId: ctx.actor.userId,
    after: { read: marked },
    orgId: ctx.actor.unitId,
    provinceId: ctx.actor.provinceId,
  });
  return marked;
}
