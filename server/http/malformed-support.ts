/**
 * Test support for the malformed-input suites: a valid example request for every route, the way
 * to send a variant of it, the check of the answer, and a snapshot of a test organisation that
 * must not move while only malformed writes are sent.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { ERROR_CATALOGUE, type ErrorCode } from '../../common/errors.js';
import type { Database } from '../db/database.js';
import { buildOrg, login, type Client, type TestApp, type TestOrg } from '../db/test-helpers.js';
import type { App } from './context.js';
import { fillPath, unknownId, type ApiRoute } from './test-routes.js';
import { calendarExamples } from './route-examples/calendar.js';
import { contactExamples } from './route-examples/contact.js';
import { notifyExamples } from './route-examples/notify.js';
import { ordersExamples } from './route-examples/orders.js';
import { repairExamples } from './route-examples/repair.js';
import { outagesExamples } from './route-examples/outages.js';
import { knowledgeExamples } from './route-examples/knowledge.js';
import { outagePredictionsExamples } from './route-examples/outage-predictions.js';
import { wallboardExamples } from './route-examples/wallboard.js';

/** A request to a route: path parameters, query, and a body or raw payload. */
export interface Example {
  params?: Record<string, string>;
  query?: Record<string, string> | string;
  body?: unknown;
  /** Sent as is instead of the JSON of `body` (multipart uploads). */
  raw?: string | Buffer;
  /** null: no content-type header at all. */
  contentType?: string | null;
}

/** Routes that stream without end (Server-Sent Events): tested on a real socket, not by inject. */
export const STREAM_ROUTES = new Set(['GET /api/events']);

/** Routes that take application/x-www-form-urlencoded as well as JSON (a PBX's events). */
export const FORM_ROUTES = new Set(['POST /api/cti/{token}']);

/** Routes that take multipart/form-data instead of JSON. */
export const MULTIPART_ROUTES = new Set([
  'POST /api/imports',
  'POST /api/orders/{id}/attachments',
  'POST /api/crew/jobs/{id}/photos',
]);

/** A multipart/form-data body of text fields and one file. */
export function multipart(
  fields: Record<string, string>,
  file?: { name: string; content: string; type?: string },
): { raw: string; contentType: string } {
  const b = 'lxboundary';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  if (file) {
    parts.push(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        `Content-Type: ${file.type ?? 'text/csv'}\r\n\r\n${file.content}\r\n`,
    );
  }
  return {
    raw: `${parts.join('')}--${b}--\r\n`,
    contentType: `multipart/form-data; boundary=${b}`,
  };
}

