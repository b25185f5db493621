/**
 * The work-order API (issue 5): create, list, detail with timeline, actions, SLA explanations,
 * taxonomy, routing and time-limit rules, saved views. Shared by the server and the web.
 */
import { z } from 'zod';
import { AREA_CLASSES } from '../customers/codes.js';
import {
  COMPLAINT_CLASSES,
  COMPLAINT_GRADES,
  CONFIDENTIALITY,
  EMOTIONS,
  NEIGHBOURS,
  ORDER_FIELDS,
  PRAISE_CLASSES,
  REPORT_KINDS,
  RESPONSIBILITIES,
  SUGGESTION_TOPICS,
  VOLTAGE_SIDES,
} from '../orders/fields.js';
import { SLA_STATUSES, SLA_STEPS, URGENCIES } from '../orders/sla.js';
import {
  ORDER_ACTIONS,
  ORDER_CHANNELS,
  ORDER_FLAGS,
  ORDER_STATES,
  SATISFACTION,
} from '../orders/states.js';
import { ORDER_TYPES } from '../orders/taxonomy.js';
import { Id, Page, Phone, Version, text } from './primitives.js';

const IsoTime = z.iso.datetime({ offset: true });
const Code = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Lower-case letters, digits and _ (e.g. lv_fault)');
/** 工单编号: the date and a per-day sequence number. */
export const OrderNumber = z
  .string()
  .trim()
  .regex(/^\d{13,16}$/, 'An order number such as 2026112300001');

/** The type-specific fields; which ones a (sub)type requires comes from the taxonomy. */
export const OrderFields = z.strictObject({
  faultTime: IsoTime.optional(),
  areaClass: z.enum(AREA_CLASSES).optional(),
  voltageSide: z.enum(VOLTAGE_SIDES).optional(),
  neighbours: z.enum(NEIGHBOURS).optional(),
  urgency: z.enum(URGENCIES).optional(),
  equipment: text(100).optional(),
  complaintClass: z.enum(COMPLAINT_CLASSES).optional(),
  grade: z.enum(COMPLAINT_GRADES).optional(),
  emotion: z.enum(EMOTIONS).optional(),
  responsibility: z.enum(RESPONSIBILITIES).optional(),
  confidentiality: z.enum(CONFIDENTIALITY).optional(),
  overLevel: z.boolean().optional(),
  overLevelReason: text(200).optional(),
  reportKind: z.enum(REPORT_KINDS).optional(),
  reportedParties: text(200).optional(),
  suggestionTopic: z.enum(SUGGESTION_TOPICS).optional(),
  praiseClass: z.enum(PRAISE_CLASSES).optional(),
  appliance: text(100).optional(),
  relatedOrderNo: OrderNumber.optional(),
});
export type OrderFields = z.infer<typeof OrderFields>;

export const CreateOrderInput = z.strictObject({
  typeCode: z.enum(ORDER_TYPES),
  subtypeCode: Code.nullable().default(null),
  channel: z.enum(ORDER_CHANNELS).default('phone'),
  title: text(100),
  description: text(4000),
  /** The customer found on the call; an order may also come from someone without an account. */
  customerId: Id.optional(),
  callerName: text(40).optional(),
  callerPhone: Phone.optional(),
  address: text(200).optional(),
  fields: OrderFields.default({}),
  /** Where the matter is when there is no customer (a unit of the service territory). */
  locationUnitId: Id.optional(),
  /** Send to this unit instead of the one routing finds. */
  dispatchTo: Id.optional(),
  /** Dispatch at once to the unit routing finds (the usual case); false keeps it at the center. */
  autoDispatch: z.boolean().default(true),
});
export type CreateOrderInput = z.infer<typeof CreateOrderInput>;

const Ref = z.object({ id: Id, name: z.string() });
const Names = z.object({ zh: z.string(), en: z.string() });

