/**
 * The SLA timers: warnings at 80% and 95% and overdue at 100% of each running clock. Timers are
 * rows, so a restart between a deadline and its firing only delays it; claiming marks them fired
 * in the same transaction as their effects, so each fires once per clock epoch.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { newId } from '../../../platform/ids.js';
import { claimDueTimers, insertTimerEvents } from '../store/timers.js';

/** A claim that took only orders other workers had just fired is made again, this many in all. */
const STALE_RETRIES = 3;

/**
 * Fires the timers due by `now` of the orders of the first `batch` due timers (all of an order's
 * due timers at once: a clock makes one transition, to the worst kind due, with one event).
 * Returns how many timers fired; 0 when none is due (or all due ones are held by others).
 */
export async function fireDueTimers(db: Kysely<DB>, now: Date, batch = 1000): Promise<number> {
  // Two statements per batch (claim and apply, then the events): on a machine where every round
  // trip is dear, set-based SQL is what scales.
  return db.transaction().execute(async (tx) => {
    for (let attempt = 1; ; attempt++) {
      const { walked, claimed, raised } = await claimDueTimers(tx, now, batch);
      // Another worker committed the orders walked after the claim's snapshot: a new statement
      // sees them fired, and looks past them.
      if (claimed === 0 && walked > 0 && attempt < STALE_RETRIES) continue;
      await insertTimerEvents(
        tx,
        now,
        raised.map((c) => ({ ...c, id: newId() })),
      );
      return claimed;
    }
  });
}
