import { AppError } from '../../platform/app-error.js';

/** Errors of the orders module (orders, taxonomy, routing and time-limit rules). */
export class OrdersError extends AppError {}
