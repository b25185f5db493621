import { AppError } from '../../platform/app-error.js';

/** Errors of the repair module (crews, jobs). */
export class RepairError extends AppError {}
