/**
 * Malformed path parameters, query strings and headers on every route, sent by an administrator:
 * always a catalogued 4xx (never a 5xx) and nothing changed. Then the odd-but-valid text the
 * refusals must not catch (emoji, RTL, zero-width, combining marks, SQL-looking names) is stored
 * and returned exactly as sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestOrg } from '../db/test-helpers.js';
import {
  checkAnswer,
  orgSnapshot,
  requestFor,
  malformedFixture,
  type Example,
  type Expected,
  type SendOptions,
} from './malformed-support.js';
import { documentedRoutes, type ApiRoute, type JsonSchema } from './test-routes.js';

const t = await testApp();
const routes = await documentedRoutes(t.app);
const withParams = routes.filter((r) => r.pathParams.length > 0);
const withQuery = routes.filter((r) => r.queryParams.length > 0);
const creates = ['POST /api/org/units', 'POST /api/users', 'POST /api/tokens'];

let org: TestOrg;
let admin: Client;
let examples: Record<string, Example>;
let before: Awaited<ReturnType<typeof orgSnapshot>>;

beforeAll(async () => {
  ({ org, admin, examples, before } = await malformedFixture(t));
});
afterAll(() => t.close());

async function runAll(
  route: ApiRoute,
  cases: [label: string, expected: Expected, opts: SendOptions][],
): Promise<void> {
  const failures: string[] = [];
  for (const [label, expected, opts] of cases) {
    const res = await t.app.inject(requestFor(admin, route, opts));
    const f = checkAnswer(`${route.key} ${label}`, res, expected);
    if (f) failures.push(f);
  }
  expect(failures).toEqual([]);
}

const example = (route: ApiRoute): Example => examples[route.key]!;

/** Ids that are not ids: each is sent percent-encoded in place of a path parameter. */
const NOT_IDS = [
  'abc',
  '123',
  '0',
  '-1',
  '1.5',
  'null',
  "' OR '1'='1",
  '1; DROP TABLE users; --',
  '../../etc/passwd',
  '00000000-0000-0000-0000-00000000000g',
  'ffffffff-ffff-ffff-ffff-fffffffffffff',
  '{01234567-89ab-4def-8123-456789abcdef}',
  '01234567-89ab-4def-8123-456789abcdef ',
  '01234567-89ab-4def-8123-456789abcdef\u0000',
  '😀',
  'a'.repeat(150),
  'a'.repeat(300),
];
/** Already encoded, and broken: not valid percent-encoding or not valid UTF-8. */
const BROKEN_ENCODINGS = ['%E0%A4%A', '%', '%ZZ', '%ED%A0%80', '%C0%AF'];
const ID_REFUSALS: Expected = ['VALIDATION_FAILED', 'BAD_REQUEST', 'NOT_FOUND'];

describe.each(withParams.map((r) => [r.key, r] as const))('%s: path parameters', (_key, route) => {
  it('a non-id is refused with 400 (or 404 when it no longer names a route)', async () => {
    const e = example(route);
    const cases: [string, Expected, SendOptions][] = [];
    for (const p of route.pathParams) {
      for (const v of NOT_IDS) {
        const id = encodeURIComponent(v);
        cases.push([
          `${p.name}=${JSON.stringify(v.slice(0, 40))}`,
          ID_REFUSALS,
          { ...e, params: { ...e.params, [p.name]: id } },
        ]);
      }
      for (const raw of BROKEN_ENCODINGS) {
        cases.push([
          `${p.name}=${raw}`,
          ['BAD_REQUEST', 'VALIDATION_FAILED'],
          { ...e, params: { ...e.params, [p.name]: raw } },
        ]);
      }
    }
    await runAll(route, cases);
  });
});

/** Values that a query parameter of this schema must refuse. */
function badQueryValues(s: JsonSchema): string[] {
  const out = ['', 'a\u0000b'];
  if (s.enum) out.push('maybe', String(s.enum[0]).toUpperCase(), ` ${String(s.enum[0])}`);
  if (s.format === 'uuid') out.push('not-a-uuid', "' OR '1'='1", '123');
  if (s.format === 'date-time') {
    out.push('yesterday', '2020-13-01T00:00:00Z', '2020-01-01', '1700000000', "2020' OR '1'='1");
  }
  if (s.maxLength !== undefined) out.push('x'.repeat(s.maxLength + 1));
  if (s.type === 'integer' || s.type === 'number') {
    out.push('-1', '0', '1.5', 'abc', '1e400', '99999999999999999999', 'NaN', 'Infinity');
    out.push('2147483648', '-2147483649', String((s.maximum ?? 1e6) + 1));
  }
  return out;
}

const MAYBE_VALID = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '%',
  '_',
  '\\',
  '😀',
  'e\u0301',
  '\u202E\u200B',
];

