/**
 * Malformed request bodies on every route of the app, sent by an administrator with a valid CSRF
 * token: the answer is always a 4xx with a catalogued code and an English message (never a 5xx),
 * and a refused write leaves the organisation as it was. Routes come from the running app, so a
 * route added later is covered, or fails here until it has an example.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestOrg } from '../db/test-helpers.js';
import {
  documentedRoutes,
  registeredRoutes,
  type ApiRoute,
  type JsonSchema,
} from './test-routes.js';
import {
  checkAnswer,
  exercisedRoutes,
  orgSnapshot,
  requestFor,
  malformedFixture,
  multipart,
  FORM_ROUTES,
  MULTIPART_ROUTES,
  STREAM_ROUTES,
  withUnknownIds,
  type Example,
  type Expected,
} from './malformed-support.js';

const t = await testApp();
const routes = await documentedRoutes(t.app);
const bodyRoutes = routes.filter((r) => r.method !== 'GET' && !MULTIPART_ROUTES.has(r.key));
// The upload cases below are the import's (its fields and file checks); other uploads test
// their own refusals in their module (orders/attachments.test.ts).
const uploadRoutes = routes.filter((r) => r.key === 'POST /api/imports');
const schemaRoutes = routes.filter((r) => r.body !== undefined);

let org: TestOrg;
let admin: Client;
let examples: Record<string, Example>;
let before: Awaited<ReturnType<typeof orgSnapshot>>;

beforeAll(async () => {
  ({ org, admin, examples, before } = await malformedFixture(t));
});
afterAll(() => t.close());

/** Sends one case and returns a failure line, or nothing when the answer is as expected. */
async function attempt(
  route: ApiRoute,
  label: string,
  expected: Expected,
  opts: Parameters<typeof requestFor>[2],
): Promise<string | null> {
  const res = await t.app.inject(requestFor(admin, route, opts));
  return checkAnswer(`${route.key} ${label}`, res, expected);
}

async function runAll(cases: (() => Promise<string | null>)[]): Promise<void> {
  const failures: string[] = [];
  for (const c of cases) {
    const f = await c();
    if (f) failures.push(f);
  }
  expect(failures).toEqual([]);
}

const example = (route: ApiRoute): Example => {
  const e = examples[route.key];
  if (!e) throw new Error(`${route.key} has no example in malformed-support.ts`);
  return e;
};

describe('the route list', () => {
  it('the OpenAPI document (plus its deliberately hidden routes) lists every /api route', () => {
    expect(routes.map((r) => r.key).sort()).toEqual(registeredRoutes(t.app));
    expect(routes.length).toBeGreaterThan(20);
  });

  it('every route has a valid example, accepted by validation (aimed at ids that name nothing)', async () => {
    expect(routes.map((r) => r.key).filter((k) => !examples[k])).toEqual([]);
    await runAll(
      routes
        .filter((r) => r.key !== 'POST /api/auth/logout' && !STREAM_ROUTES.has(r.key))
        .map((r) => () => {
          const e = example(r);
          const sendable = r.method === 'GET' ? e : withUnknownIds(e);
          return attempt(r, 'valid example', 'accepted', sendable);
        }),
    );
  });

  it('every integer the API takes fits a PostgreSQL integer', () => {
    const ints: string[] = [];
    for (const r of routes) {
      for (const [name, s] of Object.entries(r.body?.properties ?? {})) {
        if (s.type === 'integer' && !(s.maximum !== undefined && s.maximum <= 2 ** 31 - 1)) {
          ints.push(`${r.key} body.${name} maximum ${s.maximum}`);
        }
      }
      for (const p of r.queryParams) {
        if (p.schema.type === 'integer' && !((p.schema.maximum ?? Infinity) <= 2 ** 31 - 1)) {
          ints.push(`${r.key} query.${p.name} maximum ${p.schema.maximum}`);
        }
      }
    }
    expect(ints).toEqual([]);
  });
});

const BAD_JSON = [
  '{',
  '{"version":',
  "{'version':1}",
  '{"version":1}}',
  '{"version":1,}',
  '[1,]',
  'nul',
  '\u0000',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
];
const TEN_MB = 'x'.repeat(10 * 1024 * 1024);

