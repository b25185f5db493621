/**
 * The routes a PBX calls, authenticated by its integration secret rather than a session:
 * telephony events (Zammad's generic CTI push API, form-encoded or JSON), the routing question,
 * and recording references. Form bodies are accepted here only: this plugin's own parser, so
 * the rest of the API stays JSON-only (a form is what a browser may post cross-site).
 */
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  CtiAnswer,
  CtiEventInput,
  CtiTokenParam,
  RecordingInput,
  RouteAnswer,
  RouteInput,
} from '../../../../common/schemas/contact.js';
import type { App } from '../../../http/context.js';
import { writeTransaction } from '../../../http/transaction.js';
import { AppError } from '../../../platform/app-error.js';
import { ContactError } from '../errors.js';
import { integrationOf, receiveCtiEvent, recordRecording } from '../service/cti-events.js';
import { routeCall } from '../service/routing.js';

const tags = ['contact'];

/** `a=1&user[]=x&user[]=y` → `{a: '1', user: ['x', 'y']}`; a repeated plain key becomes a list. */
export function parseForm(body: string): Record<string, string | string[]> {
  const out = new Map<string, string | string[]>();
  for (const [k, v] of new URLSearchParams(body)) {
    const list = k.endsWith('[]');
    const key = list ? k.slice(0, -2) : k;
    const had = out.get(key);
    if (had === undefined) out.set(key, list ? [v] : v);
    else out.set(key, Array.isArray(had) ? [...had, v] : [had, v]);
  }
  return Object.fromEntries(out);
}

/** Validates like a route schema, with the same error shape. */
function validated<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  throw new AppError(
    'VALIDATION_FAILED',
    r.error.issues.map((i) => ({ in: 'body', path: i.path.join('.'), message: i.message })),
  );
}

/** The integration secret a PBX sends as `Authorization: Bearer lxcti_…`. */
function bearerSecret(request: FastifyRequest): string {
  const m = /^Bearer\s+(lxcti_[A-Za-z0-9_-]{16,100})$/i.exec(request.headers.authorization ?? '');
  if (!m) throw new ContactError('CTI_TOKEN_INVALID');
  return m[1]!;
}

export function ctiRoutes(app: App, nudge: () => void): void {
  const db = () => app.deps.database.db;
  void app.register((plugin, _opts, done) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, parseForm(body as string)),
    );

    scope.post(
      '/api/cti/:token',
      {
        config: { public: true },
        schema: {
          tags,
          summary: '话务事件 Telephony events in (Zammad generic CTI API)',
          description:
            'Form-encoded or JSON: event=newCall|answer|hangup, from, to, direction=in|out, ' +
            'callId, user[] (string or list), queue, cause (hangup: normalClearing, busy, cancel, ' +
            'noAnswer, congestion, notFound, forwarded), answeringNumber, recording. Answers {} ' +
            'or, for a blocked caller, {"action":"reject","reason":"busy"}.',
          params: CtiTokenParam,
          response: { 200: CtiAnswer },
        },
      },
      async (request) => {
        const event = validated(CtiEventInput, request.body);
        const now = new Date();
        const notify = app.deps.database.kind === 'postgres';
        const answer = await writeTransaction(db(), async (tx) =>
          receiveCtiEvent(tx, await integrationOf(tx, request.params.token), event, now, notify),
        );
        if (!notify) nudge();
        return answer;
      },
    );
    done();
  });

  app.post(
    '/api/contact/route',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '话务路由 The agent a call should ring (PBX, Bearer integration secret)',
        body: RouteInput,
        response: { 200: RouteAnswer },
      },
    },
    async (request) => {
      const secret = bearerSecret(request);
      const now = new Date();
      return writeTransaction(db(), async (tx) =>
        routeCall(tx, await integrationOf(tx, secret), request.body, now),
      );
    },
  );

  app.post(
    '/api/contact/recordings',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '录音关联 Where a call’s recording is kept (PBX, Bearer integration secret)',
        body: RecordingInput,
        response: { 200: CtiAnswer },
      },
    },
    async (request) => {
      const secret = bearerSecret(request);
      const now = new Date();
      await writeTransaction(db(), async (tx) =>
        recordRecording(tx, await integrationOf(tx, secret), request.body, now),
      );
      return {};
    },
  );
}
