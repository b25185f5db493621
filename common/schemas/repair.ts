/**
 * The repair API (issue 6): the crew register, the dispatcher's board, dispatch of a fault order
 * or an outage with a suggested crew, and the crew's own view (accept, send back, depart, arrive,
 * complete). Shared by the server and the web.
 */
import { z } from 'zod';
import { AREA_CLASSES } from '../customers/codes.js';
import { OUTAGE_CATEGORIES, OUTAGE_STATES } from '../outages/categories.js';
import { SLA_STATUSES } from '../orders/sla.js';
import { ORDER_STATES } from '../orders/states.js';
import { Id, Phone, Version, text } from './primitives.js';

/** 在岗 on duty (free), 出发 en route, 到达现场 on site, 下班 off duty. */
export const CREW_STATES = ['on_duty', 'en_route', 'on_site', 'off_duty'] as const;
export type CrewState = (typeof CREW_STATES)[number];

/**
 * A job: offered → accepted | sent_back(reason) → en_route → on_site → done. Before the crew sets
 * out a job may be cancelled: re-dispatched to another crew, its order linked to an outage, or
 * its outage over.
 */
export const JOB_STATES = [
  'offered',
  'accepted',
  'sent_back',
  'en_route',
  'on_site',
  'done',
  'cancelled',
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
export type AreaNode = z.infer<typeof AreaNode>;

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

/**
 * A commitment clock of an outage (rules.md §3): arrival on site 45 / 90 / 120 min after the power
 * went off by area class, restoration 3 h (urban) / 4 h (rural, remote) after arrival; natural time.
 */
export const Commitment = z.object({
  limitMinutes: z.number().int(),
  startedAt: z.string(),
  dueAt: z.string(),
  warningAt: z.string(),
  criticalAt: z.string(),
  /** When the clock stopped (arrival, restoration); null while it runs. */
  stoppedAt: z.string().nullable(),
  status: z.enum(SLA_STATUSES),
});
export type Commitment = z.infer<typeof Commitment>;

export const OutageCommitments = z.object({
  /** The worst area class among the scope's transformers. */
  areaClass: z.enum(AREA_CLASSES),
  arrival: Commitment,
  /** Runs from the crew's arrival; null before it. */
  restoration: Commitment.nullable(),
});
export type OutageCommitments = z.infer<typeof OutageCommitments>;

/** The outage a job is for, as much as the crew and the dispatcher need. */
export const JobOutage = z.object({
  id: Id,
  number: z.string(),
  title: z.string(),
  category: z.enum(OUTAGE_CATEGORIES),
  state: z.enum(OUTAGE_STATES),
  areaText: z.string(),
  scope: z.array(AreaNode),
  affectedCustomers: z.number().int(),
  importantCustomers: z.number().int(),
  linkedOrders: z.number().int(),
  startedAt: z.string().nullable(),
  estimatedRestoreAt: z.string().nullable(),
  restoredAt: z.string().nullable(),
  version: z.number().int(),
});
export type JobOutage = z.infer<typeof JobOutage>;

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
  /** Set for an outage job (then `order` is null). */
  outage: JobOutage.nullable(),
  /** The outage's clocks, as this job's arrival stands (outage jobs only). */
  commitments: OutageCommitments.nullable(),
  state: z.enum(JOB_STATES),
  suggested: z.boolean(),
  offeredAt: z.string(),
  offeredBy: Ref,
  acceptedAt: z.string().nullable(),
  sentBack: z.object({ at: z.string(), reason: z.string() }).nullable(),
  departed: Stamp.nullable(),
  arrived: Stamp.nullable(),
  completed: Stamp.nullable(),
  cancelled: z.object({ at: z.string(), reason: z.string() }).nullable(),
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

/** A crew ranked for an outage: how much of the scope its area covers, how far it is. */
export const OutageCrewCandidate = z.object({
  crew: Ref,
  state: z.enum(CREW_STATES),
  busy: z.boolean(),
  /** area: its service area covers part of the scope; unit: it serves the scope's unit. */
  match: z.enum(['area', 'unit']),
  /** Scope transformers (and bare feeders) inside the crew's area. */
  overlap: z.number().int(),
  /** From the crew's last stamped position to the scope's centre, when both are known. */
  distanceKm: z.number().nullable(),
  suggested: z.boolean(),
});
export type OutageCrewCandidate = z.infer<typeof OutageCrewCandidate>;
export const OutageCrewSuggestion = z.object({
  outageId: Id,
  suggestedCrewId: Id.nullable(),
  candidates: z.array(OutageCrewCandidate),
});
export type OutageCrewSuggestion = z.infer<typeof OutageCrewSuggestion>;

/** A live outage on the board: its crew job (if any), clocks and the last send-back. */
export const BoardOutage = JobOutage.extend({
  job: Job.nullable(),
  commitments: OutageCommitments,
  sentBack: z.object({ crew: z.string(), reason: z.string(), at: z.string() }).nullable(),
});
export type BoardOutage = z.infer<typeof BoardOutage>;

/**
 * The dispatcher's board: crews with their jobs, live outages (in progress) with their crew,
 * and fault orders no crew holds yet.
 */
export const RepairBoard = z.object({
  crews: z.array(Crew),
  outages: z.array(BoardOutage),
  waiting: z.array(JobOrder.extend({ sentBackReason: z.string().nullable() })),
});
export type RepairBoard = z.infer<typeof RepairBoard>;

export const DispatchInput = z.strictObject({
  orderId: Id,
  crewId: Id,
});
export type DispatchInput = z.infer<typeof DispatchInput>;

/**
 * Sends a crew to an outage. `replace`: the outage's job that is only offered or accepted is
 * cancelled and the new crew offered instead (改派); a crew already on the way stays.
 */
export const OutageDispatchInput = z.strictObject({
  outageId: Id,
  crewId: Id,
  replace: z.boolean().optional(),
  reason: text(200).optional(),
});
export type OutageDispatchInput = z.infer<typeof OutageDispatchInput>;

/** Feeders and transformers by code or name, for a crew's service area. */
export const AreaNodeQuery = z.strictObject({
  q: text(64).optional(),
  /** The crew's unit: nodes of the area it serves; default the caller's area. */
  unitId: Id.optional(),
  kind: z.enum(['feeder', 'transformer']).optional(),
});
export type AreaNodeQuery = z.infer<typeof AreaNodeQuery>;
export const AreaNodeList = z.object({
  items: z.array(AreaNode.extend({ feeder: z.string().nullable(), unit: z.string() })),
});
export type AreaNodeList = z.infer<typeof AreaNodeList>;

/** A photo the crew took on a job (outage jobs; order jobs attach to the order). */
export const JobPhoto = z.object({
  id: Id,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});
export type JobPhoto = z.infer<typeof JobPhoto>;

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
  /** Completing an outage job: the part restored, when not all of it. */
  restoredScope: text(500).optional(),
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
