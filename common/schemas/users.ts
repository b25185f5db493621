import { z } from 'zod';
import { ROLES } from '../permissions.js';
import { Email, Id, Page, PageSize, Phone, Username, Version, text } from './primitives.js';

export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  unitId: Id,
  unitName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

export const UserList = z.object({ items: z.array(User), total: z.number().int() });

export const ListUsersQuery = z.strictObject({
  q: text(64).optional(),
  unitId: Id.optional(),
  role: z.enum(ROLES).optional(),
  includeDescendants: z.enum(['true', 'false']).optional(),
  page: Page,
  pageSize: PageSize,
});
export type ListUsersQuery = z.infer<typeof ListUsersQuery>;

const Roles = z
  .array(z.enum(ROLES))
  .min(1)
  .max(ROLES.length)
  .refine((r) => new Set(r).size === r.length, { message: 'Roles must not repeat' });

export const CreateUserInput = z.strictObject({
  username: Username,
  displayName: text(32),
  roles: Roles,
  unitId: Id,
  phone: Phone.nullable().optional(),
  email: Email.nullable().optional(),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.strictObject({
  version: Version,
  displayName: text(32).optional(),
  roles: Roles.optional(),
  unitId: Id.optional(),
  phone: Phone.nullable().optional(),
  email: Email.nullable().optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

/** Returned once when a user is created or a password reset: the temporary password. */
export const UserWithTemporaryPassword = z.object({ user: User, temporaryPassword: z.string() });
