/**
 * The SLA timers: warnings at 80% and 95% and overdue at 100% of each running clock. Timers are
 * rows, so a restart between a deadline and its firing only delays it; claiming marks them fired
 * in the same transaction as their effects, so each fires once per clock epoch.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { newId } from '../../../platform/ids.js';
import { insertEvents, insertOutbox, type EventInsert } from '../store/write.js';
import { claimDueTimers, raiseOrderStatus } from '../store/timers.js';

const RANK: Record<string, number> = { ok: 0, paused: 0, warning: 1, critical: 2, overdue: 3 };

/** Fires the timers due by `now`, at most `batch` of them; returns how many were claimed. */
export async function fireDueTimers(db: Kysely<DB>, now: Date, batch = 1000): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const { claimed, fired } = await claimDueTimers(tx, now, batch);
    if (fired.length === 0) return claimed;
    const worst = new Map<string, string>();
    for (const f of fired) {
      const before = worst.get(f.order_id) ?? f.sla_status;
      worst.set(f.order_id, (RANK[f.kind] ?? 0) > (RANK[before] ?? 0) ? f.kind : before);
    }
    await raiseOrderStatus(
      tx,
      [...worst.entries()].map(([id, status]) => ({ id, status })),
    );
    const events: EventInsert[] = fired.map((f) => ({
      id: newId(),
      order_id: f.order_id,
      at: now,
      action: `sla_${f.kind}`,
      from_state: null,
      to_state: null,
      actor_id: null,
      actor_name: '系统',
      unit_id: null,
      visible_to_customer: false,
      body: null,
      data: { step: f.step, dueAt: f.due_at.toISOString() },
    }));
    await insertEvents(tx, events);
    const seen = new Set<string>();
    await insertOutbox(
      tx,
      fired
        .filter((f) => !seen.has(f.order_id) && seen.add(f.order_id))
        .map((f) => ({
          topic: 'order.changed',
          payload: {
            orderId: f.order_id,
            number: f.number,
            state: f.state,
            action: `sla_${worst.get(f.order_id)}`,
            slaStatus: worst.get(f.order_id),
            dueAt: null,
            version: f.version,
            at: now.toISOString(),
            unitPath: f.unit_path,
          },
          orgId: f.org_id,
          provinceId: f.province_id,
        })),
    );
    return claimed;
  });
}
