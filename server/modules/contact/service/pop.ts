/**
 * The screen pop (来电弹屏): everything an agent needs while the phone rings, read in parallel
 * from the modules that own it: the customers behind the number (customers), what covers them on
 * the grid and the scripts of filed major events (outages), their open and recent orders (orders),
 * the repeat-call warning (our calls) and the greeting (calendar).
 */
import { greetingFor } from '../../../../common/contact/greeting.js';
import { normalizePhone } from '../../../../common/customers/phone.js';
import { OPEN_STATES } from '../../../../common/orders/states.js';
import type { ScreenPop } from '../../../../common/schemas/contact.js';
import type { CustomerSummary } from '../../../../common/schemas/customers.js';
import type { OrderSummary } from '../../../../common/schemas/orders.js';
import type { AffectingAnswer } from '../../../../common/schemas/outages.js';
import { serviceAreaPrefix } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { chinaDate, getWorkingCalendar } from '../../calendar/index.js';
import { lookUpByPhone } from '../../customers/index.js';
import { listOrders, visibleOrder } from '../../orders/index.js';
import { outagesAffecting } from '../../outages/index.js';
import { presentCall } from '../presenters.js';
import { earlierCalls } from '../store/calls.js';
import { visibleCall } from './calls.js';
import type { ReadCtx } from './context.js';

const DAY_MS = 86_400_000;
/** Candidates beyond this many are left to the agent's search. */
const ORDER_CUSTOMERS = 5;
const ORDERS_SHOWN = 10;

/** A read the actor's role does not include is simply empty in the pop. */
async function orEmpty<T>(read: Promise<T>, empty: T): Promise<T> {
  try {
    return await read;
  } catch (e) {
    if (
      e instanceof AppError &&
      (e.code === 'FORBIDDEN' || e.code === 'TOKEN_SCOPE_INSUFFICIENT')
    ) {
      return empty;
    }
    throw e;
  }
}

/** The statutory holiday on the date of `at` (China), if any; unknown years have none. */
async function holidayAt(ctx: ReadCtx, at: Date): Promise<string | null> {
  try {
    const cal = await getWorkingCalendar(ctx.tx);
    const date = chinaDate(at);
    return cal.kindOf(date) === 'holiday' ? (cal.nameOf(date) ?? null) : null;
  } catch {
    return null; // no schedule entered for the year: an ordinary greeting
  }
}

async function ordersOf(ctx: ReadCtx, customers: CustomerSummary[]): Promise<OrderSummary[]> {
  const lists = await Promise.all(
    customers.slice(0, ORDER_CUSTOMERS).map((c) =>
      orEmpty(
        listOrders(ctx, {
          customerId: c.id,
          sort: '-acceptedAt',
          page: 1,
          pageSize: ORDERS_SHOWN,
        }),
        { items: [], total: 0, totalCapped: false },
      ),
    ),
  );
  const all = lists.flatMap((l) => l.items);
  // Open orders first (what the caller most likely calls about), then the most recent.
  const open = (o: OrderSummary) => OPEN_STATES.includes(o.state);
  return all
    .sort(
      (a, b) =>
        Number(open(b)) - Number(open(a)) || Date.parse(b.acceptedAt) - Date.parse(a.acceptedAt),
    )
    .slice(0, ORDERS_SHOWN);
}

/**
 * The orders already attached to the call, so that a desk opened again on it (a reload) lists
 * them; one the agent may no longer see is left out, not an error on the whole pop.
 */
async function callOrdersOf(ctx: ReadCtx, ids: readonly string[]) {
  const out: { id: string; number: string }[] = [];
  for (const id of ids) {
    try {
      const o = await visibleOrder(ctx, id);
      out.push({ id: o.id, number: o.number });
    } catch (e) {
      if (e instanceof AppError && (e.code === 'ORDER_NOT_FOUND' || e.code === 'FORBIDDEN')) {
        continue;
      }
      throw e;
    }
  }
  return out;
}

export async function screenPop(ctx: ReadCtx, id: string): Promise<ScreenPop> {
  const call = await visibleCall(ctx, id);
  const raw = call.direction === 'out' ? call.to_number : call.from_number;
  const number = call.caller_number ?? (raw ? normalizePhone(raw) : null);
  const at = call.ring_at ?? call.first_seen_at;
  const noOutages: AffectingAnswer = { customers: [], outages: [], majorEvents: [] };
  const [customers, affecting, repeat, holiday] = await Promise.all([
    number
      ? orEmpty(
          lookUpByPhone(ctx, number).then((r) => r.items),
          [] as CustomerSummary[],
        )
      : Promise.resolve([] as CustomerSummary[]),
    number ? orEmpty(outagesAffecting(ctx, { phone: number }), noOutages) : noOutages,
    number
      ? earlierCalls(ctx.tx, {
          number,
          since: new Date(at.getTime() - DAY_MS),
          before: at,
          excludeId: call.id,
          prefix: serviceAreaPrefix(ctx.actor),
        })
      : Promise.resolve({ count: 0, lastAt: null, lastAgent: null }),
    holidayAt(ctx, ctx.now),
  ]);
  const orders = await ordersOf(ctx, customers);
  const callOrders = await callOrdersOf(ctx, call.wrap_order_ids);
  return {
    call: presentCall(call, ctx.actor),
    number,
    match: customers.length === 0 ? 'none' : customers.length === 1 ? 'one' : 'several',
    customers,
    outages: affecting.outages,
    majorEvents: affecting.majorEvents,
    orders,
    callOrders,
    repeat: {
      calls24h: repeat.count,
      lastAt: repeat.lastAt?.toISOString() ?? null,
      lastAgent: repeat.lastAgent,
    },
    greeting: greetingFor(ctx.now, holiday),
  };
}
