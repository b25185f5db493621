import fs from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { registerAuthentication } from './http/authenticate.js';
import type { App } from './http/context.js';
import { registerErrorHandling, sendFrameworkError } from './http/errors.js';
import { registerHealth } from './http/health.js';
import { registerLiveEvents } from './http/live-events.js';
import { registerMetrics } from './http/metrics.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerWeb } from './http/web.js';
import { registerAuthRoutes, startPrincipalCache } from './modules/auth/index.js';
import { registerCalendarRoutes } from './modules/calendar/index.js';
import { registerContactRoutes } from './modules/contact/index.js';
import { registerCustomerRoutes } from './modules/customers/index.js';
import { dashboardRoutes } from './modules/dashboard/index.js';
import { registerGridRoutes } from './modules/grid/index.js';
import { registerImportRoutes } from './modules/imports/index.js';
import { registerKnowledgeRoutes } from './modules/knowledge/index.js';
import { registerNotifyRoutes } from './modules/notify/index.js';
import { registerOrderRoutes } from './modules/orders/index.js';
import { registerOutageRoutes } from './modules/outages/index.js';
import { registerRepairRoutes } from './modules/repair/index.js';
import { startLiveHub } from './platform/live-hub.js';

const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** Builds the Fastify app from the modules; it does not listen. */
export async function buildApp(deps: { config: Config; database: Database }): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    trustProxy: config.trustProxy,
    // 1 MiB covers every form we accept; a 10 MB string is refused with 413 before parsing.
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: sendFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('deps', deps);
  // The API speaks JSON only. Fastify also parses text/plain by default, which a browser may send
  // cross-site without a preflight; with it removed such bodies get 415 UNSUPPORTED_MEDIA_TYPE.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
  registerSecurityHeaders(app, config.cookieSecure);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Lianxin 连心 API',
        description:
          '95598 customer service management. Errors: {"error":{"code","message","details"}}.',
        version: pkg.version,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lx_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () =>
    app.swagger(),
  );

  const webServed = await registerWeb(app, config.webDist);
  registerErrorHandling(app, webServed);
  const stopPrincipalCache = await startPrincipalCache(
    deps.database,
    config.authCacheTtlMs,
    app.log,
  );
  app.addHook('onClose', stopPrincipalCache);
  const live = await startLiveHub(deps.database, (err) => app.log.error({ err }, 'live updates'));
  app.decorate('live', live);
  app.addHook('onClose', () => live.close());
  registerAuthentication(app);
  registerMetrics(app);
  registerHealth(app, pkg.version);
  registerAuthRoutes(app);
  dashboardRoutes(app);
  registerCustomerRoutes(app);
  registerGridRoutes(app);
  registerImportRoutes(app);
  registerNotifyRoutes(app);
  registerOrderRoutes(app);
  registerOutageRoutes(app);
  registerKnowledgeRoutes(app);
  registerRepairRoutes(app);
  registerContactRoutes(app);
  registerLiveEvents(app, live);
  registerCalendarRoutes(app);
  return app;
}
