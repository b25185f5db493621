/** Responses are allowlists: crews and jobs as the API shows them. */
import { maskPhone } from '../../../common/customers/masking.js';
import type { AreaClass } from '../../../common/customers/codes.js';
import type { OutageCategory, OutageState } from '../../../common/outages/categories.js';
import type { SlaStatus } from '../../../common/orders/sla.js';
import type { OrderState } from '../../../common/orders/states.js';
import type {
  Crew,
  CrewState,
  Job,
  JobAction,
  JobOrder,
  JobOutage,
  JobState,
  OutageCommitments,
} from '../../../common/schemas/repair.js';
import type { Actor } from '../../platform/actor.js';
import type { AreaRow, CrewRow, MemberRow } from './store/crews.js';
import type { JobRow } from './store/jobs.js';
import type { OrderFacts } from './store/refs.js';
import type { OutageFacts, ScopeNodeRow } from './store/outages.js';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function presentOrder(actor: Actor, o: OrderFacts): JobOrder {
  const pii = actor.permissions.includes('customer.pii');
  return {
    id: o.id,
    number: o.number,
    title: o.title,
    state: o.state as OrderState,
    address: o.address,
    callerName: o.caller_name,
    callerPhone: o.caller_phone && !pii ? maskPhone(o.caller_phone) : o.caller_phone,
    areaClass: o.area_class as AreaClass | null,
    slaStatus: o.sla_status as SlaStatus,
    dueAt: iso(o.due_at),
    acceptedAt: new Date(o.accepted_at).toISOString(),
    version: o.version,
  };
}

export function presentOutage(o: OutageFacts, scope: readonly ScopeNodeRow[]): JobOutage {
  return {
    id: o.id,
    number: o.number,
    title: o.title,
    category: o.category as OutageCategory,
    state: o.state as OutageState,
    areaText: o.area_text,
    scope: scope.map((n) => ({ kind: n.kind, id: n.id, code: n.code, name: n.name })),
    affectedCustomers: o.affected_customers,
    importantCustomers: o.important_customers,
    linkedOrders: o.linked_orders,
    startedAt: iso(o.started_at),
    estimatedRestoreAt: iso(o.estimated_restore_at),
    restoredAt: iso(o.restored_at),
    version: o.version,
  };
}

const stamp = (at: Date | null, lat: number | null, lng: number | null) =>
  at ? { at: new Date(at).toISOString(), lat, lng } : null;

export function presentJob(
  j: JobRow,
  refs: {
    crewName: string;
    order: JobOrder | null;
    outage: JobOutage | null;
    commitments: OutageCommitments | null;
    offeredByName: string;
    allowedActions: JobAction[];
  },
): Job {
  return {
    id: j.id,
    crew: { id: j.crew_id, name: refs.crewName },
    order: refs.order,
    outageId: j.outage_id,
    outage: refs.outage,
    commitments: refs.commitments,
    state: j.state as JobState,
    suggested: j.suggested,
    offeredAt: new Date(j.offered_at).toISOString(),
    offeredBy: { id: j.offered_by, name: refs.offeredByName },
    acceptedAt: iso(j.accepted_at),
    sentBack:
      j.sent_back_at && j.sent_back_reason
        ? { at: new Date(j.sent_back_at).toISOString(), reason: j.sent_back_reason }
        : null,
    departed: stamp(j.departed_at, j.departed_lat, j.departed_lng),
    arrived: stamp(j.arrived_at, j.arrived_lat, j.arrived_lng),
    completed: stamp(j.completed_at, j.completed_lat, j.completed_lng),
    cancelled:
      j.cancelled_at && j.cancel_reason
        ? { at: new Date(j.cancelled_at).toISOString(), reason: j.cancel_reason }
        : null,
    result: j.result,
    cause: j.cause,
    photoIds: j.photo_ids,
    allowedActions: refs.allowedActions,
    version: j.version,
  };
}

export function presentCrew(
  c: CrewRow,
  refs: {
    unitName: string;
    leaderName: string | null;
    members: MemberRow[];
    areas: AreaRow[];
    jobs: Job[];
  },
): Crew {
  return {
    id: c.id,
    name: c.name,
    unit: { id: c.org_id, name: refs.unitName },
    leader: c.leader_id ? { id: c.leader_id, name: refs.leaderName ?? '' } : null,
    members: refs.members.map((m) => ({
      id: m.user_id,
      name: m.display_name,
      username: m.username,
    })),
    phone: c.phone,
    vehicle: c.vehicle,
    area: refs.areas.map((a) => ({ kind: a.kind, id: a.id, code: a.code, name: a.name })),
    shiftStart: c.shift_start,
    shiftEnd: c.shift_end,
    state: c.state as CrewState,
    stateSince: new Date(c.state_since).toISOString(),
    active: c.active,
    jobs: refs.jobs,
    version: c.version,
  };
}
