/**
 * Outage notices (rules.md §3, §5) through the notify module, queued in the transaction of the
 * outage's change: a planned outage is announced to every affected customer; a temporary one to
 * the important customers first and then to all; a fault to the important customers at once
 * (they must be told within 10 minutes: the delivery carries that deadline, and a later send is
 * counted late) and then to all; estimate changes, postponements and cancellations go to those
 * already told; restoration to every affected customer and every caller the outage answered.
 * Whoever acted gets a receipt in the in-app inbox.
 *
 * Every notice kind is deduplicated per recipient (and per outage version for the kinds that
 * may repeat), so calling this twice for one action never sends anything twice.
 */
import { sql, type Kysely } from 'kysely';
import type { OutageAction, OutageCategory } from '../../../../common/outages/categories.js';
import type { NoticeSummary } from '../../../../common/schemas/notify.js';
import type { DB } from '../../../db/schema.js';
import type { Actor, RequestMeta } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { recordAudit } from '../../auth/index.js';
import { deliverySummary, notify, notifyMany, type BulkRecipients } from '../../notify/index.js';
import { eventsOf, type OutageRow } from '../store.js';

/** The 95598 hotline named in every notice. */
export const HOTLINE = '95598';
/** Important customers must be told of a fault outage within 10 minutes (rules.md §3). */
export const FAULT_NOTICE_MINUTES = 10;
const MINUTE = 60_000;

export type NoticeKind =
  'planned' | 'temporary' | 'fault' | 'estimate' | 'postpone' | 'restored' | 'cancelled';

/** Who a notice goes to. */
export type Audience =
  /** every customer under the scope */
  | 'affected'
  /** the important customers under the scope */
  | 'important'
  /** the customers and callers already sent a notice of this outage */
  | 'told'
  /** callers of the outage's linked orders who are not customers under its scope */
  | 'callers';

export interface NoticeStep {
  kind: NoticeKind;
  template: string;
  audience: Audience;
  /** The deadline by which the message counts as on time. */
  dueBy: Date | null;
  /** Queued a second behind the important customers' messages, so those go first. */
  behind: boolean;
  /** Kinds that may happen again (a second postponement) are deduplicated per version. */
  perVersion: boolean;
}

/** How each category is announced; enforcement outages (theft, arrears …) are not notified here. */
function categoryNotice(c: OutageCategory): 'planned' | 'temporary' | 'fault' | null {
  switch (c) {
    case 'planned':
    case 'orderly_use':
      return 'planned';
    case 'temporary':
      return 'temporary';
    case 'grid_fault':
    case 'over_capacity':
      return 'fault';
    case 'theft':
    case 'illegal_use':
    case 'arrears':
      // A disconnection of one customer has its own legal notice (arrears: 7 days ahead).
      return null;
  }
}

const step = (
  kind: NoticeKind,
  audience: Audience,
  over: Partial<Pick<NoticeStep, 'dueBy' | 'behind' | 'perVersion'>> = {},
): NoticeStep => ({
  kind,
  template: `outage.${kind === 'estimate' ? 'estimate_changed' : kind === 'postpone' ? 'postponed' : kind}`,
  audience,
  dueBy: null,
  behind: false,
  perVersion: false,
  ...over,
});

/** The pure decision: which notices an action on an outage (as it is after the action) sends. */
export function noticePlan(
  o: Pick<
    OutageRow,
    'category' | 'state' | 'started_at' | 'created_at' | 'planned_start' | 'published_at'
  >,
  action: OutageAction | 'create',
): NoticeStep[] {
  const announce = categoryNotice(o.category as OutageCategory);
  if (!announce) return [];
  const first = (): NoticeStep[] => {
    if (announce === 'planned') return [step('planned', 'affected')];
    if (announce === 'temporary') {
      // Important customers are owed 24 hours' notice of temporary maintenance.
      const due = o.planned_start ? new Date(o.planned_start.getTime() - 24 * 60 * MINUTE) : null;
      return [
        step('temporary', 'important', { dueBy: due }),
        step('temporary', 'affected', { behind: true }),
      ];
    }
    const since = o.started_at ?? o.published_at ?? o.created_at;
    return [
      step('fault', 'important', {
        dueBy: new Date(since.getTime() + FAULT_NOTICE_MINUTES * MINUTE),
      }),
      step('fault', 'affected', { behind: true }),
    ];
  };
  switch (action) {
    case 'create':
      // Created already published: the same notices as publishing (deduplicated if both run).
      return o.state === 'draft' ? [] : first();
    case 'publish':
      return first();
    case 'start':
      // Announced outages were told when published; a fault is told when its power goes off.
      return announce === 'fault' ? first() : [];
    case 'estimate':
      return [step('estimate', 'told', { perVersion: true })];
    case 'postpone':
      return [step('postpone', 'told', { perVersion: true })];
    case 'restore':
      return [step('restored', 'affected'), step('restored', 'callers')];
    case 'cancel':
      return [step('cancelled', 'told')];
  }
}

