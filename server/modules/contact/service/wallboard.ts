/**
 * The wall board (大屏): today's live figures for a lead's service area, or one unit of it — the
 * queue now, agents by state, the service level, speed of answer and abandonment (by the rules
 * of common/contact/wallboard-figures.ts), calls and orders per hour, orders at risk and the
 * outages with the power off. Orders and outages come from their modules, each behind its own
 * permission: a viewer without it gets null there rather than no board.
 *
 * Every board of an area is nudged on the same whole second after a change (http/live-events.ts)
 * and refetches at once: `sharedWallboard` counts the figures once per area and second for all
 * of them — a count started since the last whole second already holds every change nudged.
 */
import {
  AGENT_STATES,
  type AgentState,
  type NotReadyReason,
} from '../../../../common/contact/agent-states.js';
import {
  SERVICE_LEVEL_SECONDS,
  SERVICE_LEVEL_TARGET,
  SHORT_ABANDON_SECONDS,
  WALLBOARD_REFRESH_MS,
  callFigures,
  chinaDay,
  fullDay,
} from '../../../../common/contact/wallboard-figures.js';
import type { Wallboard, WallboardQuery } from '../../../../common/schemas/wallboard.js';
import { serviceAreaPrefix } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { authorize } from '../../auth/index.js';
import { wallboardOrders } from '../../orders/index.js';
import { wallboardOutages } from '../../outages/index.js';
import { unitById, type UnitRef } from '../store/refs.js';
import { agentsByState, callsByHour, waitingByQueue } from '../store/wallboard.js';
import type { ReadCtx } from './context.js';

const secondsSince = (from: Date, now: Date) =>
  Math.max(0, Math.floor((now.getTime() - from.getTime()) / 1000));

/** The unit the board covers: the one asked for (inside the area), else the whole area. */
async function boardUnit(ctx: ReadCtx, unitId: string | undefined) {
  const prefix = serviceAreaPrefix(ctx.actor);
  const id = unitId ?? prefix.split('/').filter(Boolean).pop() ?? ctx.actor.unitId;
  const unit = await unitById(ctx.tx, id);
  // A unit outside the area is answered as one that does not exist (no leak).
  if (!unit || !unit.path.startsWith(prefix)) throw new AppError('UNIT_NOT_FOUND');
  return unit;
}

/** Today's figures of the board at `ctx.now`. */
export async function wallboard(ctx: ReadCtx, q: WallboardQuery): Promise<Wallboard> {
  authorize(ctx.actor, 'contact.monitor');
  return figures(ctx, await boardUnit(ctx, q.unitId));
}

/** Counts of this process started since a whole second, by unit and what the viewer may see. */
const shared = new Map<string, { startedAt: number; result: Promise<Wallboard> }>();

/**
 * Today's figures of the board, counted at most once per area and whole second for every board
 * that asks (in this process): one started since the last whole second is answered to all.
 */
export async function sharedWallboard(ctx: ReadCtx, q: WallboardQuery): Promise<Wallboard> {
  authorize(ctx.actor, 'contact.monitor');
  const unit = await boardUnit(ctx, q.unitId);
  const p = ctx.actor.permissions;
  const key = `${unit.id}|${p.includes('order.view')}|${p.includes('outage.view')}`;
  const now = ctx.now.getTime();
  const tick = Math.floor(now / WALLBOARD_REFRESH_MS) * WALLBOARD_REFRESH_MS;
  const hit = shared.get(key);
  if (hit && hit.startedAt >= tick) return hit.result;
  for (const [k, v] of shared) if (v.startedAt < tick) shared.delete(k);
  const result = figures(ctx, unit);
  const entry = { startedAt: now, result };
  shared.set(key, entry);
  // A failed count is not handed to the next board.
  result.catch(() => {
    if (shared.get(key) === entry) shared.delete(key);
  });
  return result;
}

async function figures(ctx: ReadCtx, unit: UnitRef): Promise<Wallboard> {
  const prefix = unit.path;
  const { now, actor, tx } = ctx;
  const day = chinaDay(now);
  const can = (p: 'order.view' | 'outage.view') => actor.permissions.includes(p);
  const [hours, waiting, agents, orders, outages] = await Promise.all([
    callsByHour(tx, { prefix, start: day.start, now }),
    waitingByQueue(tx, { prefix, now }),
    agentsByState(tx, prefix),
    can('order.view')
      ? wallboardOrders({ tx, actor, prefix, start: day.start, end: day.end })
      : null,
    can('outage.view') ? wallboardOutages({ tx, actor, prefix, now }) : null,
  ]);

  const day24 = fullDay(hours);
  const oldest = waiting.reduce<Date | null>(
    (m, w) => (m === null || w.oldest < m ? w.oldest : m),
    null,
  );

  const byState = AGENT_STATES.map((state: AgentState) => {
    const rows = agents.filter((a) => a.state === state);
    const since = rows.reduce<Date | null>(
      (m, a) => (m === null || a.since < m ? a.since : m),
      null,
    );
    return {
      state,
      count: rows.reduce((n, a) => n + a.n, 0),
      longestSeconds: since && state !== 'signed_out' ? secondsSince(since, now) : null,
    };
  });

  return {
    at: now.toISOString(),
    day: day.date,
    area: { unitId: unit.id, name: unit.name },
    thresholds: {
      serviceLevelSeconds: SERVICE_LEVEL_SECONDS,
      shortAbandonSeconds: SHORT_ABANDON_SECONDS,
      serviceLevelTarget: SERVICE_LEVEL_TARGET,
    },
    queue: {
      waiting: waiting.reduce((n, w) => n + w.waiting, 0),
      longestWaitSeconds: oldest ? secondsSince(oldest, now) : null,
      byQueue: waiting.map((w) => ({
        queue: w.queue,
        waiting: w.waiting,
        longestWaitSeconds: secondsSince(w.oldest, now),
      })),
    },
    agents: {
      signedIn: byState.filter((s) => s.state !== 'signed_out').reduce((n, s) => n + s.count, 0),
      byState,
      notReadyReasons: agents
        .filter((a) => a.state === 'not_ready')
        .map((a) => ({ reason: a.reason as NotReadyReason | null, count: a.n }))
        .sort((a, b) => b.count - a.count),
    },
    today: callFigures(day24),
    hours: day24.map((h) => ({
      hour: h.hour,
      calls: h.calls,
      answered: h.answered,
      abandoned: h.abandoned,
      serviceLevel: callFigures([h]).serviceLevel,
      orders: orders ? (orders.byHour[h.hour] ?? 0) : null,
    })),
    orders: orders?.figures ?? null,
    outages,
  };
}
