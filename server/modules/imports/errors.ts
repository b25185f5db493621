import { AppError } from '../../platform/app-error.js';

/** Errors of the imports module (imports, templates, exports). */
export class ImportsError extends AppError {}