describe.each(withQuery.map((r) => [r.key, r] as const))('%s: the query string', (_key, route) => {
  const base = () => example(route).query as Record<string, string>;
  const query = (over: Record<string, string>) =>
    Object.entries({ ...base(), ...over })
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&');

  it('wrong values, unknown, repeated and nested parameters → VALIDATION_FAILED', async () => {
    const cases: [string, Expected, SendOptions][] = [];
    const params = example(route).params;
    for (const p of route.queryParams) {
      for (const v of badQueryValues(p.schema)) {
        cases.push([
          `${p.name}=${JSON.stringify(v.slice(0, 30))}`,
          { code: 'VALIDATION_FAILED', path: p.name },
          { params, query: query({ [p.name]: v }) },
        ]);
      }
      // A free-text parameter may take the undecodable bytes literally; others must refuse them.
      const freeText = p.schema.type === 'string' && !p.schema.enum && !p.schema.format;
      const broken: Expected = freeText
        ? 'accepted-or-refused'
        : { code: 'VALIDATION_FAILED', path: p.name };
      cases.push([`${p.name} broken UTF-8`, broken, { params, query: `${p.name}=%ED%A0%80` }]);
      cases.push([
        `${p.name} twice`,
        { code: 'VALIDATION_FAILED', path: p.name },
        { params, query: `${query({})}&${p.name}=${encodeURIComponent(base()[p.name] ?? 'x')}` },
      ]);
    }
    cases.push([
      'unknown parameter',
      { code: 'VALIDATION_FAILED', mentions: 'unexpected' },
      { params, query: `${query({})}&unexpected=1` },
    ]);
    cases.push(['nested parameter', 'VALIDATION_FAILED', { params, query: `${query({})}&a[b]=1` }]);
    await runAll(route, cases);
  });

  it('SQL-looking text, LIKE wildcards and odd Unicode in text parameters never break the server', async () => {
    const texts = route.queryParams.filter(
      (p) => p.schema.type === 'string' && !p.schema.enum && !p.schema.format,
    );
    await runAll(
      route,
      texts.flatMap((p) =>
        MAYBE_VALID.map((v): [string, Expected, SendOptions] => [
          `${p.name}=${JSON.stringify(v)}`,
          'accepted-or-refused',
          { params: example(route).params, query: query({ [p.name]: v }) },
        ]),
      ),
    );
  });
});

describe('headers', () => {
  it.each(creates)(
    '%s: a malformed Idempotency-Key is refused and creates nothing',
    async (key) => {
      const route = routes.find((r) => r.key === key)!;
      const e = example(route);
      await runAll(
        route,
        ['', ' ', 'x'.repeat(201), 'clé', 'a b', 'tab\there'].map(
          (k): [string, Expected, SendOptions] => [
            `Idempotency-Key ${JSON.stringify(k.slice(0, 20))}`,
            { code: 'VALIDATION_FAILED', path: 'idempotency-key' },
            { ...e, headers: { 'idempotency-key': k } },
          ],
        ),
      );
    },
  );
});

describe('after all of the above', () => {
  it('the refused requests changed nothing in the organisation', async () => {
    expect(await orgSnapshot(t.database, org)).toEqual(before);
  });

  it('LIKE wildcards in a user search are taken literally', async () => {
    for (const q of ['%', "' OR '1'='1", '\\']) {
      const res = await admin.get(`/api/users?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      expect(res.json().total, q).toBe(0);
    }
    const one = await admin.get(`/api/users?q=${encodeURIComponent(org.users.qa!.username)}`);
    expect(one.json().items.map((u: { id: string }) => u.id)).toEqual([org.users.qa!.id]);
  });
});

describe('odd but valid text is stored and returned exactly', () => {
  const names = [
    '😀抢修班👩‍🔧',
    'Cafe\u0301 供电所',
    '\u202E营业厅\u202C',
    '零\u200B宽\u200D字符',
    "O'Brien'); DROP TABLE org_units; --",
    '%_\\ 通配符',
  ];

  it.each(names)('unit name %j', async (name) => {
    const created = await admin.post('/api/org/units', {
      parentId: org.units.county1!.id,
      name,
      code: `U${Math.random().toString(36).slice(2, 10)}`,
      level: 'department',
      kind: 'office',
    });
    expect(created.statusCode, created.body).toBe(201);
    const unit = created.json<{ id: string; name: string; version: number }>();
    expect(unit.name).toBe(name);
    expect((await admin.get(`/api/org/units/${unit.id}`)).json().name).toBe(name);
    const renamed = await admin.patch(`/api/org/units/${unit.id}`, {
      version: unit.version,
      name: `${name}·改`,
    });
    expect(renamed.json().name).toBe(`${name}·改`);
  });

  it('a display name with emoji and combining marks, found again by search', async () => {
    const u = org.users.trainer!;
    const current = (await admin.get(`/api/users/${u.id}`)).json<{ version: number }>();
    const displayName = 'Zoe\u0308 😀 张三';
    const res = await admin.patch(`/api/users/${u.id}`, { version: current.version, displayName });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().displayName).toBe(displayName);
    const found = await admin.get(`/api/users?q=${encodeURIComponent('😀 张')}`);
    expect(found.json().items.map((x: { id: string }) => x.id)).toEqual([u.id]);
  });
});
