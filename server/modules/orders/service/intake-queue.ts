/**
 * 受理队列: orders accepted over the API are written in groups. A request that arrives while
 * earlier groups are being written waits for the next group; under light load every order is a
 * group of its own and waits for nothing. A group costs three round trips to the database
 * however many orders it holds, which is what lets a busy center accept orders at the rate its
 * callers arrive (on a machine where a round trip costs more than the work, a storm of calls
 * would otherwise queue behind the network).
 */
import type { Kysely } from 'kysely';
import type { OrderDetail } from '../../../../common/schemas/orders.js';
import type { DB } from '../../../db/schema.js';
import { writeTransaction } from '../../../http/transaction.js';
import { ensureNumberSequence } from '../store/numbering.js';
import { acceptOrders, numberDay, type OrderOutcome, type OrderRequest } from './create-order.js';

interface Pending {
  request: OrderRequest;
  resolve(v: { replayed: boolean; body: OrderDetail }): void;
  reject(e: unknown): void;
}

export interface IntakeQueueOptions {
  /** Groups written at once; each holds a database connection while it is written. */
  concurrency: number;
  /** The most orders in one group (one statement). */
  maxGroup: number;
}

export class OrderIntakeQueue {
  private waiting: Pending[] = [];
  private running = 0;

  constructor(
    private readonly db: () => Kysely<DB>,
    private readonly opts: IntakeQueueOptions = { concurrency: 2, maxGroup: 64 },
  ) {}

  submit(request: OrderRequest): Promise<{ replayed: boolean; body: OrderDetail }> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.opts.concurrency && this.waiting.length > 0) {
      const group = this.take();
      this.running++;
      void this.write(group).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  /**
   * The next group, in arrival order. A second request with the same actor and Idempotency-Key
   * as one already in the group waits for the next, where it finds the first one's answer.
   */
  private take(): Pending[] {
    const group: Pending[] = [];
    const keys = new Set<string>();
    const rest: Pending[] = [];
    for (const p of this.waiting) {
      const idem = p.request.idempotency;
      const k = idem ? `${p.request.actor.userId}\n${idem.key}` : null;
      if (group.length >= this.opts.maxGroup || (k !== null && keys.has(k))) {
        rest.push(p);
        continue;
      }
      if (k !== null) keys.add(k);
      group.push(p);
    }
    this.waiting = rest;
    return group;
  }

  private async write(group: Pending[]): Promise<void> {
    const db = this.db();
    let outcomes: OrderOutcome[];
    try {
      for (const day of new Set(group.map((p) => numberDay(p.request.now)))) {
        await ensureNumberSequence(db, day);
      }
      outcomes = await acceptOrders(
        db,
        group.map((p) => p.request),
      );
    } catch {
      // The group's statement failed as a whole: a twin with the same Idempotency-Key committed
      // first, or the database refused something in one order. Nothing of the group was
      // written; each order goes again on its own and gets its own answer (a twin, its replay).
      for (const p of group) {
        try {
          const [one] = await writeTransaction(db, (tx) => acceptOrders(tx, [p.request]));
          settle(p, one!);
        } catch (e) {
          p.reject(e);
        }
      }
      return;
    }
    group.forEach((p, i) => settle(p, outcomes[i]!));
  }
}

function settle(p: Pending, o: OrderOutcome): void {
  if (o.ok) p.resolve({ replayed: o.replayed, body: o.body });
  else p.reject(o.error);
}