/** 11月25日 08:00, China time. */
export function chinaTime(d: Date): string {
  const c = new Date(d.getTime() + 8 * 60 * MINUTE);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${c.getUTCMonth() + 1}月${c.getUTCDate()}日 ${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}`;
}

const orWhat = (d: Date | null, what: string) => (d ? chinaTime(d) : what);

/** The template variables of an outage's notices: times in China time, the hotline. */
export function noticeVars(
  o: Pick<
    OutageRow,
    | 'number'
    | 'title'
    | 'area_text'
    | 'reason'
    | 'planned_start'
    | 'planned_end'
    | 'estimated_restore_at'
    | 'restored_at'
    | 'delay_reason'
  >,
  kind: NoticeKind,
  now: Date,
  cancelReason: string | null = null,
): Record<string, string> {
  const base = { outageNo: o.number, title: o.title, area: o.area_text, hotline: HOTLINE };
  const window = { start: orWhat(o.planned_start, '待定'), end: orWhat(o.planned_end, '待定') };
  switch (kind) {
    case 'planned':
    case 'temporary':
      return { ...base, ...window, reason: o.reason };
    case 'fault':
      return { ...base, reason: o.reason, estimate: orWhat(o.estimated_restore_at, '待定') };
    case 'estimate':
      return {
        ...base,
        estimate: orWhat(o.estimated_restore_at, '待定'),
        reason: o.delay_reason ?? '抢修进度调整',
      };
    case 'postpone':
      return { ...base, ...window, reason: o.delay_reason ?? '工作安排调整' };
    case 'restored':
      return { ...base, restoredAt: chinaTime(o.restored_at ?? now) };
    case 'cancelled':
      return { ...base, ...window, reason: cancelReason ?? '工作安排调整' };
  }
}

// Recipient sets, as SQL the notify module inserts from. The affected set mirrors affectedSql in
// ../store.ts (the customers on the scope's transformers and on its feeders' transformers).

const scopeTransformers = (outageId: string) => sql`
  SELECT s.node_id FROM outage_scope s
   WHERE s.outage_id = ${outageId} AND s.node_kind = 'transformer'
  UNION
  SELECT g.id FROM outage_scope s JOIN grid_transformers g ON g.feeder_id = s.node_id
   WHERE s.outage_id = ${outageId} AND s.node_kind = 'feeder'`;

const affectedIds = (outageId: string, importantOnly: boolean) => sql`
  SELECT c.id AS customer_id FROM customers c
   WHERE c.transformer_id IN (${scopeTransformers(outageId)})
     ${importantOnly ? sql`AND c.is_important` : sql``}`;

/** The notices that count as having told someone of the outage. */
const TELLING = [
  'outage.planned',
  'outage.temporary',
  'outage.fault',
  'outage.estimate_changed',
  'outage.postponed',
];

const told = (outageId: string, phones: boolean) => sql`
  SELECT ${phones ? sql`d.address AS phone, d.org_id` : sql`d.customer_id`}
    FROM notify_deliveries d
   WHERE d.source_type = 'outage' AND d.source_id = ${outageId}
     AND d.template_code = ANY(${TELLING}::text[])
     AND d.status IN ('pending', 'sending', 'sent')
     AND ${phones ? sql`d.customer_id IS NULL AND d.address IS NOT NULL` : sql`d.customer_id IS NOT NULL`}`;

/** Callers of linked orders, unless the order is of a customer under the scope (told as such). */
const callers = (outageId: string) => sql`
  SELECT o.caller_phone AS phone, o.org_id
    FROM outage_orders l JOIN orders o ON o.id = l.order_id
   WHERE l.outage_id = ${outageId} AND o.caller_phone IS NOT NULL
     AND NOT EXISTS (
       SELECT 1 FROM customers c
        WHERE c.id = o.customer_id AND c.transformer_id IN (${scopeTransformers(outageId)}))`;

function recipientSets(outageId: string, audience: Audience): BulkRecipients[] {
  switch (audience) {
    case 'affected':
      return [{ customers: affectedIds(outageId, false) }];
    case 'important':
      return [{ customers: affectedIds(outageId, true) }];
    case 'told':
      return [{ customers: told(outageId, false) }, { phones: told(outageId, true) }];
    case 'callers':
      return [{ phones: callers(outageId) }];
  }
}

async function cancelReasonOf(tx: Kysely<DB>, outageId: string): Promise<string | null> {
  const events = await eventsOf(tx, outageId);
  const cancel = events.filter((e) => e.action === 'cancel').at(-1);
  const reason = (cancel?.data as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' && reason.trim() !== '' ? reason.slice(0, 200) : null;
}

const KIND_NAMES: Record<NoticeKind, string> = {
  planned: '计划停电通知',
  temporary: '临时停电通知',
  fault: '故障停电通知',
  estimate: '预计送电时间变更通知',
  postpone: '停电改期通知',
  restored: '恢复送电通知',
  cancelled: '停电取消通知',
};

/** The receipt in the in-app inbox of whoever acted: what went out to how many. */
export function receiptText(
  o: Pick<OutageRow, 'number' | 'title'>,
  queued: readonly { kind: NoticeKind; queued: number }[],
): { title: string; message: string } {
  const byKind = new Map<NoticeKind, number>();
  for (const q of queued) byKind.set(q.kind, (byKind.get(q.kind) ?? 0) + q.queued);
  const parts = [...byKind].filter(([, n]) => n > 0).map(([k, n]) => `${KIND_NAMES[k]} ${n} 条`);
  return {
    title: `停电通知已提交发送：${o.number}`,
    message: `${o.title}（${o.number}）：${parts.join('，')}已提交发送，发送结果见通知记录。`,
  };
}

export interface QueuedNotice {
  template: string;
  audience: Audience;
  recipients: number;
  queued: number;
}

/**
 * Queues the notices an outage action calls for, in the action's transaction (see noticePlan).
 * `outage` is the row after the action. Answers what was queued; writes one audit row when
 * anything was.
 */
export async function queueOutageNotices(
  ctx: { tx: Kysely<DB>; actor: Actor; meta: RequestMeta; now: Date },
  outage: OutageRow,
  action: OutageAction | 'create',
): Promise<QueuedNotice[]> {
  const plan = noticePlan(outage, action);
  if (plan.length === 0) return [];
  const cancelReason = plan.some((s) => s.kind === 'cancelled')
    ? await cancelReasonOf(ctx.tx, outage.id)
    : null;
  const out: QueuedNotice[] = [];
  const kinds: { kind: NoticeKind; queued: number }[] = [];
  for (const s of plan) {
    const prefix = `outage:${outage.id}:${s.kind}${s.perVersion ? `:v${outage.version}` : ''}`;
    const vars = noticeVars(outage, s.kind, ctx.now, cancelReason);
    const done: QueuedNotice = {
      template: s.template,
      audience: s.audience,
      recipients: 0,
      queued: 0,
    };
    for (const recipients of recipientSets(outage.id, s.audience)) {
      const r = await notifyMany(ctx.tx, {
        template: s.template,
        recipients,
        vars,
        dedupePrefix: prefix,
        source: { type: 'outage', id: outage.id },
        notBefore: new Date(ctx.now.getTime() + (s.behind ? 1000 : 0)),
        ...(s.dueBy ? { dueBy: s.dueBy } : {}),
      });
      done.recipients += r.recipients;
      done.queued += r.queued;
    }
    out.push(done);
    kinds.push({ kind: s.kind, queued: done.queued });
  }
  const queued = out.reduce((n, x) => n + x.queued, 0);
  if (queued > 0) {
    await recordAudit(
      ctx.tx,
      { actor: ctx.actor, meta: ctx.meta },
      {
        action: 'outage.notices_queued',
        entityType: 'outage',
        entityId: outage.id,
        after: { action, version: outage.version, notices: out },
        orgId: outage.org_id,
        provinceId: outage.province_id,
      },
    );
    await sendReceipt(ctx, outage, action, receiptText(outage, kinds));
  }
  return out;
}

/** The receipt to the actor's inbox, once per action and version; none for a system actor. */
async function sendReceipt(
  ctx: { tx: Kysely<DB>; actor: Actor },
  outage: OutageRow,
  action: OutageAction | 'create',
  text: { title: string; message: string },
) {
  try {
    await notify(ctx.tx, {
      template: 'system.notice',
      to: { userId: ctx.actor.userId },
      vars: text,
      dedupeKey: `outage:${outage.id}:receipt:${action}:v${outage.version}`,
    });
  } catch (e) {
    // A courtesy: an actor who is not a user (a system job) gets none, and the action stands.
    // notify() checks the recipient before writing anything, so the transaction is intact.
    if (e instanceof AppError && e.code === 'NOTIFY_RECIPIENT_INVALID') return;
    throw e;
  }
}

/**
 * What an outage's notices came to, for its detail page: per template queued, sent, failed,
 * skipped for consent, and late (a fault notice to an important customer sent more than 10
 * minutes after the power went off, or still unsent past then).
 */
export async function outageNoticeSummary(
  tx: Kysely<DB>,
  outageId: string,
): Promise<NoticeSummary> {
  return deliverySummary(tx, { type: 'outage', id: outageId });
}
