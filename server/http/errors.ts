import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  ERROR_CATALOGUE,
  errorMessage,
  type ErrorBody,
  type ErrorCode,
} from '../../common/errors.js';
import { CalendarYearMissing } from '../modules/calendar/index.js';
import { AppError } from '../platform/app-error.js';
import { langFrom } from '../platform/lang.js';

/** Sends `{"error": {code, message, details}}` with the status of the code. */
export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  details?: unknown,
): FastifyReply {
  const body: ErrorBody = {
    error: { code, message: errorMessage(code, langFrom(request.headers['accept-language'])) },
  };
  if (details !== undefined) body.error.details = details;
  return reply.status(ERROR_CATALOGUE[code].status).type('application/json').send(body);
}

/** Maps Fastify's own 4xx errors (bad JSON, body too large, …) to our stable codes. */
function codeForFastifyError(err: FastifyError): ErrorCode | null {
  const status = err.statusCode ?? 500;
  if (status >= 500) return null;
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 405) return 'METHOD_NOT_ALLOWED';
  if (status === 404) return 'NOT_FOUND';
  if (err.code?.includes('JSON') || err instanceof SyntaxError) return 'INVALID_JSON';
  return 'BAD_REQUEST';
}

/**
 * Errors the router raises before any route matches (a broken percent-encoding, a parameter past
 * maxParamLength): Fastify would answer them in its own shape, so they get ours. Passed to Fastify
 * as `frameworkErrors`.
 */
export function sendFrameworkError(
  err: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  void sendError(request, reply, codeForFastifyError(err) ?? 'INTERNAL_ERROR');
}

const BROKEN_MULTIPART =
  /^(Unexpected end of (multipart data|form)|Malformed part header|Multipart: Boundary not found)/;

/** The one place where errors become HTTP responses. */
export function registerErrorHandling(app: FastifyInstance, spaFallback: boolean): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) return sendError(request, reply, err.code, err.details);
    // A deadline that runs into a year whose holidays nobody has entered yet.
    if (err instanceof CalendarYearMissing) {
      return sendError(request, reply, 'CALENDAR_YEAR_MISSING', { year: err.year });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        in: err.validationContext,
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message,
      }));
      return sendError(request, reply, 'VALIDATION_FAILED', details);
    }
    const code = codeForFastifyError(err);
    if (code) return sendError(request, reply, code);
    // The multipart parser (busboy) reports a truncated or malformed upload as a plain Error.
    if (BROKEN_MULTIPART.test(err.message)) return sendError(request, reply, 'BAD_REQUEST');
    request.log.error({ err }, 'unhandled error');
    return sendError(request, reply, 'INTERNAL_ERROR');
  });
  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      spaFallback &&
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !request.url.startsWith('/assets/');
    if (wantsPage)
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    return sendError(request, reply, 'NOT_FOUND');
  });
}
