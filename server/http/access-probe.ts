/**
 * Access probes: a request that reaches a route's permission check without changing anything.
 * Shared by the central route table and the per-module tables under route-access/.
 */
import crypto from 'node:crypto';
import type { ErrorCode } from '../../common/errors.js';
import type { Permission } from '../../common/permissions.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A well-formed id that names nothing. */
export const unknownId = (): string => crypto.randomUUID();

/**
 * A request that passes validation and reaches the permission check without changing anything:
 * ids name nothing, so a caller holding the permission gets `allowed` (a list or a not-found).
 */
export interface AccessProbe {
  method: HttpMethod;
  url: string;
  body?: unknown;
  allowed: { status: number; code?: ErrorCode };
}

/** Who may call a route: anyone, anyone signed in, or holders of one permission. */
export type Access =
  { needs: 'public' | 'signed-in' } | { needs: Permission; probe: () => AccessProbe };

export const probe = (
  method: HttpMethod,
  url: string,
  allowed: AccessProbe['allowed'],
  body?: () => unknown,
): (() => AccessProbe) => {
  return () => ({
    method,
    url: url.replace('{id}', unknownId()),
    allowed,
    ...(body === undefined ? {} : { body: body() }),
  });
};

export const ok = { status: 200 };
export const notFound = (code: ErrorCode) => ({ status: 404, code });
