/**
 * The wall board (大屏): a center's live figures for today (China time), for the viewer's service
 * area or one unit of it. The call figures follow common/contact/wallboard-figures.ts.
 */
import { z } from 'zod';
import { AGENT_STATES, NOT_READY_REASONS } from '../contact/agent-states.js';
import { ORDER_STATES } from '../orders/states.js';
import { OUTAGE_CATEGORIES, OUTAGE_STATES } from '../outages/categories.js';
import { Id } from './primitives.js';

const IsoTime = z.iso.datetime({ offset: true });
const Count = z.number().int().min(0);
/** A share 0..1, null when there is nothing to divide by yet. */
const Share = z.number().min(0).max(1).nullable();
const Names = z.object({ zh: z.string(), en: z.string() });

export const WallboardQuery = z.strictObject({
  /** One unit of the service area (a center, a city); the whole area when absent. */
  unitId: Id.optional(),
});
export type WallboardQuery = z.infer<typeof WallboardQuery>;

export const WallboardQueue = z.object({
  /** Calls ringing now, not yet answered. */
  waiting: Count,
  /** How long the longest of them has waited, in seconds at `at`. */
  longestWaitSeconds: Count.nullable(),
  byQueue: z.array(
    z.object({ queue: z.string().nullable(), waiting: Count, longestWaitSeconds: Count }),
  ),
});

export const WallboardAgents = z.object({
  /** Agents signed in (any state but signed out). */
  signedIn: Count,
  /** Every state, signed out included, with the longest time an agent has been in it. */
  byState: z.array(
    z.object({
      state: z.enum(AGENT_STATES),
      count: Count,
      longestSeconds: Count.nullable(),
    }),
  ),
  notReadyReasons: z.array(
    z.object({ reason: z.enum(NOT_READY_REASONS).nullable(), count: Count }),
  ),
});

export const WallboardCalls = z.object({
  /** Inbound calls that arrived today (short abandons included, blocked ones not). */
  calls: Count,
  answered: Count,
  answeredInSl: Count,
  abandoned: Count,
  shortAbandoned: Count,
  /** Ringing now and already past the service-level threshold (they count against it). */
  waitingOverSl: Count,
  serviceLevel: Share,
  /** Average speed of answer, seconds. */
  averageSpeedOfAnswer: z.number().min(0).nullable(),
  abandonRate: Share,
});

export const WallboardHour = z.object({
  hour: z.number().int().min(0).max(23),
  calls: Count,
  answered: Count,
  abandoned: Count,
  serviceLevel: Share,
  /** Orders accepted in the hour; null without the right to see orders. */
  orders: Count.nullable(),
});

export const WallboardOrders = z.object({
  /** Orders accepted today. */
  today: Count,
  /** Open orders whose time limit is near (warning, critical) or past (overdue). */
  atRisk: z.object({ warning: Count, critical: Count, overdue: Count }),
  /** The most urgent of them: overdue first, then by due time. */
  top: z.array(
    z.object({
      id: Id,
      number: z.string(),
      typeName: Names,
      state: z.enum(ORDER_STATES),
      slaStatus: z.enum(['warning', 'critical', 'overdue']),
      dueAt: IsoTime.nullable(),
    }),
  ),
});

export const WallboardOutages = z.object({
  /** Outages with the power off now (in progress, or a planned window that has begun). */
  active: Count,
  affectedCustomers: Count,
  items: z.array(
    z.object({
      id: Id,
      number: z.string(),
      title: z.string(),
      category: z.enum(OUTAGE_CATEGORIES),
      state: z.enum(OUTAGE_STATES),
      /** When the power went off (started, or the planned start). */
      since: IsoTime.nullable(),
      estimatedRestoreAt: IsoTime.nullable(),
      affectedCustomers: Count,
    }),
  ),
});

export const Wallboard = z.object({
  /** When the figures were taken (server time). */
  at: IsoTime,
  /** Today's date in China (YYYY-MM-DD). */
  day: z.string(),
  area: z.object({ unitId: Id, name: z.string() }),
  thresholds: z.object({
    serviceLevelSeconds: Count,
    shortAbandonSeconds: Count,
    serviceLevelTarget: z.number(),
  }),
  queue: WallboardQueue,
  agents: WallboardAgents,
  today: WallboardCalls,
  /** The 24 hours of today. */
  hours: z.array(WallboardHour),
  /** Null without the right to see orders (order.view). */
  orders: WallboardOrders.nullable(),
  /** Null without the right to see outages (outage.view). */
  outages: WallboardOutages.nullable(),
});
export type Wallboard = z.infer<typeof Wallboard>;
export type WallboardOrders = z.infer<typeof WallboardOrders>;
export type WallboardOutages = z.infer<typeof WallboardOutages>;
