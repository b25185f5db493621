import { z } from 'zod';
import { UNIT_KINDS, UNIT_LEVELS } from '../org-levels.js';
import { Id, Version, text } from './primitives.js';

export const UnitCode = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, _ and -');

export const Unit = z.object({
  id: Id,
  parentId: Id.nullable(),
  name: z.string(),
  code: z.string(),
  level: z.enum(UNIT_LEVELS),
  kind: z.enum(UNIT_KINDS),
  active: z.boolean(),
  depth: z.number().int(),
  provinceId: Id.nullable(),
  userCount: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof Unit>;

export const UnitList = z.object({ items: z.array(Unit), total: z.number().int() });

export const ListUnitsQuery = z.strictObject({
  includeInactive: z.enum(['true', 'false']).optional(),
});

export const CreateUnitInput = z.strictObject({
  parentId: Id,
  name: text(64),
  code: UnitCode,
  level: z.enum(UNIT_LEVELS),
  kind: z.enum(UNIT_KINDS),
});
export type CreateUnitInput = z.infer<typeof CreateUnitInput>;

export const UpdateUnitInput = z.strictObject({
  version: Version,
  name: text(64).optional(),
  code: UnitCode.optional(),
  kind: z.enum(UNIT_KINDS).optional(),
});
export type UpdateUnitInput = z.infer<typeof UpdateUnitInput>;

export const MoveUnitInput = z.strictObject({ version: Version, parentId: Id });
export type MoveUnitInput = z.infer<typeof MoveUnitInput>;

export const VersionInput = z.strictObject({ version: Version });
export type VersionInput = z.infer<typeof VersionInput>;
