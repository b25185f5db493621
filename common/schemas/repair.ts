/**
 * The repair API (issue 6): the crew register, the dispatcher's board, dispatch with a suggested
 * crew, and the crew's own view (accept, send back, depart, arrive, complete). Shared by the
 * server and the web.
 */
import { z } from 'zod';
import { AREA_CLASSES } from '../customers/codes.js';
import { SLA_STATUSES } from '../orders/sla.js';
import { ORDER_STATES } from '../orders/states.js';
import { Id, Phone, Version, text } from './primitives.js';

/** 在岗 on duty (free), 出发 en route, 到达现场 on site, 下班 off duty. */
export const CREW_STATES = ['on_duty', 'en_route', 'on_site', 'off_duty'] as const;
export type CrewState = (typeof CREW_STATES)[number];

/** A job: offered → accepted | sent_back(reason) → en_route → on_site → done. */
export const JOB_STATES = [
  'offered',
  'accepted',
  'sent_back',
  'en_route',
  'on_site',
  'done',
] as const;
export type JobState = (typeof JOB_STATES)[number];

/** What a crew member does with a job. */
export const JOB_ACTIONS = ['accept', 'send_back', 'depart', 'arrive', 'complete'] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];

/** Jobs a crew is still working on. */
export const LIVE_JOB_STATES: readonly JobState[] = ['offered', 'accepted', 'en_route', 'on_site'];

const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 00:00–23:59');
const Ref = z.object({ id: Id, name: z.string() });

export const CrewInput = z.strictObject({
  unitId: Id,
  name: text(60),
  leaderId: Id.nullable().optional(),
  memberIds: z.array(Id).max(30).default([]),
  phone: Phone.nullable().optional(),
  vehicle: text(30).nullable().optional(),
  feederIds: z.array(Id).max(200).default([]),
  transformerIds: z.array(Id).max(500).default([]),
  shiftStart: HhMm.default('08:00'),
  shiftEnd: HhMm.default('18:00'),
});
export type CrewInput = z.infer<typeof CrewInput>;

/** A change to the register; every field but the version may be left out. */
export const CrewUpdate = z.strictObject({
  version: Version,
  name: text(60).optional(),
  leaderId: Id.nullable().optional(),
  memberIds: z.array(Id).max(30).optional(),
  phone: Phone.nullable().optional(),
  vehicle: text(30).nullable().optional(),
  feederIds: z.array(Id).max(200).optional(),
  transformerIds: z.array(Id).max(500).optional(),
  shiftStart: HhMm.optional(),
  shiftEnd: HhMm.optional(),
  active: z.boolean().optional(),
});
export type CrewUpdate = z.infer<typeof CrewUpdate>;

/** Going on or off duty (the moving states follow from the jobs). */
export const CrewStateInput = z.strictObject({
  version: Version,
  state: z.enum(['on_duty', 'off_duty']),
  note: text(200).optional(),
});
export type CrewStateInput = z.infer<typeof CrewStateInput>;

export const AreaNode = z.object({
  kind: z.enum(['feeder', 'transformer']),
  id: Id,
  code: z.string(),
  name: z.string(),
});

/** The order a job is for, as much as the crew needs on the way. */
export const JobOrder = z.object({
  id: Id,
  number: z.string(),
  title: z.string(),
  state: z.enum(ORDER_STATES),
  address: z.string().nullable(),
  callerName: z.string().nullable(),
  /** Masked unless the role sees personal data (crews do: they call the customer). */
  callerPhone: z.string().nullable(),
  areaClass: z.enum(AREA_CLASSES).nullable(),
  slaStatus: z.enum(SLA_STATUSES),
  dueAt: z.string().nullable(),
  acceptedAt: z.string(),
  version: z.number().int(),
});
export type JobOrder = z.infer<typeof JobOrder>;

const Stamp = z.object({
  at: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
});

