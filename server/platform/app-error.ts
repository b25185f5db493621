import { ERROR_CATALOGUE, type ErrorCode } from '../../common/errors.js';

/**
 * An error with a stable code. Modules subclass it (AuthError, …); the edge maps the code to its
 * HTTP status and localised message in one place (server/http/errors.ts).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly status: number;

  constructor(code: ErrorCode, details?: unknown) {
    super(code);
    this.code = code;
    this.details = details;
    this.status = ERROR_CATALOGUE[code].status;
  }
}
