/**
 * Schemas of the contact module: telephony events in (Zammad's generic CTI push API), calls,
 * agents and their states, routing, the screen pop, and the admin lists (PBX tokens, blocked
 * callers, skills, queues, settings).
 */
import { z } from 'zod';
import { AGENT_STATES, MANUAL_STATES, NOT_READY_REASONS } from '../contact/agent-states.js';
import { WRAP_CODES } from '../contact/wrap-codes.js';
import { normalizePhone } from '../customers/phone.js';
import { CustomerSummary } from './customers.js';
import { OrderSummary } from './orders.js';
import { OutageSummary } from './outages.js';
import { Id, Page, PageSize, text } from './primitives.js';

const IsoTime = z.iso.datetime({ offset: true });

export const CTI_EVENTS = ['newCall', 'answer', 'hangup'] as const;
export const HANGUP_CAUSES = [
  'normalClearing',
  'busy',
  'cancel',
  'noAnswer',
  'congestion',
  'notFound',
  'forwarded',
] as const;
export const CALL_STATES = ['ringing', 'talking', 'ended'] as const;
export type CallState = (typeof CALL_STATES)[number];
/** How a call ended: answered; given up by the caller (cancel) or not answered; rejected. */
export const CALL_OUTCOMES = ['answered', 'abandoned', 'missed', 'blocked'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** A PBX secret: `lxcti_` and 43 base64url characters. */
export const CtiTokenParam = z.strictObject({
  token: z.string().regex(/^lxcti_[A-Za-z0-9_-]{16,100}$/, 'Not a telephony integration token'),
});

// Form fields arrive as strings; an empty one is the same as an absent one.
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const optionalText = (max: number) => z.preprocess(blankToUndefined, text(max).optional());

/**
 * One event as Zammad's generic CTI API defines it. Fields a bridge adds that we do not know are
 * ignored (a Zammad bridge sends some), but every field we read is checked.
 */
export const CtiEventInput = z
  .object({
    event: z.enum(CTI_EVENTS),
    from: optionalText(100),
    to: optionalText(100),
    direction: z.preprocess(blankToUndefined, z.enum(['in', 'out']).optional()),
    callId: text(250),
    /** The agents whose phones ring (newCall) or who answered: display names or usernames. */
    user: z.preprocess(
      (v) => (typeof v === 'string' ? (v === '' ? [] : [v]) : v),
      z.array(text(100)).max(50).optional(),
    ),
    queue: optionalText(100),
    cause: z.preprocess(blankToUndefined, z.enum(HANGUP_CAUSES).optional()),
    answeringNumber: optionalText(100),
    /** Our extension: where the PBX keeps the call's recording. */
    recording: optionalText(1000),
  })
  .superRefine((e, ctx) => {
    if (e.event !== 'newCall') return;
    for (const field of ['from', 'to', 'direction'] as const) {
      if (e[field] === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: `newCall needs ${field}` });
      }
    }
  });
export type CtiEventInput = z.infer<typeof CtiEventInput>;

/** Zammad's answers: `{}`, or a reject for a blocked caller. */
export const CtiAnswer = z.union([
  z.strictObject({ action: z.literal('reject'), reason: z.literal('busy') }),
  z.strictObject({}),
]);
export type CtiAnswer = z.infer<typeof CtiAnswer>;

export const RouteInput = z.strictObject({
  /** The PBX queue the call waits in; its skill comes from the queue mapping. */
  queue: text(100).optional(),
  from: text(100),
  callId: text(250).optional(),
});
export type RouteInput = z.infer<typeof RouteInput>;

export const ROUTE_REASONS = [
  'last_agent',
  'longest_idle',
  'no_agent_with_skill',
  'no_agent_ready',
] as const;
export const RouteAnswer = z.object({
  agent: z
    .object({
      id: Id,
      username: z.string(),
      displayName: z.string(),
      extension: z.string().nullable(),
      phone: z.string().nullable(),
    })
    .nullable(),
  reason: z.enum(ROUTE_REASONS),
  skill: z.string().nullable(),
});
export type RouteAnswer = z.infer<typeof RouteAnswer>;

export const RecordingInput = z.strictObject({ callId: text(250), recording: text(1000) });

const Ref = z.object({ id: Id, name: z.string() });

/** How an answered call ended (话后小结), as the agent recorded it. */
export const WrapUp = z.object({
  code: z.enum(WRAP_CODES),
  note: z.string().nullable(),
  customerId: Id.nullable(),
  articleId: Id.nullable(),
  orderIds: z.array(Id),
  /** Resolved on the call (一次解决): from the code. */
  closedOnSpot: z.boolean(),
  by: Ref,
  at: z.string(),
});
export type WrapUp = z.infer<typeof WrapUp>;