export const Job = z.object({
  id: Id,
  crew: Ref,
  order: JobOrder.nullable(),
  outageId: Id.nullable(),
  state: z.enum(JOB_STATES),
  suggested: z.boolean(),
  offeredAt: z.string(),
  offeredBy: Ref,
  acceptedAt: z.string().nullable(),
  sentBack: z.object({ at: z.string(), reason: z.string() }).nullable(),
  departed: Stamp.nullable(),
  arrived: Stamp.nullable(),
  completed: Stamp.nullable(),
  result: z.string().nullable(),
  cause: z.string().nullable(),
  photoIds: z.array(Id),
  /** What the caller may do now (crew members only). */
  allowedActions: z.array(z.enum(JOB_ACTIONS)),
  version: z.number().int(),
});
export type Job = z.infer<typeof Job>;

export const Crew = z.object({
  id: Id,
  name: z.string(),
  unit: Ref,
  leader: Ref.nullable(),
  members: z.array(Ref.extend({ username: z.string() })),
  phone: z.string().nullable(),
  vehicle: z.string().nullable(),
  area: z.array(AreaNode),
  shiftStart: z.string(),
  shiftEnd: z.string(),
  state: z.enum(CREW_STATES),
  stateSince: z.string(),
  active: z.boolean(),
  /** Jobs the crew holds now. */
  jobs: z.array(Job),
  version: z.number().int(),
});
export type Crew = z.infer<typeof Crew>;

export const CrewList = z.object({ items: z.array(Crew), total: z.number().int() });
export type CrewList = z.infer<typeof CrewList>;

export const CrewListQuery = z.strictObject({
  unitId: Id.optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});
export type CrewListQuery = z.infer<typeof CrewListQuery>;

export const CrewStateEntry = z.object({
  at: z.string(),
  fromState: z.enum(CREW_STATES).nullable(),
  toState: z.enum(CREW_STATES),
  actor: z.string(),
  jobId: Id.nullable(),
  note: z.string().nullable(),
});
export const CrewHistory = z.object({ items: z.array(CrewStateEntry) });
export type CrewHistory = z.infer<typeof CrewHistory>;

/** A crew ranked for an order: why it fits, and whether it is the suggestion. */
export const CrewCandidate = z.object({
  crew: Ref,
  state: z.enum(CREW_STATES),
  busy: z.boolean(),
  match: z.enum(['transformer', 'feeder', 'unit']),
  suggested: z.boolean(),
});
export type CrewCandidate = z.infer<typeof CrewCandidate>;
export const CrewSuggestion = z.object({
  orderId: Id,
  suggestedCrewId: Id.nullable(),
  candidates: z.array(CrewCandidate),
});
export type CrewSuggestion = z.infer<typeof CrewSuggestion>;

/** The dispatcher's board: crews with their jobs, and fault orders no crew holds yet. */
export const RepairBoard = z.object({
  crews: z.array(Crew),
  waiting: z.array(JobOrder.extend({ sentBackReason: z.string().nullable() })),
});
export type RepairBoard = z.infer<typeof RepairBoard>;

export const DispatchInput = z.strictObject({
  orderId: Id,
  crewId: Id,
});
export type DispatchInput = z.infer<typeof DispatchInput>;

const Lat = z.number().min(-90).max(90);
const Lng = z.number().min(-180).max(180);

export const JobActionParams = z.strictObject({ id: Id, action: z.enum(JOB_ACTIONS) });

/** What comes with a crew's action; which fields are needed depends on the action. */
export const JobActionInput = z.strictObject({
  version: Version,
  reason: text(500).optional(),
  result: text(2000).optional(),
  cause: text(200).optional(),
  photoIds: z.array(Id).max(20).optional(),
  lat: Lat.optional(),
  lng: Lng.optional(),
});
export type JobActionInput = z.infer<typeof JobActionInput>;

export const MyJobs = z.object({
  crews: z.array(
    z.object({
      id: Id,
      name: z.string(),
      state: z.enum(CREW_STATES),
      version: z.number().int(),
    }),
  ),
  items: z.array(Job),
});
export type MyJobs = z.infer<typeof MyJobs>;

export const MyCrewStateInput = CrewStateInput.extend({ crewId: Id });
export type MyCrewStateInput = z.infer<typeof MyCrewStateInput>;
