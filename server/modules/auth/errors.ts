import { AppError } from '../../platform/app-error.js';

/** Errors of the auth module (people, units, sessions, tokens, audit). */
export class AuthError extends AppError {}
