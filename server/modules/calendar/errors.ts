import { AppError } from '../../platform/app-error.js';

/** Errors of the calendar module (holiday schedules and deadlines). */
export class CalendarError extends AppError {}
