import { z } from 'zod';
import { SegmentRule } from '../customers/segment-rule.js';
import { Id, Version, text } from './primitives.js';

export const Segment = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  description: z.string(),
  service: z.string(),
  rule: SegmentRule,
  priority: z.number().int(),
  active: z.boolean(),
  /** Customers in the caller's scope that the rule places in this segment. */
  customers: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Segment = z.infer<typeof Segment>;

export const SegmentList = z.object({ items: z.array(Segment), total: z.number().int() });
export type SegmentList = z.infer<typeof SegmentList>;

const SegmentCode = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9_]{1,31}$/, 'Upper-case letters, digits and _, starting with a letter');

export const CreateSegmentInput = z.strictObject({
  /** The unit whose customers the segment covers; the admin's own unit when left out. */
  unitId: Id.optional(),
  code: SegmentCode,
  name: text(64),
  description: text(500, 0).default(''),
  service: text(500, 0).default(''),
  rule: SegmentRule,
  priority: z.number().int().min(0).max(10_000).default(100),
  active: z.boolean().default(true),
});
export type CreateSegmentInput = z.infer<typeof CreateSegmentInput>;

export const UpdateSegmentInput = z
  .strictObject({
    version: Version,
    name: text(64).optional(),
    description: text(500, 0).optional(),
    service: text(500, 0).optional(),
    rule: SegmentRule.optional(),
    priority: z.number().int().min(0).max(10_000).optional(),
    active: z.boolean().optional(),
  })
  .refine((u) => Object.keys(u).length > 1, { message: 'Nothing to change' });
export type UpdateSegmentInput = z.infer<typeof UpdateSegmentInput>;
