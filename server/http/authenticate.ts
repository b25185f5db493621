import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { actorFromSession, actorFromToken } from '../modules/auth/index.js';
import { AppError } from '../platform/app-error.js';
import type { App } from './context.js';

export const SESSION_COOKIE = 'lx_session';
export const CSRF_COOKIE = 'lx_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function bearer(request: FastifyRequest): string | undefined {
  const h = request.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  if (!m) throw new AppError('UNAUTHENTICATED');
  return m[1];
}

/**
 * Resolves the caller on every request (session cookie or API token) and applies the gates that
 * hold for every route: signed in unless public, CSRF on cookie-authenticated writes, and the
 * temporary-password gate.
 */
export function registerAuthentication(app: App): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    const url = request.routeOptions.url;
    // Unknown routes get the 404 handler; the web app's files and /metrics are not behind login.
    if (!url || !url.startsWith('/api/') || url.startsWith('/api/docs')) return;
    const db = app.deps.database.db;
    const cookie = request.cookies[SESSION_COOKIE];
    // Bad credentials of any kind, a malformed Authorization header too, do not block public routes.
    try {
      const token = bearer(request);
      if (token) request.actor = await actorFromToken(db, token);
      else if (cookie)
        request.actor = await actorFromSession(db, cookie, app.deps.config.sessionTtlSeconds);
    } catch (e) {
      if (!config.public) throw e;
    }
    if (config.public) return;
    const actor = request.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    if (actor.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !actor.csrfToken || !sameSecret(sent, actor.csrfToken)) {
        throw new AppError('CSRF_TOKEN_INVALID');
      }
    }
    if (actor.mustChangePassword && !config.allowPendingPasswordChange) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
  });
}
