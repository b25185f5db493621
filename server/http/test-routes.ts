/**
 * Test support: the app's API routes, read from the running app rather than listed by hand, and
 * the permission each one needs. Tests that go over every route use these, so a route added later
 * is covered (or makes a test fail until it is described here).
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { ERROR_CATALOGUE, type ErrorCode } from '../../common/errors.js';
import type { Permission } from '../../common/permissions.js';
import type { App } from './context.js';
import { notFound, ok, probe, unknownId, type Access, type AccessProbe } from './access-probe.js';
import { CALENDAR_ACCESS } from './route-access/calendar.js';
import { CONTACT_ACCESS } from './route-access/contact.js';
import { NOTIFY_ACCESS } from './route-access/notify.js';
import { ORDERS_ACCESS } from './route-access/orders.js';
import { REPAIR_ACCESS } from './route-access/repair.js';
import { OUTAGES_ACCESS } from './route-access/outages.js';
import { KNOWLEDGE_ACCESS } from './route-access/knowledge.js';
import { OUTAGE_PREDICTIONS_ACCESS } from './route-access/outage-predictions.js';
import { WALLBOARD_ACCESS } from './route-access/wallboard.js';

export { unknownId, type Access, type AccessProbe } from './access-probe.js';

import type { HttpMethod } from './access-probe.js';

export type { HttpMethod };

/** A JSON Schema as the OpenAPI document shows it (only what the tests read). */
export interface JsonSchema {
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: JsonSchema;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JsonSchema;
}

export interface ApiRoute {
  /** `POST /api/org/units/{id}/move`: the OpenAPI path. */
  key: string;
  method: HttpMethod;
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body: JsonSchema | undefined;
}

/** Routes under /api that the OpenAPI document hides on purpose. */
export const HIDDEN_ROUTES = ['GET /api/openapi.json'];

/** The routes the OpenAPI document describes, plus the hidden ones. */
export async function documentedRoutes(app: App): Promise<ApiRoute[]> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  const doc = res.json<{
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: Parameter[];
          requestBody?: { content: Record<string, { schema: JsonSchema }> };
        }
      >
    >;
  }>();
  const routes: ApiRoute[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase() as HttpMethod;
      const params = op.parameters ?? [];
      routes.push({
        key: `${method} ${path}`,
        method,
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        body: op.requestBody?.content['application/json']?.schema,
      });
    }
  }
  for (const key of HIDDEN_ROUTES) {
    const [method, path] = key.split(' ') as [HttpMethod, string];
    routes.push({ key, method, path, pathParams: [], queryParams: [], body: undefined });
  }
  return routes;
}

/**
 * Every route Fastify has under /api (Swagger UI aside), as `METHOD /path/{param}`, read from
 * printRoutes so that a route hidden from the OpenAPI document is noticed too.
 */
export function registeredRoutes(app: App): string[] {
  const stack: string[] = [];
  const keys = new Set<string>();
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const path = (stack[depth - 1] ?? '') + m[2]!;
    stack[depth] = path;
    stack.length = depth + 1;
    if (!path.startsWith('/api/') || path.startsWith('/api/docs')) continue;
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'HEAD') keys.add(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return [...keys].sort();
}

