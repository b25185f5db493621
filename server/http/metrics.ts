import client from 'prom-client';
import type { App } from './context.js';

/** Prometheus metrics at /metrics: process figures and HTTP requests by route and status. */
export function registerMetrics(app: App): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'lianxin_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  new client.Gauge({
    name: 'lianxin_db_embedded',
    help: '1 when running on the embedded PGlite database, 0 on a PostgreSQL server',
    registers: [registry],
    collect() {
      this.set(app.deps.database.kind === 'embedded' ? 1 : 0);
    },
  });
  // The time spent in the server, for clients and benchmarks to tell it from the network's share.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(2)}`);
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get(
    '/metrics',
    { config: { public: true }, schema: { hide: true } },
    async (_request, reply) => {
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );
}
