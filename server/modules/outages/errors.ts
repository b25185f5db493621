import { AppError } from '../../platform/app-error.js';

/** Errors of the outages module. */
export class OutagesError extends AppError {}
