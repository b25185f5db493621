import { maskEmail, maskPhone } from '../../../common/customers/masking.js';
import type {
  DeliveryDetail,
  DeliverySummary,
  NotifyChannel,
  TemplateSummary,
  TemplateVersion,
} from '../../../common/schemas/notify.js';
import type { DeliveryLogRow } from './store/log.js';
import type { TemplateRow, TemplateVersionRow } from './store/templates.js';

export function presentTemplate(r: TemplateRow): TemplateSummary {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    channel: r.channel as NotifyChannel,
    subject: r.subject,
    body: r.body,
    variables: r.variables,
    active: r.active,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  };
}

export function presentTemplateVersion(r: TemplateVersionRow): TemplateVersion {
  return {
    version: r.version,
    name: r.name,
    channel: r.channel as NotifyChannel,
    subject: r.subject,
    body: r.body,
    active: r.active,
    changedBy: r.changed_by_name,
    changedAt: r.changed_at.toISOString(),
  };
}

/** A phone or e-mail as the role may see it: in full only with customer.pii. */
function address(channel: string, value: string | null, pii: boolean): string | null {
  if (value === null || pii) return value;
  return channel === 'email' ? maskEmail(value) : maskPhone(value);
}

/**
 * Sent after its deadline, or still queued past it (`now`); failed and skipped ones are not
 * late but failed or skipped. Mirrors LATE in store/log.ts.
 */
export function isLate(
  r: Pick<DeliveryLogRow, 'due_by' | 'status' | 'finished_at'>,
  now: Date,
): boolean {
  if (!r.due_by) return false;
  if (r.status === 'sent') return r.finished_at !== null && r.finished_at > r.due_by;
  return (r.status === 'pending' || r.status === 'sending') && now > r.due_by;
}

export function presentDelivery(
  r: DeliveryLogRow,
  pii: boolean,
  now: Date = new Date(),
): DeliverySummary {
  return {
    id: r.id,
    templateCode: r.template_code,
    templateVersion: r.template_version,
    channel: r.channel as NotifyChannel,
    recipientKind: r.customer_id ? 'customer' : r.user_id ? 'user' : 'address',
    customerId: r.customer_id,
    customerName: r.customer_name,
    userId: r.user_id,
    userName: r.user_name,
    address: address(r.channel, r.address, pii),
    status: r.status as DeliverySummary['status'],
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at.toISOString() : null,
    errorCode: r.error_code,
    error: r.error,
    skipReason: r.skip_reason,
    sourceType: r.source_type,
    sourceId: r.source_id,
    unitName: r.unit_name,
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    dueBy: r.due_by?.toISOString() ?? null,
    late: isLate(r, now),
  };
}

export function presentDeliveryDetail(
  r: DeliveryLogRow,
  attempts: {
    attempt: number;
    started_at: Date;
    finished_at: Date | null;
    outcome: string | null;
    error: string | null;
    provider_ref: string | null;
  }[],
  pii: boolean,
): DeliveryDetail {
  return {
    ...presentDelivery(r, pii),
    subject: r.subject,
    body: r.body,
    provider: r.provider,
    attemptLog: attempts.map((a) => ({
      attempt: a.attempt,
      startedAt: a.started_at.toISOString(),
      finishedAt: a.finished_at?.toISOString() ?? null,
      outcome: a.outcome as 'sent' | 'error' | 'unknown' | null,
      error: a.error,
      providerRef: a.provider_ref,
    })),
  };
}
