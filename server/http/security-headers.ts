import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Security headers on every answer. Ant Design injects its styles at run time, hence
 * 'unsafe-inline' for styles only; scripts come from this origin alone. helmet's middleware is
 * built once here: @fastify/helmet built it again on every request (its CSP directives parsed
 * each time), a few per cent of the server's CPU at the order intake's rates.
 */
export function registerSecurityHeaders(app: FastifyInstance, secure: boolean): void {
  const headers = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: secure ? [] : null,
      },
    },
    strictTransportSecurity: secure,
  });
  app.addHook('onRequest', (request, reply, done) => {
    headers(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
}
