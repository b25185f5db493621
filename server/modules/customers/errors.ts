import { AppError } from '../../platform/app-error.js';

/** Errors of the customers module (archive, look-ups, segments). */
export class CustomersError extends AppError {}
