import { z } from 'zod';
import { AREA_CLASSES } from '../customers/codes.js';
import { CustomerSummary } from './customers.js';
import { Id, Page, text } from './primitives.js';

export const GRID_NODE_KINDS = ['substation', 'feeder', 'transformer'] as const;
export const GridNodeKind = z.enum(GRID_NODE_KINDS);
export type GridNodeKind = z.infer<typeof GridNodeKind>;

/** A node of the supply network with the customers supplied through it. */
export const GridNode = z.object({
  kind: GridNodeKind,
  id: Id,
  code: z.string(),
  name: z.string(),
  areaClass: z.enum(AREA_CLASSES),
  unitId: Id,
  unitName: z.string(),
  /** 110 / 35 / 10 kV for substations and feeders; capacity in kVA for transformers. */
  voltageKv: z.number().int().nullable(),
  capacityKva: z.number().int().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  customers: z.number().int(),
  importantCustomers: z.number().int(),
  children: z.number().int(),
});
export type GridNode = z.infer<typeof GridNode>;

export const GridNodeList = z.object({ items: z.array(GridNode), total: z.number().int() });
export type GridNodeList = z.infer<typeof GridNodeList>;

export const GridNodeDetail = z.object({
  node: GridNode,
  /** From the substation down to the node's parent. */
  ancestors: z.array(GridNode.pick({ kind: true, id: true, code: true, name: true })),
  children: z.array(GridNode),
});
export type GridNodeDetail = z.infer<typeof GridNodeDetail>;

export const GridNodeParams = z.strictObject({ kind: GridNodeKind, id: Id });

export const SubstationsQuery = z.strictObject({
  unitId: Id.optional(),
  q: text(64).optional(),
});

export const GridCustomersQuery = z.strictObject({
  page: Page,
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  important: z.enum(['true', 'false']).optional(),
});

export const GridCustomers = z.object({ items: z.array(CustomerSummary), total: z.number().int() });
export type GridCustomers = z.infer<typeof GridCustomers>;
