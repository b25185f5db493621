/**
 * The sender: takes due deliveries, decides what each needs (consent, address, rendering), hands
 * them to their channel and records how it went.
 *
 * Never twice where avoidable: a delivery is marked `sending` (with an open attempt) and
 * committed before the hand-over, and the outcome is recorded right after. Only a crash between
 * the provider's acceptance and that record leaves it `sending`; after SENDING_LEASE_MS the
 * sender puts it back in the queue (outcome `unknown`) and sends it again: at-least-once, with
 * the delivery id as the provider's idempotency key (SMS) and Message-ID (e-mail) so that a
 * provider or mail client can drop the twin. In-app messages are written in the same
 * transaction as their `sent` mark: exactly once.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { NotifyChannel, SkipReason } from '../../../../common/schemas/notify.js';
import type { DB } from '../../../db/schema.js';
import { newId } from '../../../platform/ids.js';
import { SendError, type Transports } from '../channels/transport.js';
import {
  customerContacts,
  finishAttempt,
  lockDue,
  lockStaleSending,
  userContacts,
  type ClaimedDelivery,
  type CustomerContact,
  type UserContact,
} from '../store/deliveries.js';
import { insertInboxChanged, insertInboxMessage } from '../store/inbox.js';
import {
  closeManyWithoutSending,
  finishAttempts,
  startAttempts,
  type AttemptEnd,
} from '../store/sender-batch.js';
import { templatesByCode, type TemplateRow } from '../store/templates.js';
import { renderTemplate } from '../template.js';

/** Messages handed to a channel at once. */
export const HANDOVER_CONCURRENCY = 16;

/** How long a hand-over may take before a `sending` row is presumed interrupted. */
export const SENDING_LEASE_MS = 5 * 60_000;

/** Seconds to wait before attempt `n + 1` after attempt `n` failed: 30 s, 1, 2, 4 … 60 min. */
export function retryDelaySeconds(attempt: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempt - 1), 3600);
}

const Vars = z.record(z.string(), z.string()).catch({});

type Plan =
  | { kind: 'skip'; reason: SkipReason; address?: string | null }
  | { kind: 'fail'; code: string; error: string; templateVersion?: number }
  | {
      kind: 'send';
      channel: NotifyChannel;
      address: string | null;
      subject: string;
      body: string;
      templateVersion: number;
    };

const isMobile = (p: string | null) => p !== null && /^1[3-9]\d{9}$/.test(p.replace(/\D/g, ''));

/** The pure decision for one delivery: skip it, fail it, or what to send where. */
export function planDelivery(
  d: Pick<ClaimedDelivery, 'channel' | 'customer_id' | 'user_id' | 'address' | 'vars'>,
  template: TemplateRow | undefined,
  customer: CustomerContact | undefined,
  user: UserContact | undefined,
): Plan {
  const channel = d.channel as NotifyChannel;
  if (!template) return { kind: 'fail', code: 'NOTIFY_TEMPLATE_NOT_FOUND', error: 'template gone' };
  if (!template.active) return { kind: 'skip', reason: 'template_inactive' };
  let address = d.address;
  const vars: Record<string, string> = { ...Vars.parse(d.vars) };
  if (d.customer_id) {
    if (!customer) return { kind: 'fail', code: 'NOTIFY_RECIPIENT_INVALID', error: 'no customer' };
    // 接收服务短信 = 未同意: the customer takes no messages at all; then per-channel refusals.
    if (!customer.consent) return { kind: 'skip', reason: 'consent_withdrawn' };
    if (customer.optOuts.includes(channel)) return { kind: 'skip', reason: 'opted_out' };
    address ??= channel === 'sms' ? customer.mobile : customer.email;
    vars.customerName ??= customer.name;
  } else if (d.user_id) {
    if (!user) return { kind: 'fail', code: 'NOTIFY_RECIPIENT_INVALID', error: 'no user' };
    if (channel !== 'inapp') address ??= channel === 'sms' ? user.phone : user.email;
    vars.customerName ??= user.name;
  }
  if (channel === 'sms' && address !== null) address = address.replace(/\D/g, '');
  if (channel === 'sms' && !isMobile(address)) return { kind: 'skip', reason: 'no_address' };
  if (channel === 'email' && !address) return { kind: 'skip', reason: 'no_address' };
  const r = renderTemplate(template, vars);
  if (!r.ok) {
    const what = r.missing.length > 0 ? `missing: ${r.missing.join(', ')}` : 'template invalid';
    return {
      kind: 'fail',
      code: r.missing.length > 0 ? 'NOTIFY_VARIABLE_MISSING' : 'NOTIFY_TEMPLATE_INVALID',
      error: what,
      templateVersion: template.version,
    };
  }
  return {
    kind: 'send',
    channel,
    address,
    subject: r.subject,
    body: r.body,
    templateVersion: template.version,
  };
}