export const OrderSummary = z.object({
  id: Id,
  number: z.string(),
  typeCode: z.enum(ORDER_TYPES),
  subtypeCode: z.string().nullable(),
  typeName: Names,
  channel: z.enum(ORDER_CHANNELS),
  state: z.enum(ORDER_STATES),
  title: z.string(),
  customer: z.object({ id: Id, accountNo: z.string(), name: z.string() }).nullable(),
  callerName: z.string().nullable(),
  /** Masked (138****5678) unless the role sees personal data. */
  callerPhone: z.string().nullable(),
  acceptedAt: z.string(),
  assignedUnit: Ref.nullable(),
  owner: Ref,
  slaStatus: z.enum(SLA_STATUSES),
  slaMissed: z.boolean(),
  dueAt: z.string().nullable(),
  flags: z.array(z.enum(ORDER_FLAGS)),
  urgeCount: z.number().int(),
  masterId: Id.nullable(),
  version: z.number().int(),
});
export type OrderSummary = z.infer<typeof OrderSummary>;

export const OrderEvent = z.object({
  id: Id,
  at: z.string(),
  action: z.string(),
  fromState: z.enum(ORDER_STATES).nullable(),
  toState: z.enum(ORDER_STATES).nullable(),
  actor: Ref.nullable(),
  unit: Ref.nullable(),
  visibleToCustomer: z.boolean(),
  body: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type OrderEvent = z.infer<typeof OrderEvent>;

export const OrderClock = z.object({
  step: z.enum(SLA_STEPS),
  startedAt: z.string(),
  dueAt: z.string(),
  stoppedAt: z.string().nullable(),
  status: z.enum(SLA_STATUSES),
  limit: z.object({ unit: z.enum(['minutes', 'working_days']), amount: z.number() }),
});

export const OrderAttachment = z.object({
  id: Id,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploadedBy: Ref,
  createdAt: z.string(),
});

export const OrderDetail = OrderSummary.extend({
  description: z.string(),
  fields: z.record(z.string(), z.unknown()),
  address: z.string().nullable(),
  areaClass: z.enum(AREA_CLASSES).nullable(),
  urgency: z.enum(URGENCIES).nullable(),
  grade: z.enum(COMPLAINT_GRADES).nullable(),
  callbackRequired: z.boolean(),
  taxonomyVersion: z.number().int(),
  acceptedUnit: Ref,
  result: z.string().nullable(),
  satisfaction: z.enum(SATISFACTION).nullable(),
  suspension: z
    .object({ reason: z.string(), requestedBy: Ref, requestedAt: z.string() })
    .nullable(),
  repeat24h: z.number().int(),
  repeat7d: z.number().int(),
  master: z.object({ id: Id, number: z.string() }).nullable(),
  children: z.array(z.object({ id: Id, number: z.string(), state: z.enum(ORDER_STATES) })),
  /** The outage this fault is linked to: the agent tells the caller its estimate. */
  outage: z
    .object({
      id: Id,
      number: z.string(),
      title: z.string(),
      state: z.string(),
      estimatedRestoreAt: z.string().nullable(),
      via: z.enum(['intake', 'analysis', 'manual']),
    })
    .nullable(),
  stamps: z.object({
    dispatchedAt: z.string().nullable(),
    firstContactAt: z.string().nullable(),
    arrivedAt: z.string().nullable(),
    repairedAt: z.string().nullable(),
    returnedAt: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    calledBackAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  }),
  clocks: z.array(OrderClock),
  timeline: z.array(OrderEvent),
  attachments: z.array(OrderAttachment),
  /** What the caller may do now, for the buttons of the detail page. */
  allowedActions: z.array(z.enum(ORDER_ACTIONS)),
});
export type OrderDetail = z.infer<typeof OrderDetail>;

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .min(1)
    .max(500)
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(values)).min(1).max(values.length));

export const ORDER_SORTS = ['-acceptedAt', 'acceptedAt', 'dueAt', '-dueAt', '-urgeCount'] as const;

