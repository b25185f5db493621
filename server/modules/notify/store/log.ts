import { sql, type Kysely } from 'kysely';
import type { DeliveryListQuery } from '../../../../common/schemas/notify.js';
import type { DB } from '../../../db/schema.js';

export interface DeliveryLogRow {
  id: string;
  template_code: string;
  template_version: number | null;
  channel: string;
  customer_id: string | null;
  customer_name: string | null;
  user_id: string | null;
  user_name: string | null;
  address: string | null;
  status: string;
  attempts: number;
  max_attempts: number;
  next_attempt_at: Date;
  error_code: string | null;
  error: string | null;
  skip_reason: string | null;
  source_type: string | null;
  source_id: string | null;
  unit_name: string;
  unit_path: string;
  created_at: Date;
  finished_at: Date | null;
  due_by: Date | null;
  subject: string | null;
  body: string | null;
  provider: string | null;
}

function base(tx: Kysely<DB>) {
  return tx
    .selectFrom('notify_deliveries as d')
    .innerJoin('org_units as o', 'o.id', 'd.org_id')
    .leftJoin('customers as c', 'c.id', 'd.customer_id')
    .leftJoin('users as u', 'u.id', 'd.user_id');
}

const COLUMNS = [
  'd.id',
  'd.template_code',
  'd.template_version',
  'd.channel',
  'd.customer_id',
  'c.name as customer_name',
  'd.user_id',
  'u.display_name as user_name',
  'd.address',
  'd.status',
  'd.attempts',
  'd.max_attempts',
  'd.next_attempt_at',
  'd.error_code',
  'd.error',
  'd.skip_reason',
  'd.source_type',
  'd.source_id',
  'o.name as unit_name',
  'd.unit_path',
  'd.created_at',
  'd.finished_at',
  'd.due_by',
  'd.subject',
  'd.body',
  'd.provider',
] as const;

/**
 * Sent after its deadline, or not yet sent (still queued) past it. A failed or skipped message
 * was never sent: it counts as failed or skipped, not late. Mirrors `isLate` (presenters.ts).
 */
const LATE = sql<boolean>`(d.due_by IS NOT NULL AND d.status IN ('pending', 'sending', 'sent')
  AND (CASE WHEN d.status = 'sent' THEN d.finished_at ELSE now() END) > d.due_by)`;

/** The deliveries of one source counted by template and outcome. */
export async function countBySource(tx: Kysely<DB>, sourceType: string, sourceId: string) {
  const r = await sql<{
    template: string;
    queued: number;
    sent: number;
    failed: number;
    skipped_consent: number;
    skipped_other: number;
    late: number;
  }>`
    SELECT d.template_code AS template,
           count(*) FILTER (WHERE d.status IN ('pending', 'sending'))::int AS queued,
           count(*) FILTER (WHERE d.status = 'sent')::int AS sent,
           count(*) FILTER (WHERE d.status = 'failed')::int AS failed,
           count(*) FILTER (WHERE d.status = 'skipped'
                              AND d.skip_reason IN ('consent_withdrawn', 'opted_out'))::int
             AS skipped_consent,
           count(*) FILTER (WHERE d.status = 'skipped'
                              AND d.skip_reason NOT IN ('consent_withdrawn', 'opted_out'))::int
             AS skipped_other,
           count(*) FILTER (WHERE ${LATE})::int AS late
      FROM notify_deliveries d
     WHERE d.source_type = ${sourceType} AND d.source_id = ${sourceId}
     GROUP BY d.template_code
     ORDER BY d.template_code`.execute(tx);
  return r.rows.map((x) => ({
    template: x.template,
    queued: Number(x.queued),
    sent: Number(x.sent),
    failed: Number(x.failed),
    skippedConsent: Number(x.skipped_consent),
    skippedOther: Number(x.skipped_other),
    late: Number(x.late),
  }));
}

/** A page of the delivery log inside a unit subtree (`prefix` of unit_path), newest first. */
export async function listDeliveries(
  tx: Kysely<DB>,
  prefix: string,
  q: DeliveryListQuery,
): Promise<{ rows: DeliveryLogRow[]; total: number }> {
  let where = base(tx).where('d.unit_path', 'like', `${prefix}%`);
  if (q.status) where = where.where('d.status', '=', q.status);
  if (q.channel) where = where.where('d.channel', '=', q.channel);
  if (q.template) where = where.where('d.template_code', '=', q.template);
  if (q.customerId) where = where.where('d.customer_id', '=', q.customerId);
  if (q.sourceType) where = where.where('d.source_type', '=', q.sourceType);
  if (q.sourceId) where = where.where('d.source_id', '=', q.sourceId);
  if (q.late) where = where.where(q.late === 'true' ? LATE : sql<boolean>`NOT ${LATE}`);
  if (q.from) where = where.where('d.created_at', '>=', new Date(q.from));
  if (q.to) where = where.where('d.created_at', '<', new Date(q.to));
  const [rows, count] = await Promise.all([
    where
      .select(COLUMNS)
      .orderBy('d.created_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    where.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function deliveryById(
  tx: Kysely<DB>,
  id: string,
): Promise<DeliveryLogRow | undefined> {
  return base(tx).select(COLUMNS).where('d.id', '=', id).executeTakeFirst();
}

export async function attemptsOf(tx: Kysely<DB>, id: string) {
  return tx
    .selectFrom('notify_attempts')
    .select(['attempt', 'started_at', 'finished_at', 'outcome', 'error', 'provider_ref'])
    .where('delivery_id', '=', id)
    .orderBy('attempt')
    .execute();
}