interface Handover {
  id: string;
  attempt: number;
  maxAttempts: number;
  channel: 'sms' | 'email';
  to: string;
  subject: string;
  body: string;
}

/** Claims due deliveries and settles all that need no hand-over; returns the hand-overs. */
async function claim(
  db: Kysely<DB>,
  transports: Transports,
  now: Date,
  limit: number,
  prefix: string,
): Promise<{ claimed: number; handovers: Handover[] }> {
  return db.transaction().execute(async (tx) => {
    const due = await lockDue(tx, now, limit, prefix);
    if (due.length === 0) return { claimed: 0, handovers: [] };
    const templates = await templatesByCode(tx, [...new Set(due.map((d) => d.template_code))]);
    const customers = await customerContacts(
      tx,
      due.flatMap((d) => (d.customer_id ? [d.customer_id] : [])),
    );
    const users = await userContacts(
      tx,
      due.flatMap((d) => (d.user_id ? [d.user_id] : [])),
    );
    const closed: Parameters<typeof closeManyWithoutSending>[1][number][] = [];
    const started: Parameters<typeof startAttempts>[1][number][] = [];
    const inbox: { id: string; userId: string; deliveryId: string; title: string; body: string }[] =
      [];
    const handovers: Handover[] = [];
    for (const d of due) {
      const plan = planDelivery(
        d,
        templates.get(d.template_code),
        d.customer_id ? customers.get(d.customer_id) : undefined,
        d.user_id ? users.get(d.user_id) : undefined,
      );
      if (plan.kind === 'skip' || plan.kind === 'fail') {
        closed.push({
          id: d.id,
          status: plan.kind === 'skip' ? 'skipped' : 'failed',
          skipReason: plan.kind === 'skip' ? plan.reason : null,
          errorCode: plan.kind === 'fail' ? plan.code : null,
          error: plan.kind === 'fail' ? plan.error : null,
          templateVersion: plan.kind === 'fail' ? (plan.templateVersion ?? null) : null,
        });
        continue;
      }
      const attempt = d.attempts + 1;
      started.push({
        id: d.id,
        attempt,
        templateVersion: plan.templateVersion,
        address: plan.address,
        subject: plan.subject,
        body: plan.body,
        provider: plan.channel === 'inapp' ? 'inapp' : transports[plan.channel].provider,
      });
      if (plan.channel === 'inapp') {
        inbox.push({
          id: newId(),
          userId: d.user_id!,
          deliveryId: d.id,
          title: plan.subject,
          body: plan.body,
        });
        continue;
      }
      handovers.push({
        id: d.id,
        attempt,
        maxAttempts: d.max_attempts,
        channel: plan.channel,
        to: plan.address!,
        subject: plan.subject,
        body: plan.body,
      });
    }
    // A few statements for the whole batch: the sender's pace is set by round trips.
    await closeManyWithoutSending(tx, closed, now);
    await startAttempts(tx, started, now);
    for (const m of inbox) await insertInboxMessage(tx, { ...m, now });
    await insertInboxChanged(
      tx,
      inbox.map((m) => m.userId),
      'new',
      now,
    );
    // In-app messages are written here, in the same transaction as their `sent` mark.
    await finishAttempts(
      tx,
      inbox.map((m) => ({
        id: m.deliveryId,
        attempt: started.find((x) => x.id === m.deliveryId)!.attempt,
        outcome: 'sent' as const,
        error: null,
        providerRef: null,
        next: { status: 'sent' as const },
      })),
      now,
    );
    return { claimed: due.length, handovers };
  });
}