export const CallSummary = z.object({
  id: Id,
  callId: z.string(),
  direction: z.enum(['in', 'out']).nullable(),
  /** Masked (138****5678) unless the role sees personal data or the call is the viewer's. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  queue: z.string().nullable(),
  state: z.enum(CALL_STATES),
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  cause: z.string().nullable(),
  ringAt: z.string().nullable(),
  queuedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  wrapUpEndAt: z.string().nullable(),
  /** From the first event to the answer, or to the end of an unanswered call. */
  waitSeconds: z.number().int().nullable(),
  talkSeconds: z.number().int().nullable(),
  agent: Ref.nullable(),
  users: z.array(z.string()),
  recording: z.string().nullable(),
  unit: Ref,
  /**
   * The orders of the call: attached as the agent created them during the call, and those named
   * at wrap-up (at most 10).
   */
  orderIds: z.array(Id),
  /** Null until the agent wraps the call up; unanswered calls have none. */
  wrapUp: WrapUp.nullable(),
  version: z.number().int(),
});
export type CallSummary = z.infer<typeof CallSummary>;

export const CallList = z.object({ items: z.array(CallSummary), total: z.number().int() });
export type CallList = z.infer<typeof CallList>;

/** An order the agent created (or took up) during a call she answered, attached to it at once. */
export const AttachCallOrderInput = z.strictObject({ orderId: Id });
export type AttachCallOrderInput = z.infer<typeof AttachCallOrderInput>;

/** The agent's wrap-up of a call she answered; what comes with a code depends on the code. */
export const WrapUpInput = z.strictObject({
  code: z.enum(WRAP_CODES),
  /** The customer the call turned out to be about (from the screen pop or a search). */
  customerId: Id.optional(),
  articleId: Id.optional(),
  orderIds: z.array(Id).max(10).default([]),
  note: text(500).optional(),
  /** Where the agent goes after the wrap-up when she was in after-call work; ready by default. */
  next: z.enum(['ready', 'not_ready', 'break']).default('ready'),
  nextReason: z.enum(NOT_READY_REASONS).optional(),
});
export type WrapUpInput = z.infer<typeof WrapUpInput>;

export const CallListQuery = z.strictObject({
  from: IsoTime.optional(),
  to: IsoTime.optional(),
  outcome: z.enum(CALL_OUTCOMES).optional(),
  /** missed and abandoned together (未接来电). */
  unanswered: z.enum(['true', 'false']).optional(),
  state: z.enum(CALL_STATES).optional(),
  direction: z.enum(['in', 'out']).optional(),
  agentId: Id.optional(),
  queue: text(100).optional(),
  /** Only the viewer's own answered calls not yet wrapped up (待小结). */
  unwrapped: z.enum(['true', 'false']).optional(),
  /** The calls whose wrap-up names this order (关联来电). */
  orderId: Id.optional(),
  page: Page,
  pageSize: PageSize,
});
export type CallListQuery = z.infer<typeof CallListQuery>;

