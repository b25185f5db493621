import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Actor, RequestMeta } from '../platform/actor.js';
import type { LiveHub } from '../platform/live-hub.js';
import { AppError } from '../platform/app-error.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (login, health). */
    public?: boolean;
    /** Reachable while the user still has to change a temporary password. */
    allowPendingPasswordChange?: boolean;
  }
  interface FastifyInstance {
    deps: AppDeps;
    /** Live updates: the outbox dispatcher delivers here, SSE subscribers listen. */
    live: LiveHub;
  }
}

/** What routes need from the process: the database and the configuration. */
export interface AppDeps {
  database: Database;
  config: Config;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The signed-in actor; routes that are not public always have one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

export function metaOf(request: FastifyRequest): RequestMeta {
  const ua = request.headers['user-agent'];
  return {
    ip: request.ip ?? null,
    requestId: String(request.id),
    userAgent: typeof ua === 'string' ? ua : null,
  };
}
