import { AppError } from '../../platform/app-error.js';

/** Errors of the contact module (calls, agents, telephony integrations). */
export class ContactError extends AppError {}
