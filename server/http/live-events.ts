/**
 * GET /api/events: Server-Sent Events for the signed-in user. Each message passes a scope filter
 * first: order changes reach holders of order.view whose service area holds the order, outage
 * changes holders of outage.view whose service area holds the outage's unit, crew and job changes
 * holders of repair.view or repair.work whose service area holds the crew's unit. A call reaches
 * the agents it rings or who answered it; an agent's state reaches the agent and the holders of
 * contact.monitor whose service area holds the agent's unit. A change of a user's in-app inbox
 * (`event: notify`) reaches that user alone. An article published or withdrawn
 * (`event: knowledge`) reaches holders of knowledge.view who can read it: in their service area
 * or owned by a unit above theirs.
 *
 * Wall boards (大屏) of holders of contact.monitor get `event: wallboard`, a bare nudge to refetch
 * their figures, when a call, an agent, an order or an outage changes in their service area. The
 * nudges of a stream are coalesced and go out on whole seconds (WALLBOARD_REFRESH_MS): a storm of
 * 50 calls a second costs each board one refetch a second, not fifty, and every board of an area
 * refetches at the same moment, so the server counts the figures once for all of them
 * (contact/service/wallboard.ts).
 */
import { WALLBOARD_REFRESH_MS } from '../../common/contact/wallboard-figures.js';
import { serviceAreaPrefix, type Actor } from '../platform/actor.js';
import type { LiveHub, LiveMessage } from '../platform/live-hub.js';
import { actorOf, type App } from './context.js';

const HEARTBEAT_MS = 25_000;
const TICK_MARGIN_MS = 20;

/** The changes that move a wall board's figures. */
const WALLBOARD_TOPICS = new Set([
  'contact.call',
  'contact.agent',
  'order.changed',
  'outage.changed',
]);

/** Whether a message moves the figures of a wall board this actor may watch. */
export function wallboardAcceptsFor(actor: Actor): (m: LiveMessage) => boolean {
  if (!actor.permissions.includes('contact.monitor')) return () => false;
  const prefix = serviceAreaPrefix(actor);
  return (m) => {
    const path = m.payload.unitPath;
    return WALLBOARD_TOPICS.has(m.topic) && typeof path === 'string' && path.startsWith(prefix);
  };
}

/**
 * Calls `send` once on the next whole multiple of `ms` (wall-clock time) after one or more pokes:
 * at most once per `ms`, never a poke left without a call after it, and in step with every other
 * stream of every process (their clocks agree). A few milliseconds late, so that a timer's or a
 * clock's slack never sends it before the tick: a refetch it causes is always counted afresh.
 */
export function onWholeTicks(send: () => void, ms: number): { poke: () => void; stop: () => void } {
  let timer: NodeJS.Timeout | null = null;
  return {
    poke() {
      if (timer) return;
      const now = Date.now();
      timer = setTimeout(
        () => {
          timer = null;
          send();
        },
        (Math.floor(now / ms) + 1) * ms - now + TICK_MARGIN_MS,
      );
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

export function acceptsFor(actor: Actor): (m: LiveMessage) => boolean {
  const prefix = serviceAreaPrefix(actor);
  const seesOrders = actor.permissions.includes('order.view');
  const seesOutages = actor.permissions.includes('outage.view');
  const seesRepair =
    actor.permissions.includes('repair.view') || actor.permissions.includes('repair.work');
  const watchesAgents = actor.permissions.includes('contact.monitor');
  const readsKnowledge = actor.permissions.includes('knowledge.view');
  return (m) => {
    // A ringing or answered call: to the agents it rings or who took it (their screen pop).
    if (m.topic === 'contact.call') {
      const ids = m.payload.userIds;
      return Array.isArray(ids) && ids.includes(actor.userId);
    }
    // A change of a user's in-app inbox: to that user alone (their bell's count).
    if (m.topic === 'notify.inbox') return m.payload.userId === actor.userId;
    // An agent's state: to the agent and to the leads watching agents in that area.
    if (m.topic === 'contact.agent') {
      if (m.payload.userId === actor.userId) return true;
      const path = m.payload.unitPath;
      return watchesAgents && typeof path === 'string' && path.startsWith(prefix);
    }
    if (m.topic === 'repair.changed') {
      const path = m.payload.unitPath;
      return seesRepair && typeof path === 'string' && path.startsWith(prefix);
    }
    if (m.topic === 'outage.changed' || m.topic === 'outage.prediction') {
      const path = m.payload.unitPath;
      return seesOutages && typeof path === 'string' && path.startsWith(prefix);
    }
    // An article published or withdrawn: to readers who see it (their area, or a unit above).
    if (m.topic === 'knowledge.changed') {
      const path = m.payload.unitPath;
      return (
        readsKnowledge &&
        typeof path === 'string' &&
        (path.startsWith(prefix) || actor.unitPath.startsWith(path))
      );
    }
    if (m.topic === 'order.changed') {
      const path = m.payload.unitPath;
      return seesOrders && typeof path === 'string' && path.startsWith(prefix);
    }
    return false;
  };
}

export function registerLiveEvents(app: App, hub: LiveHub): void {
  const open = new Set<() => void>();
  // Streams never end on their own: close them so that app.close() does not wait forever.
  app.addHook('onClose', (_app, done) => {
    for (const end of [...open]) end();
    done();
  });
  app.get(
    '/api/events',
    { schema: { tags: ['platform'], summary: '实时推送 Live updates (Server-Sent Events)' } },
    (request, reply) => {
      const actor = actorOf(request);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(': connected\n\n');
      const event = (name: string) => name.split('.')[0] ?? name;
      const unsubscribe = hub.subscribe(acceptsFor(actor), (m) => {
        const { unitPath: _path, ...data } = m.payload;
        void _path;
        res.write(`event: ${event(m.topic)}\ndata: ${JSON.stringify(data)}\n\n`);
      });
      const board = onWholeTicks(() => {
        res.write(
          `event: wallboard\ndata: ${JSON.stringify({ at: new Date().toISOString() })}\n\n`,
        );
      }, WALLBOARD_REFRESH_MS);
      const unsubscribeBoard = actor.permissions.includes('contact.monitor')
        ? hub.subscribe(wallboardAcceptsFor(actor), () => board.poke())
        : () => {};
      const beat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
      const end = () => {
        if (!open.delete(end)) return;
        clearInterval(beat);
        unsubscribe();
        unsubscribeBoard();
        board.stop();
        res.end();
      };
      open.add(end);
      request.raw.on('close', end);
    },
  );
}