/** Hands one message to its channel (outside any transaction); never throws. */
async function handOver(
  transports: Transports,
  h: Handover,
): Promise<{ providerRef: string | null } | SendError> {
  try {
    return await transports[h.channel].send({
      deliveryId: h.id,
      to: h.to,
      subject: h.subject,
      body: h.body,
    });
  } catch (e) {
    return e instanceof SendError ? e : new SendError(String((e as Error).message ?? e), false);
  }
}

/** How a hand-over ended, as the delivery's next step. */
function attemptEnd(
  h: Handover,
  outcome: { providerRef: string | null } | SendError,
  now: Date,
): AttemptEnd {
  if (!(outcome instanceof SendError)) {
    return {
      id: h.id,
      attempt: h.attempt,
      outcome: 'sent',
      error: null,
      providerRef: outcome.providerRef,
      next: { status: 'sent' },
    };
  }
  const giveUp = outcome.permanent || h.attempt >= h.maxAttempts;
  return {
    id: h.id,
    attempt: h.attempt,
    outcome: 'error',
    error: outcome.message.slice(0, 1000),
    providerRef: null,
    next: giveUp
      ? { status: 'failed', errorCode: 'NOTIFY_SEND_FAILED' }
      : {
          status: 'pending',
          at: new Date(now.getTime() + retryDelaySeconds(h.attempt) * 1000),
          errorCode: 'NOTIFY_SEND_FAILED',
        },
  };
}

/**
 * Hands messages over HANDOVER_CONCURRENCY at a time (a gateway answers in tens of
 * milliseconds: one by one would cap a sender at a few dozen a second) and records each group's
 * outcomes together right after it; only that group is resent if the process stops in between.
 */
async function handOverAll(
  db: Kysely<DB>,
  transports: Transports,
  handovers: readonly Handover[],
  clock: () => Date,
): Promise<void> {
  for (let i = 0; i < handovers.length; i += HANDOVER_CONCURRENCY) {
    const group = handovers.slice(i, i + HANDOVER_CONCURRENCY);
    const outcomes = await Promise.all(group.map((h) => handOver(transports, h)));
    const now = clock();
    await db.transaction().execute((tx) =>
      finishAttempts(
        tx,
        group.map((h, k) => attemptEnd(h, outcomes[k]!, now)),
        now,
      ),
    );
  }
}

/** Puts deliveries interrupted mid-hand-over back in the queue (or fails them when spent). */
async function recoverInterrupted(
  db: Kysely<DB>,
  now: Date,
  limit: number,
  prefix: string,
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const before = new Date(now.getTime() - SENDING_LEASE_MS);
    const stale = await lockStaleSending(tx, before, limit, prefix);
    for (const s of stale) {
      const spent = s.attempts >= s.max_attempts;
      await finishAttempt(tx, {
        id: s.id,
        attempt: s.attempts,
        now,
        outcome: 'unknown',
        error: 'interrupted before the outcome was recorded',
        providerRef: null,
        next: spent
          ? { status: 'failed', errorCode: 'NOTIFY_SEND_FAILED' }
          : { status: 'pending', at: now, errorCode: 'NOTIFY_SEND_FAILED' },
      });
    }
    return stale.length;
  });
}

/**
 * One round of the sender: recovers interrupted hand-overs, claims up to `batch` due deliveries
 * and sends them. Returns how many were claimed (a full batch means more may be waiting).
 * `clock` is the time source (tests move it forward to reach retries); `unitPathPrefix` limits
 * the round to the deliveries of one part of the tree (a sender per province; a test's own org).
 */
export async function sendDueNotifications(opts: {
  db: Kysely<DB>;
  transports: Transports;
  clock?: () => Date;
  batch?: number;
  unitPathPrefix?: string;
}): Promise<number> {
  const clock = opts.clock ?? (() => new Date());
  const batch = opts.batch ?? 50;
  const prefix = opts.unitPathPrefix ?? '/';
  await recoverInterrupted(opts.db, clock(), batch, prefix);
  const { claimed, handovers } = await claim(opts.db, opts.transports, clock(), batch, prefix);
  await handOverAll(opts.db, opts.transports, handovers, clock);
  return claimed;
}