/** Fills `{id}`-style path parameters. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`no value for path parameter ${name} of ${path}`);
    return v;
  });
}

/** The permission every API route needs, as the server is meant to enforce it. */
export const ROUTE_ACCESS: Record<string, Access> = {
  ...CALENDAR_ACCESS,
  ...CONTACT_ACCESS,
  ...ORDERS_ACCESS,
  ...NOTIFY_ACCESS,
  ...REPAIR_ACCESS,
  ...OUTAGES_ACCESS,
  ...KNOWLEDGE_ACCESS,
  ...OUTAGE_PREDICTIONS_ACCESS,
  ...WALLBOARD_ACCESS,
  'GET /api/health': { needs: 'public' },
  'GET /api/openapi.json': { needs: 'public' },
  'POST /api/auth/login': { needs: 'public' },
  'POST /api/auth/logout': { needs: 'signed-in' },
  'POST /api/auth/change-password': { needs: 'signed-in' },
  'GET /api/me': { needs: 'signed-in' },
  'GET /api/events': { needs: 'signed-in' },
  'PATCH /api/me': { needs: 'signed-in' },
  'GET /api/dashboard/summary': {
    needs: 'dashboard.view',
    probe: probe('GET', '/api/dashboard/summary', ok),
  },
  'GET /api/org/units': { needs: 'org.view', probe: probe('GET', '/api/org/units', ok) },
  'GET /api/org/units/{id}': {
    needs: 'org.view',
    probe: probe('GET', '/api/org/units/{id}', notFound('UNIT_NOT_FOUND')),
  },
  'POST /api/org/units': {
    needs: 'org.manage',
    probe: probe('POST', '/api/org/units', notFound('UNIT_NOT_FOUND'), () => ({
      parentId: unknownId(),
      name: '探针部门',
      code: 'PROBE-1',
      level: 'department',
      kind: 'office',
    })),
  },
  'PATCH /api/org/units/{id}': {
    needs: 'org.manage',
    probe: probe('PATCH', '/api/org/units/{id}', notFound('UNIT_NOT_FOUND'), () => ({
      version: 1,
    })),
  },
  'POST /api/org/units/{id}/move': {
    needs: 'org.manage',
    probe: probe('POST', '/api/org/units/{id}/move', notFound('UNIT_NOT_FOUND'), () => ({
      version: 1,
      parentId: unknownId(),
    })),
  },
  'POST /api/org/units/{id}/deactivate': {
    needs: 'org.manage',
    probe: probe('POST', '/api/org/units/{id}/deactivate', notFound('UNIT_NOT_FOUND'), () => ({
      version: 1,
    })),
  },
  'POST /api/org/units/{id}/activate': {
    needs: 'org.manage',
    probe: probe('POST', '/api/org/units/{id}/activate', notFound('UNIT_NOT_FOUND'), () => ({
      version: 1,
    })),
  },
  'GET /api/users': { needs: 'user.view', probe: probe('GET', '/api/users', ok) },
  'GET /api/users/{id}': {
    needs: 'user.view',
    probe: probe('GET', '/api/users/{id}', notFound('USER_NOT_FOUND')),
  },
  'POST /api/users': {
    needs: 'user.manage',
    probe: probe('POST', '/api/users', notFound('UNIT_NOT_FOUND'), () => ({
      username: 'probe_user',
      displayName: '探针',
      roles: ['agent'],
      unitId: unknownId(),
    })),
  },
  'PATCH /api/users/{id}': {
    needs: 'user.manage',
    probe: probe('PATCH', '/api/users/{id}', notFound('USER_NOT_FOUND'), () => ({ version: 1 })),
  },
  'POST /api/users/{id}/lock': {
    needs: 'user.manage',
    probe: probe('POST', '/api/users/{id}/lock', notFound('USER_NOT_FOUND'), () => ({})),
  },
  'POST /api/users/{id}/unlock': {
    needs: 'user.manage',
    probe: probe('POST', '/api/users/{id}/unlock', notFound('USER_NOT_FOUND'), () => ({})),
  },
  'POST /api/users/{id}/reset-password': {
    needs: 'user.manage',
    probe: probe('POST', '/api/users/{id}/reset-password', notFound('USER_NOT_FOUND'), () => ({})),
  },
  'GET /api/tokens': { needs: 'token.manage', probe: probe('GET', '/api/tokens', ok) },
  'POST /api/tokens': {
    needs: 'token.manage',
    probe: probe('POST', '/api/tokens', notFound('USER_NOT_FOUND'), () => ({
      name: 'probe',
      userId: unknownId(),
      scopes: ['dashboard.view'],
    })),
  },
  'DELETE /api/tokens/{id}': {
    needs: 'token.manage',
    probe: probe('DELETE', '/api/tokens/{id}', notFound('TOKEN_NOT_FOUND')),
  },
  'GET /api/audit': { needs: 'audit.view', probe: probe('GET', '/api/audit', ok) },
  'GET /api/customers/search': {
    needs: 'customer.view',
    probe: probe('GET', '/api/customers/search?q=%E6%8E%A2%E9%92%88', ok),
  },
  'GET /api/customers/by-phone/{phone}': {
    needs: 'customer.view',
    probe: probe('GET', '/api/customers/by-phone/13800000000', ok),
  },
  'GET /api/customers': { needs: 'customer.view', probe: probe('GET', '/api/customers', ok) },
  'GET /api/customers/{id}': {
    needs: 'customer.view',
    probe: probe('GET', '/api/customers/{id}', notFound('CUSTOMER_NOT_FOUND')),
  },
  'GET /api/customers/{id}/history': {
    needs: 'customer.view',
    probe: probe('GET', '/api/customers/{id}/history', notFound('CUSTOMER_NOT_FOUND')),
  },
  'POST /api/customers': {
    needs: 'customer.manage',
    probe: probe('POST', '/api/customers', notFound('UNIT_NOT_FOUND'), () => ({
      accountNo: '9990000000',
      name: '探针',
      customerClass: 'resident',
      industry: 'resident_life',
      voltageLevel: 'v220',
      tariffCategory: 'resident',
      address: { city: '探针市', county: '探针县' },
      unitId: unknownId(),
    })),
  },
  'PATCH /api/customers/{id}': {
    needs: 'customer.manage',
    probe: probe('PATCH', '/api/customers/{id}', notFound('CUSTOMER_NOT_FOUND'), () => ({
      version: 1,
      name: '探针',
    })),
  },
  'POST /api/customers/{id}/reveal': {
    needs: 'customer.reveal',
    probe: probe('POST', '/api/customers/{id}/reveal', notFound('CUSTOMER_NOT_FOUND'), () => ({
      fields: ['phones'],
      reason: '探针',
    })),
  },
  'GET /api/segments': { needs: 'customer.view', probe: probe('GET', '/api/segments', ok) },
  'POST /api/segments': {
    needs: 'segment.manage',
    probe: probe('POST', '/api/segments', notFound('UNIT_NOT_FOUND'), () => ({
      unitId: unknownId(),
      code: 'PROBE',
      name: '探针细分',
      rule: { vip: true },
    })),
  },
  'PATCH /api/segments/{id}': {
    needs: 'segment.manage',
    probe: probe('PATCH', '/api/segments/{id}', notFound('SEGMENT_NOT_FOUND'), () => ({
      version: 1,
      name: '探针',
    })),
  },
  'POST /api/imports': {
    needs: 'customer.import',
    // The upload takes multipart only: a JSON probe that passes the permission check gets 415.
    probe: probe('POST', '/api/imports', { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }, () => ({
      kind: 'customers',
    })),
  },
  'GET /api/imports': { needs: 'customer.import', probe: probe('GET', '/api/imports', ok) },
  'GET /api/imports/{id}': {
    needs: 'customer.import',
    probe: probe('GET', '/api/imports/{id}', notFound('IMPORT_NOT_FOUND')),
  },
  'GET /api/imports/{id}/errors': {
    needs: 'customer.import',
    probe: probe('GET', '/api/imports/{id}/errors', notFound('IMPORT_NOT_FOUND')),
  },
  'GET /api/imports/templates/{kind}': {
    needs: 'customer.import',
    probe: probe('GET', '/api/imports/templates/network', ok),
  },
  'GET /api/exports/customers': {
    needs: 'customer.export',
    probe: probe('GET', '/api/exports/customers?segmentId={id}', notFound('SEGMENT_NOT_FOUND')),
  },
  'GET /api/grid/substations': {
    needs: 'grid.view',
    probe: probe('GET', '/api/grid/substations', ok),
  },
  'GET /api/grid/{kind}/{id}': {
    needs: 'grid.view',
    probe: probe('GET', '/api/grid/feeder/{id}', notFound('GRID_NODE_NOT_FOUND')),
  },
  'GET /api/grid/{kind}/{id}/customers': {
    needs: 'grid.view',
    probe: probe('GET', '/api/grid/transformer/{id}/customers', notFound('GRID_NODE_NOT_FOUND')),
  },
};

/** The routes guarded by a permission, with their probes. */
export function permissionRoutes(): { key: string; needs: Permission; probe: () => AccessProbe }[] {
  return Object.entries(ROUTE_ACCESS).flatMap(([key, a]) =>
    'probe' in a ? [{ key, needs: a.needs, probe: a.probe }] : [],
  );
}

/** Asserts the error shape: a catalogued code with its status and (for `lang`) its message. */
export function expectError(
  res: LightMyRequestResponse,
  code: ErrorCode,
  lang: 'zh' | 'en' = 'zh',
): void {
  const body = res.json<{ error?: { code?: string; message?: string } }>();
  expect({ status: res.statusCode, code: body.error?.code }).toEqual({
    status: ERROR_CATALOGUE[code].status,
    code,
  });
  expect(body.error?.message).toBe(ERROR_CATALOGUE[code][lang]);
}
