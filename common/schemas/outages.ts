/** Outage information (停送电信息) and filed major service events: API shapes. */
import { z } from 'zod';
import {
  OUTAGE_ACTIONS,
  OUTAGE_CATEGORIES,
  OUTAGE_FLAGS,
  OUTAGE_STATES,
} from '../outages/categories.js';
import { Id, Page, PageSize, Version, text } from './primitives.js';
import { NoticeSummary } from './notify.js';

const IsoTime = z.iso.datetime({ offset: true });

/** The grid nodes an outage covers, or the supply addresses it was drawn from. */
export const OutageScopeInput = z.strictObject({
  feeders: z.array(Id).max(500).default([]),
  transformers: z.array(Id).max(5000).default([]),
  /** Supply addresses (street, building): the transformers of the customers found there. */
  addresses: z.array(text(200)).max(500).default([]),
});
export type OutageScopeInput = z.infer<typeof OutageScopeInput>;

export const CreateOutageInput = z.strictObject({
  category: z.enum(OUTAGE_CATEGORIES),
  title: text(200),
  reason: text(2000),
  faultType: text(100).optional(),
  equipment: text(500).optional(),
  areaText: text(2000),
  plannedStart: IsoTime.optional(),
  plannedEnd: IsoTime.optional(),
  /** When the power went off (faults: now or a few minutes ago). */
  startedAt: IsoTime.optional(),
  estimatedRestoreAt: IsoTime.optional(),
  scope: OutageScopeInput,
  /** Publish at once (a fault outage is published as soon as it is entered). */
  publish: z.boolean().default(false),
});
export type CreateOutageInput = z.infer<typeof CreateOutageInput>;

export const UpdateOutageInput = z.strictObject({
  version: Version,
  title: text(200).optional(),
  reason: text(2000).optional(),
  faultType: text(100).nullable().optional(),
  equipment: text(500).nullable().optional(),
  areaText: text(2000).optional(),
  plannedStart: IsoTime.nullable().optional(),
  plannedEnd: IsoTime.nullable().optional(),
  scope: OutageScopeInput.optional(),
});
export type UpdateOutageInput = z.infer<typeof UpdateOutageInput>;

export const OutageActionParams = z.strictObject({ id: Id, action: z.enum(OUTAGE_ACTIONS) });

export const OutageActionInput = z.strictObject({
  version: Version,
  /** start: when the power went off; restore: when it came back (default now). */
  at: IsoTime.optional(),
  /** estimate, postpone: the new estimated restoration. */
  estimatedRestoreAt: IsoTime.optional(),
  /** estimate: when the estimate became known, for the 5-minute rule (default now). */
  knownAt: IsoTime.optional(),
  /** postpone: the new planned window. */
  plannedStart: IsoTime.optional(),
  plannedEnd: IsoTime.optional(),
  /** postpone, estimate (a later time), cancel: why. */
  reason: text(500).optional(),
  /** restore: the part restored, when not all of it. */
  restoredScope: text(500).optional(),
});
export type OutageActionInput = z.infer<typeof OutageActionInput>;

export const OutageListQuery = z.strictObject({
  state: z.enum(OUTAGE_STATES).optional(),
  category: z.enum(OUTAGE_CATEGORIES).optional(),
  live: z.enum(['true', 'false']).optional(),
  /** Outages whose window (planned or actual) touches [from, to): the outage calendar. */
  from: IsoTime.optional(),
  to: IsoTime.optional(),
  q: text(100).optional(),
  page: Page,
  pageSize: PageSize,
});
export type OutageListQuery = z.infer<typeof OutageListQuery>;

const Unit = z.object({ id: z.string(), name: z.string() });

export const OutageSummary = z.object({
  id: z.string(),
  number: z.string(),
  category: z.enum(OUTAGE_CATEGORIES),
  state: z.enum(OUTAGE_STATES),
  title: z.string(),
  areaText: z.string(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  startedAt: z.string().nullable(),
  estimatedRestoreAt: z.string().nullable(),
  restoredAt: z.string().nullable(),
  flags: z.array(z.enum(OUTAGE_FLAGS)),
  source: z.enum(['manual', 'analysis']),
  affectedCustomers: z.number(),
  importantCustomers: z.number(),
  linkedOrders: z.number(),
  unit: Unit,
  version: z.number(),
});
export type OutageSummary = z.infer<typeof OutageSummary>;

export const OutageList = z.object({ items: z.array(OutageSummary), total: z.number() });
export type OutageList = z.infer<typeof OutageList>;

export const OutageNode = z.object({
  kind: z.enum(['feeder', 'transformer']),
  id: z.string(),
  code: z.string(),
  name: z.string(),
});

export const OutageEvent = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  actorName: z.string(),
  data: z.record(z.string(), z.unknown()),
});

export const OutageDetail = OutageSummary.extend({
  /** What the outage's notices to customers came to (sent, failed, late…). */
  notices: NoticeSummary,
  reason: z.string(),
  faultType: z.string().nullable(),
  equipment: z.string().nullable(),
  restoredScope: z.string().nullable(),
  delayReason: z.string().nullable(),
  publishedAt: z.string().nullable(),
  scope: z.array(OutageNode),
  /** Addresses given for the scope that matched no customer. */
  unmatchedAddresses: z.array(z.string()),
  events: z.array(OutageEvent),
  orders: z.array(
    z.object({ id: z.string(), number: z.string(), state: z.string(), via: z.string() }),
  ),
  allowedActions: z.array(z.enum(OUTAGE_ACTIONS)),
});
export type OutageDetail = z.infer<typeof OutageDetail>;

export const OutageCustomersQuery = z.strictObject({
  important: z.enum(['true', 'false']).optional(),
  page: Page,
  pageSize: PageSize,
});

export const OutageCustomers = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      accountNo: z.string(),
      name: z.string(),
      important: z.boolean(),
      transformer: z.string(),
    }),
  ),
  total: z.number(),
});
export type OutageCustomers = z.infer<typeof OutageCustomers>;

export const AffectingQuery = z
  .strictObject({ customerId: Id.optional(), phone: text(30).optional() })
  .refine((q) => q.customerId !== undefined || q.phone !== undefined, {
    message: 'Give customerId or phone',
  });

/** What an agent tells a caller: the outages covering them now or soon, with the estimate. */
export const AffectingAnswer = z.object({
  customers: z.array(z.string()),
  outages: z.array(OutageSummary),
  majorEvents: z.array(
    z.object({ id: z.string(), title: z.string(), script: z.string(), endsAt: z.string() }),
  ),
});
export type AffectingAnswer = z.infer<typeof AffectingAnswer>;

export const CreateMajorEventInput = z.strictObject({
  title: text(200),
  description: text(4000),
  script: text(4000),
  startsAt: IsoTime,
  endsAt: IsoTime,
  outageId: Id.optional(),
  unitId: Id.optional(),
});
export type CreateMajorEventInput = z.infer<typeof CreateMajorEventInput>;

export const MajorEvent = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  script: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  outageId: z.string().nullable(),
  unit: Unit,
  version: z.number(),
});
export type MajorEvent = z.infer<typeof MajorEvent>;

export const MajorEventList = z.object({ items: z.array(MajorEvent), total: z.number() });

export const MajorEventListQuery = z.strictObject({
  active: z.enum(['true', 'false']).optional(),
  page: Page,
  pageSize: PageSize,
});
