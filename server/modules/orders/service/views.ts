/** 我的视图: a person's saved filters of the order list. */
import type { z } from 'zod';
import type { CreateSavedViewInput, SavedView } from '../../../../common/schemas/orders.js';
import { newId } from '../../../platform/ids.js';
import { authorize } from '../../auth/index.js';
import { OrdersError } from '../errors.js';
import { deleteView, insertView, listViews } from '../store/settings.js';
import type { OrderCtx } from './context.js';

type Ctx = Pick<OrderCtx, 'tx' | 'actor'>;

export async function savedViews(ctx: Ctx): Promise<{ items: z.input<typeof SavedView>[] }> {
  authorize(ctx.actor, 'order.view');
  const rows = await listViews(ctx.tx, ctx.actor.userId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      query: r.query as Record<string, string>,
      createdAt: r.created_at.toISOString(),
    })),
  };
}

/** Saves a view; saving under an existing name replaces that view's filters. */
export async function saveView(ctx: Ctx, input: z.infer<typeof CreateSavedViewInput>) {
  authorize(ctx.actor, 'order.view');
  const row = await insertView(ctx.tx, {
    id: newId(),
    userId: ctx.actor.userId,
    name: input.name,
    query: input.query,
  });
  return {
    id: row.id,
    name: input.name,
    query: input.query,
    createdAt: row.created_at.toISOString(),
  };
}

export async function removeView(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx.actor, 'order.view');
  if (!(await deleteView(ctx.tx, id, ctx.actor.userId)))
    throw new OrdersError('ORDER_VIEW_NOT_FOUND');
}
