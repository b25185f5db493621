import { AppError } from '../../platform/app-error.js';

/** Errors of the knowledge module. */
export class KnowledgeError extends AppError {}
