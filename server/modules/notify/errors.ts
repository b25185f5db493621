import { AppError } from '../../platform/app-error.js';

/** Errors of the notify module (templates, deliveries, inbox, opt-outs). */
export class NotifyError extends AppError {}
