import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../password-policy.js';
import { PERMISSIONS, ROLES } from '../permissions.js';
import { UNIT_LEVELS } from '../org-levels.js';
import { Email, Id, Phone, text } from './primitives.js';

export const LoginInput = z.strictObject({
  // Same rules as any typed text: NUL or a lone surrogate cannot be looked up or audited.
  username: text(64),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: text(PASSWORD_MAX_LENGTH, 1),
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

/** What people may change about themselves: how to reach them. */
export const UpdateOwnProfileInput = z.strictObject({
  phone: Phone.nullable().optional(),
  email: Email.nullable().optional(),
});
export type UpdateOwnProfileInput = z.infer<typeof UpdateOwnProfileInput>;

export const Me = z.object({
  user: z.object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.string().nullable(),
  }),
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.enum(PERMISSIONS)),
  scope: z.enum(['subtree', 'province']),
  unit: z.object({
    id: Id,
    name: z.string(),
    level: z.enum(UNIT_LEVELS),
  }),
  via: z.enum(['session', 'token']),
  csrfToken: z.string().nullable(),
  sessionExpiresAt: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

export const LoginResult = z.object({ me: Me });
export type LoginResult = z.infer<typeof LoginResult>;
