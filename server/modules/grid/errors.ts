import { AppError } from '../../platform/app-error.js';

/** Errors of the grid module (the supply network). */
export class GridError extends AppError {}
