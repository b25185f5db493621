/**
 * GET /api/events: Server-Sent Events for the signed-in user. Each message passes a scope filter
 * first: order changes reach holders of order.view whose service area holds the order, outage
 * changes holders of outage.view whose service area holds the outage's unit, crew and job changes
 * holders of repair.view or repair.work whose service area holds the crew's unit. A call reaches
 * the agents it rings or who answered it; an agent's state reaches the agent and the holders of
 * contact.monitor whose service area holds the agent's unit.
 */
import { serviceAreaPrefix, type Actor } from '../platform/actor.js';
import type { LiveHub, LiveMessage } from '../platform/live-hub.js';
import { actorOf, type App } from './context.js';

const HEARTBEAT_MS = 25_000;

export function acceptsFor(actor: Actor): (m: LiveMessage) => boolean {
  const prefix = serviceAreaPrefix(actor);
  const seesOrders = actor.permissions.includes('order.view');
  const seesOutages = actor.permissions.includes('outage.view');
  const seesRepair =
    actor.permissions.includes('repair.view') || actor.permissions.includes('repair.work');
  const watchesAgents = actor.permissions.includes('contact.monitor');
  return (m) => {
    // A ringing or answered call: to the agents it rings or who took it (their screen pop).
    if (m.topic === 'contact.call') {
      const ids = m.payload.userIds;
      return Array.isArray(ids) && ids.includes(actor.userId);
    }
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
      const beat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
      const end = () => {
        if (!open.delete(end)) return;
        clearInterval(beat);
        unsubscribe();
        res.end();
      };
      open.add(end);
      request.raw.on('close', end);
    },
  );
}