describe.each(bodyRoutes.map((r) => [r.key, r] as const))('%s: the body', (_key, route) => {
  it('bad JSON → INVALID_JSON; wrong or no content type → UNSUPPORTED_MEDIA_TYPE; 10 MB → 413', async () => {
    const e = example(route);
    const json = JSON.stringify(e.body ?? {});
    await runAll([
      ...[...BAD_JSON, ''].map(
        (raw) => () => attempt(route, `raw ${raw}`, 'INVALID_JSON', { ...e, raw }),
      ),
      ...[
        ['text/plain', json],
        ['text/plain; charset=utf-8', json],
        // A PBX's event route takes form bodies too (contact/cti-events.test.ts refuses bad ones).
        ...(FORM_ROUTES.has(route.key)
          ? []
          : [['application/x-www-form-urlencoded', 'version=1&name=x']]),
        [
          'multipart/form-data; boundary=x',
          '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
        ],
        ['application/xml', '<version>1</version>'],
        ['application/octet-stream', json],
        [null, json],
      ].map(
        ([contentType, raw]) =>
          () =>
            attempt(route, `as ${contentType}`, 'UNSUPPORTED_MEDIA_TYPE', {
              ...e,
              raw: raw!,
              contentType,
            }),
      ),
      () => {
        const s = route.body ? firstString(route.body) : undefined;
        const body = s ? { ...(e.body as object), [s]: TEN_MB } : { padding: TEN_MB };
        return attempt(route, '10 MB', 'PAYLOAD_TOO_LARGE', { ...e, body });
      },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe.each(uploadRoutes.map((r) => [r.key, r] as const))('%s: the upload', (_key, route) => {
  it('JSON, missing or unknown fields and files that are not tables are refused', async () => {
    const file = { name: 'a.csv', content: '户号,户名\r\n1,2\r\n' };
    await runAll([
      () => attempt(route, 'JSON', 'UNSUPPORTED_MEDIA_TYPE', { body: { kind: 'customers' } }),
      () =>
        attempt(route, 'no content type', 'UNSUPPORTED_MEDIA_TYPE', {
          raw: '{}',
          contentType: null,
        }),
      () =>
        attempt(
          route,
          'no file',
          'VALIDATION_FAILED',
          multipart({ kind: 'customers', mode: 'good_rows' }),
        ),
      () => attempt(route, 'no kind', 'VALIDATION_FAILED', multipart({ mode: 'good_rows' }, file)),
      () =>
        attempt(
          route,
          'unknown kind',
          'VALIDATION_FAILED',
          multipart({ kind: 'bills', mode: 'good_rows' }, file),
        ),
      () =>
        attempt(
          route,
          'unknown field',
          'VALIDATION_FAILED',
          multipart({ kind: 'customers', mode: 'good_rows', x: '1' }, file),
        ),
      () =>
        attempt(
          route,
          'an .exe',
          'IMPORT_FILE_INVALID',
          multipart({ kind: 'customers', mode: 'good_rows' }, { ...file, name: 'a.exe' }),
        ),
      () =>
        attempt(
          route,
          'a fake .xlsx',
          'IMPORT_FILE_INVALID',
          multipart({ kind: 'customers', mode: 'good_rows' }, { ...file, name: 'a.xlsx' }),
        ),
      () =>
        attempt(
          route,
          'an empty file',
          'IMPORT_FILE_INVALID',
          multipart({ kind: 'network', mode: 'all_or_nothing' }, { ...file, content: '' }),
        ),
      () =>
        attempt(route, 'broken multipart', ['VALIDATION_FAILED', 'BAD_REQUEST'], {
          raw: '--lxboundary\r\nbroken',
          contentType: 'multipart/form-data; boundary=lxboundary',
        }),
    ]);
  });
});

function firstString(schema: JsonSchema): string | undefined {
  return Object.entries(schema.properties ?? {}).find(([, s]) => s.type === 'string')?.[0];
}

/** Values of the wrong type for a property. */
function wrongTypes(s: JsonSchema): unknown[] {
  if (s.enum) return ['no_such_value', 1, ''];
  if (s.type === 'string') {
    const malformed = s.pattern || s.format ? ['!!!'] : [];
    return [123, true, {}, ['x'], ...malformed, ...(s.nullable ? [] : [null])];
  }
  if (s.type === 'integer' || s.type === 'number') {
    // Out of the schema's own bounds (counts and versions start at 1 and fit an int4;
    // coordinates, amounts and rule thresholds have their own ranges), and not a number at all.
    const out: unknown[] = ['1', true, {}, [1], 1e300, ...(s.nullable ? [] : [null])];
    if (s.minimum !== undefined) out.push(s.minimum - 1);
    if (s.maximum !== undefined && s.maximum < 1e300) out.push(s.maximum + 1);
    if (s.type === 'integer') out.push(1.5);
    return out;
  }
  if (s.type === 'array') {
    const first = s.items?.enum?.[0];
    const repeated = first === undefined ? [] : [[first, first]];
    const empty = (s.minItems ?? 0) > 0 ? [[]] : [];
    return ['x', {}, 1, null, [123], [{}], ...repeated, ...empty];
  }
  if (s.type === 'boolean') return ['true', 1, null];
  return ['x', 1, []];
}

const MUST_REJECT_TEXT = ['a\u0000b', 'a\ud800b', 'b\udc00a', 'a\u0007b', 'x'.repeat(100_000)];
const MAYBE_VALID_TEXT = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '%_\\',
  '\u202Eevil\u202C',
  'a\u200Bb\u200D',
  '😀👩‍👩‍👧',
  'e\u0301\u0301\u0301',
  '\uFEFF',
  '名字',
];

describe.each(schemaRoutes.map((r) => [r.key, r] as const))('%s: the fields', (_key, route) => {
  const props = Object.entries(route.body?.properties ?? {});
  const required = route.body?.required ?? [];
  const passwordish = (name: string): Expected =>
    /password/i.test(name)
      ? ['VALIDATION_FAILED', 'INVALID_CREDENTIALS', 'WRONG_CURRENT_PASSWORD']
      : 'VALIDATION_FAILED';

  it('non-objects, unknown fields, wrong types and missing fields → VALIDATION_FAILED', async () => {
    const e = example(route);
    const base = (e.body ?? {}) as Record<string, unknown>;
    await runAll([
      // null stands for "no body", which a body the schema marks nullable may be.
      ...[[], [base], 'string', 42, ...(route.body?.nullable ? [] : [null]), true].map(
        (v) => () =>
          attempt(route, `body ${JSON.stringify(v)}`, 'VALIDATION_FAILED', {
            ...e,
            raw: JSON.stringify(v),
          }),
      ),
      () =>
        attempt(
          route,
          'unknown field',
          { code: 'VALIDATION_FAILED', mentions: 'unexpectedField' },
          {
            ...e,
            body: { ...base, unexpectedField: 1 },
          },
        ),
      ...props.flatMap(([name, s]) =>
        wrongTypes(s).map(
          (v) => () =>
            attempt(
              route,
              `${name}=${JSON.stringify(v)?.slice(0, 40)}`,
              { code: 'VALIDATION_FAILED', path: name },
              {
                ...e,
                body: { ...base, [name]: v },
              },
            ),
        ),
      ),
      ...required.map((name) => () => {
        const rest = { ...base };
        delete rest[name];
        return attempt(
          route,
          `without ${name}`,
          { code: 'VALIDATION_FAILED', path: name },
          { ...e, body: rest },
        );
      }),
    ]);
  });

  it('NUL, lone surrogates, control characters and over-long text are refused', async () => {
    const e = example(route);
    const base = (e.body ?? {}) as Record<string, unknown>;
    await runAll(
      props
        .filter(([, s]) => s.type === 'string')
        .flatMap(([name]) =>
          MUST_REJECT_TEXT.map(
            (v) => () =>
              attempt(route, `${name}=${JSON.stringify(v.slice(0, 12))}`, passwordish(name), {
                ...e,
                body: { ...base, [name]: v },
              }),
          ),
        ),
    );
  });

  it('odd but possible text (SQL, LIKE wildcards, RTL, zero-width, emoji, combining marks) never breaks the server', async () => {
    const e = withUnknownIds(example(route));
    const base = (e.body ?? {}) as Record<string, unknown>;
    await runAll(
      props
        .filter(([, s]) => s.type === 'string')
        .flatMap(([name]) =>
          MAYBE_VALID_TEXT.map(
            (v) => () =>
              attempt(route, `${name}=${JSON.stringify(v)}`, 'accepted-or-refused', {
                ...e,
                body: { ...base, [name]: v },
              }),
          ),
        ),
    );
  });
});

describe('after all of the above', () => {
  it('the refused writes changed nothing in the organisation', async () => {
    expect(await orgSnapshot(t.database, org)).toEqual(before);
  });

  it('every route was reached (by the route label the server itself recorded)', async () => {
    const seen = await exercisedRoutes(t.app);
    expect(routes.map((r) => r.key).filter((k) => !seen.has(k) && !STREAM_ROUTES.has(k))).toEqual(
      [],
    );
  });
});