/** Valid requests aimed at real records of the test organisation. */
export function routeExamples(org: TestOrg, tokenId: string): Record<string, Example> {
  const u = (k: string) => org.units[k]!.id;
  const p = (k: string) => org.users[k]!.id;
  return {
    ...calendarExamples(org),
    ...contactExamples(org),
    ...ordersExamples(org),
    ...notifyExamples(org),
    ...repairExamples(org),
    ...outagesExamples(org),
    ...knowledgeExamples(org),
    ...outagePredictionsExamples(org),
    ...wallboardExamples(org),
    'GET /api/health': {},
    'GET /api/openapi.json': {},
    'POST /api/auth/login': { body: { username: 'nobody_malformed', password: 'Wrong@Pass2026' } },
    'POST /api/auth/logout': {},
    'POST /api/auth/change-password': {
      body: { currentPassword: 'Wrong@Pass2026', newPassword: 'Brand#New2026' },
    },
    'GET /api/me': {},
    // The admin's own phone as it is: a valid request that changes nothing.
    'PATCH /api/me': { body: { phone: '13812345678' } },
    'GET /api/dashboard/summary': {},
    'GET /api/org/units': { query: { includeInactive: 'true' } },
    'POST /api/org/units': {
      body: {
        parentId: u('county2'),
        name: '二县营销部',
        code: `M-${org.suffix}`,
        level: 'department',
        kind: 'marketing',
      },
    },
    'GET /api/org/units/{id}': { params: { id: u('county2') } },
    'PATCH /api/org/units/{id}': {
      params: { id: u('county2') },
      body: { version: 1, name: '二县新名', code: `R-${org.suffix}`, kind: 'office' },
    },
    'POST /api/org/units/{id}/move': {
      params: { id: u('station2') },
      body: { version: 1, parentId: u('county1') },
    },
    'POST /api/org/units/{id}/deactivate': { params: { id: u('city2') }, body: { version: 1 } },
    'POST /api/org/units/{id}/activate': { params: { id: u('city2') }, body: { version: 1 } },
    'GET /api/users': {
      query: {
        q: 'agent',
        unitId: u('csc'),
        role: 'agent',
        includeDescendants: 'true',
        page: '1',
        pageSize: '20',
      },
    },
    'GET /api/users/{id}': { params: { id: p('agent') } },
    'POST /api/users': {
      body: {
        username: `m_${org.suffix}`,
        displayName: '新坐席',
        roles: ['agent'],
        unitId: u('csc'),
        phone: '13800138000',
        email: 'new.agent@example.com',
      },
    },
    'PATCH /api/users/{id}': {
      params: { id: p('agent') },
      body: {
        version: 1,
        displayName: '改名',
        roles: ['agent', 'trainer'],
        unitId: u('county1'),
        phone: '0571-88886666',
        email: 'agent@example.com',
      },
    },
    'POST /api/users/{id}/lock': { params: { id: p('agent') }, body: {} },
    'POST /api/users/{id}/unlock': { params: { id: p('qa') }, body: {} },
    'POST /api/users/{id}/reset-password': { params: { id: p('agent') }, body: {} },
    'GET /api/tokens': {},
    'POST /api/tokens': {
      body: { name: '对接令牌', userId: p('backoffice'), scopes: ['org.view'], expiresInDays: 30 },
    },
    'DELETE /api/tokens/{id}': { params: { id: tokenId } },
    'GET /api/customers/search': { query: { q: '张三', limit: '10' } },
    'GET /api/customers/by-phone/{phone}': { params: { phone: '13800138000' } },
    'GET /api/customers': {
      query: {
        unitId: u('county1'),
        customerClass: 'resident',
        mark: 'important',
        page: '1',
        pageSize: '20',
      },
    },
    'GET /api/customers/{id}': { params: { id: u('county1') } },
    'GET /api/customers/{id}/history': {
      params: { id: u('county1') },
      query: { page: '1', pageSize: '20' },
    },
    'POST /api/customers': {
      body: {
        accountNo: '9990000001',
        name: '张三',
        customerClass: 'resident',
        industry: 'resident_life',
        voltageLevel: 'v220',
        tariffCategory: 'resident',
        idType: 'id_card',
        idNo: '360102199001011234',
        address: { city: '甲市', county: '一县', street: '人民路', detail: '1号' },
        lat: 28.6,
        lng: 115.9,
        phones: [{ phone: '13800138000', label: 'mobile' }],
        email: 'zhang@example.com',
        wechatId: 'wx_zhang',
        meterNo: '3330000001',
        annualKwh: 2400,
        unitId: u('station1'),
        transformerId: null,
        marks: { important: false, sensitive: true, sensitiveReason: '多次投诉', arrearsFen: 0 },
        consentMessages: true,
      },
    },
    'PATCH /api/customers/{id}': {
      params: { id: u('county1') },
      body: {
        version: 1,
        name: '李四',
        phones: [{ phone: '0791-86123456', label: 'home' }],
        marks: { vip: true, arrearsFen: 1000, arrearsSince: '2026-10-01' },
      },
    },
    'POST /api/customers/{id}/reveal': {
      params: { id: u('county1') },
      body: { fields: ['phones', 'idNo'], reason: '客户要求核对' },
    },
    'GET /api/segments': {},
    'POST /api/segments': {
      body: {
        unitId: u('county1'),
        code: `M_${org.suffix.toUpperCase()}`,
        name: '测试细分',
        description: '说明',
        service: '服务',
        rule: { classes: ['resident'], minAnnualKwh: 0, maxAnnualKwh: 10000, minArrearsFen: 1 },
        priority: 10,
        active: true,
      },
    },
    'PATCH /api/segments/{id}': {
      params: { id: u('county1') },
      body: { version: 1, name: '改名', rule: { vip: true }, active: false },
    },
    // A CSV without the template's columns: past validation, refused as a file, nothing stored.
    'POST /api/imports': multipart(
      { kind: 'customers', mode: 'good_rows' },
      { name: 'customers.csv', content: '甲,乙\r\n1,2\r\n' },
    ),
    'GET /api/imports': { query: { kind: 'customers', page: '1', pageSize: '20' } },
    'GET /api/imports/{id}': { params: { id: u('county1') } },
    'GET /api/imports/{id}/errors': { params: { id: u('county1') } },
    'GET /api/imports/templates/{kind}': { params: { kind: 'customers' } },
    // An unknown segment: a valid request that exports (and audits) nothing.
    'GET /api/exports/customers': {
      query: {
        unitId: u('county1'),
        customerClass: 'resident',
        mark: 'important',
        segmentId: u('county2'),
      },
    },
    'GET /api/grid/substations': { query: { unitId: u('county1'), q: '城关' } },
    'GET /api/grid/{kind}/{id}': { params: { kind: 'feeder', id: u('county1') } },
    'GET /api/grid/{kind}/{id}/customers': {
      params: { kind: 'transformer', id: u('county1') },
      query: { page: '1', pageSize: '20', important: 'true' },
    },
    'GET /api/audit': {
      query: {
        actor: org.users.admin!.username,
        action: 'unit.create',
        entityType: 'unit',
        entityId: u('root'),
        from: '2020-01-01T00:00:00Z',
        to: '2099-01-01T00:00:00+08:00',
        page: '1',
        pageSize: '20',
      },
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The same request with every id replaced by one that names nothing: it can change nothing. */
export function withUnknownIds(e: Example): Example {
  const swap = (v: unknown): unknown => {
    if (typeof v === 'string') return UUID.test(v) ? unknownId() : v;
    if (Array.isArray(v)) return v.map(swap);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)]));
    }
    return v;
  };
  return swap(e) as Example;
}

