/**
 * Orders as the API returns them: allowlisted fields, the caller's phone masked unless the role
 * sees personal data, names for every reference.
 */
import { maskPhone } from '../../../common/customers/masking.js';
import { formatPhone } from '../../../common/customers/phone.js';
import type { OrderDetail, OrderEvent, OrderSummary } from '../../../common/schemas/orders.js';
import type { Taxonomy } from '../../../common/orders/taxonomy.js';
import type { OrderAction, OrderFlag, OrderState } from '../../../common/orders/states.js';
import type { Clock } from './service/clocks.js';
import type { SummaryRow } from './store/list.js';
import type { AttachmentRow, EventRow, OrderNames, OrderRow } from './store/read.js';

/** The names of a (sub)type in the taxonomy version the order was accepted under. */
export function typeNameOf(t: Taxonomy | null, typeCode: string, subtypeCode: string | null) {
  const type = t?.types.find((x) => x.code === typeCode);
  const sub = subtypeCode ? type?.subtypes.find((s) => s.code === subtypeCode) : undefined;
  if (!type) return { zh: typeCode, en: typeCode };
  if (!sub) return type.name;
  return { zh: `${type.name.zh}/${sub.name.zh}`, en: `${type.name.en} / ${sub.name.en}` };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function phoneForRole(phone: string | null, pii: boolean): string | null {
  if (!phone) return null;
  return pii ? formatPhone(phone) : maskPhone(phone);
}

/** The summary of a list row (names come joined with the row). */
export function presentSummary(
  o: SummaryRow,
  names: Pick<
    OrderNames,
    'assigned_unit_name' | 'owner_name' | 'customer_account_no' | 'customer_name'
  >,
  typeName: { zh: string; en: string },
  pii: boolean,
): OrderSummary {
  return {
    id: o.id,
    number: o.number,
    typeCode: o.type_code as OrderSummary['typeCode'],
    subtypeCode: o.subtype_code,
    typeName,
    channel: o.channel as OrderSummary['channel'],
    state: o.state as OrderState,
    title: o.title,
    customer:
      o.customer_id && names.customer_account_no
        ? {
            id: o.customer_id,
            accountNo: names.customer_account_no,
            name: names.customer_name ?? '',
          }
        : null,
    callerName: o.caller_name,
    callerPhone: phoneForRole(o.caller_phone, pii),
    acceptedAt: o.accepted_at.toISOString(),
    assignedUnit:
      o.assigned_unit_id && names.assigned_unit_name
        ? { id: o.assigned_unit_id, name: names.assigned_unit_name }
        : null,
    owner: { id: o.owner_id, name: names.owner_name },
    slaStatus: o.sla_status as OrderSummary['slaStatus'],
    slaMissed: o.sla_missed,
    dueAt: iso(o.due_at),
    flags: o.flags as OrderFlag[],
    urgeCount: o.urge_count,
    masterId: o.master_id,
    version: o.version,
  };
}

export function presentEvent(e: EventRow): OrderEvent {
  return {
    id: e.id,
    at: e.at.toISOString(),
    action: e.action,
    fromState: e.from_state as OrderState | null,
    toState: e.to_state as OrderState | null,
    actor: e.actor_id ? { id: e.actor_id, name: e.actor_name } : null,
    unit: e.unit_id && e.unit_name ? { id: e.unit_id, name: e.unit_name } : null,
    visibleToCustomer: e.visible_to_customer,
    body: e.body,
    data: e.data,
  };
}

export function presentDetail(p: {
  order: OrderRow;
  names: OrderNames;
  typeName: { zh: string; en: string };
  pii: boolean;
  events: EventRow[];
  clocks: Clock[];
  children: { id: string; number: string; state: string }[];
  outage: OrderDetail['outage'];
  attachments: AttachmentRow[];
  allowedActions: OrderAction[];
}): OrderDetail {
  const o = p.order;
  const susp = o.suspension as {
    reason: string;
    requestedBy: { id: string; name: string };
    requestedAt: string;
  } | null;
  return {
    ...presentSummary(o, p.names, p.typeName, p.pii),
    description: o.description,
    fields: o.fields as Record<string, unknown>,
    address: o.address,
    areaClass: o.area_class as OrderDetail['areaClass'],
    urgency: o.urgency as OrderDetail['urgency'],
    grade: o.grade as OrderDetail['grade'],
    callbackRequired: o.callback_required,
    taxonomyVersion: o.taxonomy_version,
    acceptedUnit: { id: o.accepted_unit_id, name: p.names.accepted_unit_name },
    result: o.result,
    satisfaction: o.satisfaction as OrderDetail['satisfaction'],
    suspension: susp,
    repeat24h: o.repeat_24h,
    repeat7d: o.repeat_7d,
    master:
      o.master_id && p.names.master_number
        ? { id: o.master_id, number: p.names.master_number }
        : null,
    children: p.children.map((c) => ({ id: c.id, number: c.number, state: c.state as OrderState })),
    outage: p.outage,
    stamps: {
      dispatchedAt: iso(o.dispatched_at),
      firstContactAt: iso(o.first_contact_at),
      arrivedAt: iso(o.arrived_at),
      repairedAt: iso(o.repaired_at),
      returnedAt: iso(o.returned_at),
      reviewedAt: iso(o.reviewed_at),
      calledBackAt: iso(o.called_back_at),
      closedAt: iso(o.closed_at),
    },
    clocks: p.clocks.map((c) => ({
      step: c.step,
      startedAt: c.startedAt.toISOString(),
      dueAt: c.dueAt.toISOString(),
      stoppedAt: iso(c.stoppedAt),
      status: c.status,
      limit: c.limit,
    })),
    timeline: p.events.map(presentEvent),
    attachments: p.attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      contentType: a.content_type,
      size: a.size,
      uploadedBy: { id: a.uploaded_by, name: a.uploader_name ?? '' },
      createdAt: a.created_at.toISOString(),
    })),
    allowedActions: p.allowedActions,
  };
}