export const CallDetail = CallSummary.extend({
  events: z.array(
    z.object({
      at: z.string(),
      event: z.string(),
      result: z.string(),
      payload: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type CallDetail = z.infer<typeof CallDetail>;

export const Greeting = z.object({
  salutation: z.string(),
  festive: z.string().nullable(),
  holiday: z.string().nullable(),
  text: z.string(),
});

/** Everything the agent needs while the phone rings. */
export const ScreenPop = z.object({
  call: CallSummary,
  /** The other party's number, normalised; null when the PBX sent none we can read. */
  number: z.string().nullable(),
  match: z.enum(['none', 'one', 'several']),
  customers: z.array(CustomerSummary),
  outages: z.array(OutageSummary),
  majorEvents: z.array(
    z.object({ id: z.string(), title: z.string(), script: z.string(), endsAt: z.string() }),
  ),
  orders: z.array(OrderSummary),
  /** The orders already attached to this call (created on the desk during it), for a reload. */
  callOrders: z.array(z.object({ id: Id, number: z.string() })),
  repeat: z.object({
    /** Earlier calls from this number in the 24 hours before this one. */
    calls24h: z.number().int(),
    lastAt: z.string().nullable(),
    lastAgent: z.string().nullable(),
  }),
  greeting: Greeting,
});
export type ScreenPop = z.infer<typeof ScreenPop>;

export const AgentSkill = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
});

export const AgentView = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  unit: Ref,
  extension: z.string().nullable(),
  state: z.enum(AGENT_STATES),
  reason: z.enum(NOT_READY_REASONS).nullable(),
  since: z.string().nullable(),
  /** When after-call work ends by itself. */
  acwUntil: z.string().nullable(),
  currentCall: CallSummary.nullable(),
  skills: z.array(AgentSkill),
});
export type AgentView = z.infer<typeof AgentView>;

export const AgentList = z.object({ items: z.array(AgentView), total: z.number().int() });
export type AgentList = z.infer<typeof AgentList>;

export const AgentListQuery = z.strictObject({
  unitId: Id.optional(),
  state: z.enum(AGENT_STATES).optional(),
});

export const AgentStateInput = z.strictObject({
  state: z.enum(MANUAL_STATES),
  reason: z.enum(NOT_READY_REASONS).optional(),
  /** 分机号: the phone the agent sits at, given when signing in. */
  extension: z
    .string()
    .regex(/^\d{2,12}$/, 'An extension is 2 to 12 digits')
    .optional(),
});
export type AgentStateInput = z.infer<typeof AgentStateInput>;

export const AgentStatesQuery = z.strictObject({ from: IsoTime, to: IsoTime });

export const AgentStateHistory = z.object({
  agentId: Id,
  from: z.string(),
  to: z.string(),
  items: z.array(
    z.object({
      state: z.enum(AGENT_STATES),
      reason: z.enum(NOT_READY_REASONS).nullable(),
      startedAt: z.string(),
      endedAt: z.string().nullable(),
      seconds: z.number().int(),
      callId: Id.nullable(),
    }),
  ),
  /** Seconds in each state within [from, to]. */
  totals: z.record(z.enum(AGENT_STATES), z.number().int()),
});
export type AgentStateHistory = z.infer<typeof AgentStateHistory>;

export const AgentProfileInput = z.strictObject({
  extension: z
    .string()
    .regex(/^\d{2,12}$/, 'An extension is 2 to 12 digits')
    .nullable()
    .optional(),
  skills: z
    .array(z.strictObject({ skillId: Id, level: z.number().int().min(1).max(5).default(1) }))
    .max(50)
    .optional(),
});
export type AgentProfileInput = z.infer<typeof AgentProfileInput>;

// ---- administration ----

export const Integration = z.object({
  id: Id,
  name: z.string(),
  prefix: z.string(),
  unit: Ref,
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type Integration = z.infer<typeof Integration>;
export const IntegrationList = z.object({ items: z.array(Integration), total: z.number().int() });
export type IntegrationList = z.infer<typeof IntegrationList>;
export const CreateIntegrationInput = z.strictObject({ name: text(100), unitId: Id });
export const CreatedIntegration = z.object({
  integration: Integration,
  /** Shown once. */
  secret: z.string(),
  /** Where the PBX posts its events. */
  path: z.string(),
});
export type CreatedIntegration = z.infer<typeof CreatedIntegration>;

/** A caller number as a person types it; stored normalised. */
export const CallerNumber = z
  .string()
  .trim()
  .max(24)
  .refine((v) => normalizePhone(v) !== null, { message: 'Not a mobile or fixed-line number' });

export const BlockedNumber = z.object({
  id: Id,
  number: z.string(),
  note: z.string(),
  unit: Ref,
  createdBy: z.string(),
  createdAt: z.string(),
});
export type BlockedNumber = z.infer<typeof BlockedNumber>;
export const BlockedNumberList = z.object({
  items: z.array(BlockedNumber),
  total: z.number().int(),
});
export type BlockedNumberList = z.infer<typeof BlockedNumberList>;
export const CreateBlockedInput = z.strictObject({
  number: CallerNumber,
  note: text(200, 0).default(''),
  unitId: Id,
});
export const UpdateBlockedInput = z.strictObject({ note: text(200, 0) });

export const Skill = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  unit: Ref,
  agents: z.number().int(),
});
export type Skill = z.infer<typeof Skill>;
export const SkillList = z.object({ items: z.array(Skill), total: z.number().int() });
export type SkillList = z.infer<typeof SkillList>;
export const CreateSkillInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_-]{0,31}$/, 'Lower-case letters, digits, _ and -'),
  name: text(50),
  unitId: Id,
});
export const UpdateSkillInput = z.strictObject({
  name: text(50).optional(),
  active: z.boolean().optional(),
});

export const Queue = z.object({
  id: Id,
  name: z.string(),
  skill: z.object({ id: Id, code: z.string(), name: z.string() }).nullable(),
  unit: Ref,
});
export type Queue = z.infer<typeof Queue>;
export const QueueList = z.object({ items: z.array(Queue), total: z.number().int() });
export type QueueList = z.infer<typeof QueueList>;
export const CreateQueueInput = z.strictObject({
  name: text(100),
  skillId: Id.nullable(),
  unitId: Id,
});
export const UpdateQueueInput = z.strictObject({ skillId: Id.nullable() });

export const ContactSettings = z.object({
  unitId: Id,
  /** After-call work ends by itself after this many seconds (0: only the agent ends it). */
  acwMaxSeconds: z.number().int(),
  /** Whether the unit has its own row, or inherits (default 60 s). */
  own: z.boolean(),
});
export type ContactSettings = z.infer<typeof ContactSettings>;
export const ContactSettingsQuery = z.strictObject({ unitId: Id.optional() });
export const ContactSettingsInput = z.strictObject({
  unitId: Id,
  acwMaxSeconds: z.number().int().min(0).max(3600),
});