export interface SendOptions extends Example {
  headers?: Record<string, string>;
}

/** The inject options for a variant of a request, signed in as the client, answers in English. */
export function requestFor(client: Client, route: ApiRoute, o: SendOptions): InjectOptions {
  let url = fillPath(route.path, o.params ?? {});
  if (o.query !== undefined) {
    url += `?${typeof o.query === 'string' ? o.query : new URLSearchParams(o.query).toString()}`;
  }
  const payload = o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body));
  const headers: Record<string, string> = { 'accept-language': 'en', ...o.headers };
  if (client.cookie) headers.cookie = client.cookie;
  if (client.csrf && route.method !== 'GET') headers['x-csrf-token'] = client.csrf;
  const contentType = o.contentType === undefined ? 'application/json' : o.contentType;
  if (payload !== undefined && contentType !== null) headers['content-type'] = contentType;
  return {
    method: route.method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload }),
  };
}

/**
 * What a case must get: one of these error codes (optionally naming a field in details);
 * `accepted`: past validation (any answer but a refusal of the request's form, never a 5xx);
 * `accepted-or-refused`: anything but a 5xx.
 */
export type Expected =
  | ErrorCode
  | ErrorCode[]
  | { code: ErrorCode; path?: string; mentions?: string }
  | 'accepted'
  | 'accepted-or-refused';

const FORM_ERRORS: string[] = [
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'BAD_REQUEST',
];

