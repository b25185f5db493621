import { z } from 'zod';
import { PERMISSIONS } from '../permissions.js';
import { Id, text } from './primitives.js';

export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  prefix: z.string(),
  userId: Id,
  username: z.string(),
  scopes: z.array(z.enum(PERMISSIONS)),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const ApiTokenList = z.object({ items: z.array(ApiToken), total: z.number().int() });

export const CreateTokenInput = z.strictObject({
  name: text(64),
  userId: Id,
  scopes: z
    .array(z.enum(PERMISSIONS))
    .min(1)
    .max(PERMISSIONS.length)
    .refine((s) => new Set(s).size === s.length, { message: 'Scopes must not repeat' }),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateTokenInput = z.infer<typeof CreateTokenInput>;

/** The secret is shown once, at creation, and never again. */
export const CreatedToken = z.object({ token: ApiToken, secret: z.string() });