export const OrderListQuery = z.strictObject({
  /** Comma-separated lists. */
  type: csv(ORDER_TYPES).optional(),
  state: csv(ORDER_STATES).optional(),
  slaStatus: csv(SLA_STATUSES).optional(),
  flag: z.enum(ORDER_FLAGS).optional(),
  unitId: Id.optional(),
  customerId: Id.optional(),
  ownerId: Id.optional(),
  /** Only open orders (not archived, terminated or merged). */
  open: z.enum(['true', 'false']).optional(),
  from: IsoTime.optional(),
  to: IsoTime.optional(),
  /** Order number, caller phone or words of the title, description or address. */
  q: text(100).optional(),
  sort: z.enum(ORDER_SORTS).default('-acceptedAt'),
  page: Page,
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type OrderListQuery = z.infer<typeof OrderListQuery>;

export const OrderList = z.object({
  items: z.array(OrderSummary),
  total: z.number().int(),
  /** The total is a lower bound: counting stops at 10,000 (1,000 for a word search). */
  totalCapped: z.boolean(),
});
export type OrderList = z.infer<typeof OrderList>;

export const OrderActionParams = z.strictObject({ id: Id, action: z.enum(ORDER_ACTIONS) });

export const OrderActionInput = z.strictObject({
  version: Version,
  reason: text(500).optional(),
  result: text(2000).optional(),
  body: text(2000).optional(),
  satisfaction: z.enum(SATISFACTION).optional(),
  /** dispatch / reassign: the unit to send to (dispatch without it uses routing). */
  unitId: Id.optional(),
  /** merge: the master order. */
  masterId: Id.optional(),
  /** link_outage: the live outage that answers this fault. */
  outageId: Id.optional(),
});
export type OrderActionInput = z.infer<typeof OrderActionInput>;

export const BulkReassignInput = z.strictObject({
  orderIds: z.array(Id).min(1).max(100),
  unitId: Id,
  reason: text(500),
});
export type BulkReassignInput = z.infer<typeof BulkReassignInput>;
export const BulkReassignResult = z.object({
  items: z.array(
    z.object({
      id: Id,
      ok: z.boolean(),
      code: z.string().nullable(),
      message: z.string().nullable(),
    }),
  ),
});

/** GET /api/orders/{id}/sla: every deadline explained. */
export const OrderSla = z.object({
  orderId: Id,
  number: z.string(),
  thresholds: z.object({ warning: z.number(), critical: z.number() }),
  clocks: z.array(
    z.object({
      step: z.enum(SLA_STEPS),
      stepLabel: Names,
      limit: z.object({ unit: z.enum(['minutes', 'working_days']), amount: z.number() }),
      limitText: Names,
      rule: z.object({ source: z.string(), clause: z.number().int().nullable() }),
      startedAt: z.string(),
      pauses: z.array(
        z.object({
          from: z.string(),
          to: z.string().nullable(),
          extends: z.union([z.object({ ms: z.number() }), z.object({ workingDays: z.number() })]),
        }),
      ),
      dueAt: z.string(),
      warningAt: z.string(),
      criticalAt: z.string(),
      stoppedAt: z.string().nullable(),
      status: z.enum(SLA_STATUSES),
      fraction: z.number(),
      remainingMs: z.number(),
      pausedMs: z.number(),
      extendedWorkingDays: z.number(),
      /** Working dates counted towards the limit (YYYY-MM-DD). */
      countedDays: z.array(z.string()),
      /** Working dates lost to a suspension. */
      pausedDays: z.array(z.string()),
      skippedDays: z.array(
        z.object({
          date: z.string(),
          reason: z.enum(['weekend', 'holiday']),
          name: z.string().nullable(),
        }),
      ),
      notes: z.array(Names),
    }),
  ),
});
export type OrderSla = z.infer<typeof OrderSla>;

// --- Taxonomy -------------------------------------------------------------------------------

const SlaLimitSchema = z.discriminatedUnion('unit', [
  z.strictObject({ unit: z.literal('minutes'), amount: z.number().int().min(1).max(525_600) }),
  z.strictObject({ unit: z.literal('working_days'), amount: z.number().int().min(1).max(365) }),
]);
export const SlaClauseSchema = z.strictObject({
  step: z.enum(SLA_STEPS),
  limit: SlaLimitSchema,
  when: z
    .strictObject({
      areaClass: z.array(z.enum(AREA_CLASSES)).max(3).optional(),
      urgency: z.array(z.enum(URGENCIES)).max(3).optional(),
      grade: z.array(z.enum(COMPLAINT_GRADES)).max(4).optional(),
    })
    .optional(),
});
const SlaPolicySchema = z.strictObject({ clauses: z.array(SlaClauseSchema).max(50) });

const TaxonomyNodeSchema = z.strictObject({
  code: Code,
  name: z.strictObject({ zh: text(40), en: text(80) }),
  active: z.boolean(),
  requiredFields: z.array(z.enum(ORDER_FIELDS)).max(ORDER_FIELDS.length),
  callbackRequired: z.boolean(),
  sla: SlaPolicySchema,
});
export const TaxonomySchema = z.strictObject({
  types: z
    .array(
      TaxonomyNodeSchema.extend({
        code: z.enum(ORDER_TYPES),
        subtypes: z.array(TaxonomyNodeSchema).max(50),
      }),
    )
    .max(ORDER_TYPES.length),
  thresholds: z
    .strictObject({
      warning: z.number().gt(0).lt(1),
      critical: z.number().gt(0).lt(1),
    })
    .refine((t) => t.warning <= t.critical, {
      message: 'The warning level comes before the critical one',
      path: ['critical'],
    })
    .optional(),
});

export const TaxonomyVersion = z.object({
  version: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
  taxonomy: TaxonomySchema,
});
export const TaxonomyQuery = z.strictObject({
  version: z.coerce.number().int().min(1).max(1_000_000).optional(),
});
export const PublishTaxonomyInput = z.strictObject({
  /** The version this edit starts from; 409 if someone published in between. */
  baseVersion: z.number().int().min(1).max(1_000_000),
  note: text(200).optional(),
  taxonomy: TaxonomySchema,
});

// --- Routing and time-limit rules -----------------------------------------------------------

export const RoutingRule = z.object({
  id: Id,
  unit: Ref,
  typeCode: z.enum(ORDER_TYPES).nullable(),
  subtypeCode: z.string().nullable(),
  feederId: Id.nullable(),
  targetUnit: Ref,
  priority: z.number().int(),
  active: z.boolean(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export const RoutingRuleList = z.object({ items: z.array(RoutingRule), total: z.number().int() });
export const CreateRoutingRuleInput = z.strictObject({
  unitId: Id,
  typeCode: z.enum(ORDER_TYPES).nullable().default(null),
  subtypeCode: Code.nullable().default(null),
  feederId: Id.nullable().default(null),
  targetUnitId: Id,
  priority: z.number().int().min(1).max(10_000).default(100),
  note: text(200).optional(),
});
export const UpdateRoutingRuleInput = z.strictObject({
  version: Version,
  targetUnitId: Id.optional(),
  priority: z.number().int().min(1).max(10_000).optional(),
  active: z.boolean().optional(),
  note: text(200).nullable().optional(),
});

export const SlaRule = z.object({
  id: Id,
  unit: Ref,
  typeCode: z.enum(ORDER_TYPES),
  subtypeCode: z.string().nullable(),
  clauses: z.array(SlaClauseSchema),
  deriveSteps: z.boolean(),
  active: z.boolean(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export const SlaRuleList = z.object({ items: z.array(SlaRule), total: z.number().int() });
export const CreateSlaRuleInput = z.strictObject({
  unitId: Id,
  typeCode: z.enum(ORDER_TYPES),
  subtypeCode: Code.nullable().default(null),
  clauses: z.array(SlaClauseSchema).min(1).max(50),
  /** With only a total: derive the step limits backwards from it (倒推). */
  deriveSteps: z.boolean().default(false),
  note: text(200).optional(),
});
export const UpdateSlaRuleInput = z.strictObject({
  version: Version,
  clauses: z.array(SlaClauseSchema).min(1).max(50).optional(),
  deriveSteps: z.boolean().optional(),
  active: z.boolean().optional(),
  note: text(200).nullable().optional(),
});

// --- Saved views ----------------------------------------------------------------------------

export const SavedView = z.object({
  id: Id,
  name: z.string(),
  query: z.record(z.string(), z.string()),
  createdAt: z.string(),
});
export const SavedViewList = z.object({ items: z.array(SavedView) });
export const CreateSavedViewInput = z.strictObject({
  name: text(40),
  /** The list's query parameters as the URL carries them. */
  query: z
    .record(z.string().max(40), z.string().max(500))
    .refine((q) => Object.keys(q).length <= 20, {
      message: 'At most 20 parameters',
    }),
});