/** Checks an answer; returns a line describing what is wrong, or null. */
export function checkAnswer(
  label: string,
  res: LightMyRequestResponse,
  expected: Expected,
): string | null {
  const got = `${res.statusCode} ${res.body.slice(0, 240)}`;
  if (res.statusCode >= 500) return `${label}: ${got}`;
  let error: { code?: string; message?: string; details?: unknown } | undefined;
  if (res.statusCode >= 400) {
    try {
      error = res.json<{ error?: typeof error }>().error;
    } catch {
      return `${label}: not JSON: ${got}`;
    }
    const entry = ERROR_CATALOGUE[error?.code as ErrorCode] as
      (typeof ERROR_CATALOGUE)[ErrorCode] | undefined;
    if (!entry || entry.status !== res.statusCode || error?.message !== entry.en) {
      return `${label}: not a catalogued English error: ${got}`;
    }
  }
  if (expected === 'accepted-or-refused') return null;
  if (expected === 'accepted') {
    return error && FORM_ERRORS.includes(error.code!) ? `${label}: refused: ${got}` : null;
  }
  const want =
    typeof expected === 'string' || Array.isArray(expected) ? { code: expected } : expected;
  const codes = ([] as ErrorCode[]).concat(want.code);
  if (!error || !codes.includes(error.code as ErrorCode)) {
    return `${label}: wanted ${codes.join('|')}, got ${got}`;
  }
  const details = JSON.stringify(error.details ?? null);
  if ('path' in want && want.path) {
    const paths = (error.details as { path?: string }[] | undefined)?.map((d) => d.path) ?? [];
    if (!paths.some((p) => p === want.path || p?.startsWith(`${want.path}.`))) {
      return `${label}: details do not name ${want.path}: ${details}`;
    }
  }
  if ('mentions' in want && want.mentions && !details.includes(want.mentions)) {
    return `${label}: details do not mention ${want.mentions}: ${details}`;
  }
  return null;
}

/** Counts and version sums of everything in the test organisation that a write could move. */
export async function orgSnapshot(database: Database, org: TestOrg) {
  const under = `${org.units.root!.path}%`;
  const { rows } = await database.executeSql(
    `with u as (select id from org_units where path like $1),
          p as (select * from users where org_id in (select id from u))
     select
       (select count(*)::int from org_units where path like $1) as units,
       (select sum(version)::int from org_units where path like $1) as unit_versions,
       (select count(*) filter (where active)::int from org_units where path like $1) as active_units,
       (select count(*)::int from p) as users,
       (select sum(version)::int from p) as user_versions,
       (select count(*) filter (where disabled)::int from p) as disabled_users,
       (select md5(string_agg(password_hash, ',' order by id)) from p) as passwords,
       (select count(*)::int from audit_log where org_id in (select id from u)) as audit_rows,
       (select count(*)::int from api_tokens where org_id in (select id from u)) as tokens,
       (select count(revoked_at)::int from api_tokens where org_id in (select id from u)) as revoked,
       (select count(*)::int from sessions where user_id in (select id from p)) as sessions,
       (select count(*)::int from idempotency_keys where actor_id in (select id from p)) as keys,
       (select count(*)::int from customers where org_id in (select id from u)) as customers,
       (select coalesce(sum(version), 0)::int from customers where org_id in (select id from u))
         as customer_versions,
       (select count(*)::int from customer_segments where org_id in (select id from u)) as segments,
       (select coalesce(sum(version), 0)::int from customer_segments
         where org_id in (select id from u)) as segment_versions`,
    [under],
  );
  return rows[0] as Record<string, number | string>;
}

/** The routes the server recorded in its request metrics, as `METHOD /path/{param}`. */
export async function exercisedRoutes(app: App): Promise<Set<string>> {
  const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
  const seen = new Set<string>();
  for (const m of text.matchAll(
    /^lianxin_http_request_duration_seconds_count\{method="(\w+)",route="([^"]+)"/gm,
  )) {
    seen.add(`${m[1]} ${m[2]!.replace(/:(\w+)/g, '{$1}')}`);
  }
  return seen;
}

/** What both malformed-input suites start from: an organisation, its admin, examples, a snapshot. */
export async function malformedFixture(t: TestApp) {
  const org = await buildOrg(t.database);
  const admin = await login(t.app, org.users.admin!.username);
  const token = await admin.post('/api/tokens', {
    name: '目标令牌',
    userId: org.users.backoffice!.id,
    scopes: ['org.view'],
  });
  const examples = routeExamples(org, token.json<{ token: { id: string } }>().token.id);
  const before = await orgSnapshot(t.database, org);
  return { org, admin, examples, before };
}
