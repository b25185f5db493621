import { z } from 'zod';
import { PHONE_PATTERN } from '../formats.js';

/**
 * Text a person typed: trimmed, well-formed Unicode, no control characters (NUL cannot be stored
 * in PostgreSQL text), and bounded so that a 10 MB string is a 400, not a slow insert.
 */
export function text(max: number, min = 1) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => s.isWellFormed(), { message: 'Text contains broken Unicode (lone surrogate)' })
    .refine((s) => !/\p{Cc}/u.test(s), { message: 'Text contains control characters' });
}

export const Id = z.uuid();

export const Username = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[a-z][a-z0-9_.-]*$/, 'Lower-case letters, digits, _ . - ; starting with a letter');

/** A mainland Chinese mobile number (11 digits, 1[3-9]…) or a fixed line with area code. */
export const Phone = z
  .string()
  .trim()
  .regex(PHONE_PATTERN, 'A mobile (13800138000) or 0571-88886666');

export const Email = z.email().max(254);

export const Page = z.coerce.number().int().min(1).max(100000).default(1);
export const PageSize = z.coerce.number().int().min(1).max(200).default(20);

/** A record's version for optimistic locking; bounded to a PostgreSQL integer. */
export const Version = z.number().int().min(1).max(2_147_483_647);

/** A GET that takes no query parameters refuses unknown ones, as bodies do. */
export const NoQuery = z.strictObject({});

/** A list response. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}
