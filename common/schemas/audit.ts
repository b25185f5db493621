import { z } from 'zod';
import { Id, Page, PageSize, text } from './primitives.js';

export const AuditEntry = z.object({
  id: Id,
  at: z.string(),
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  unitId: Id.nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditList = z.object({ items: z.array(AuditEntry), total: z.number().int() });

export const ListAuditQuery = z.strictObject({
  actor: text(64).optional(),
  action: text(64).optional(),
  entityType: text(64).optional(),
  entityId: text(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: Page,
  pageSize: PageSize,
});
export type ListAuditQuery = z.infer<typeof ListAuditQuery>;
