/**
 * The sender's writes for a whole batch: one statement for the lot instead of two per message
 * (the sender's throughput is bounded by round trips). The single-row finishAttempt in
 * deliveries.ts serves the recovery of interrupted hand-overs.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

/** Ends deliveries without a hand-over (skipped, or failed before any attempt), at once. */
export async function closeManyWithoutSending(
  tx: Kysely<DB>,
  rows: readonly {
    id: string;
    status: 'skipped' | 'failed';
    skipReason: string | null;
    errorCode: string | null;
    error: string | null;
    templateVersion: number | null;
  }[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    UPDATE notify_deliveries d
       SET status = v.status, skip_reason = v.skip_reason, error_code = v.error_code,
           error = v.error, finished_at = ${now},
           template_version = coalesce(v.template_version, d.template_version)
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.status)}::text[],
                  ${rows.map((r) => r.skipReason)}::text[], ${rows.map((r) => r.errorCode)}::text[],
                  ${rows.map((r) => r.error)}::text[],
                  ${rows.map((r) => r.templateVersion)}::int[])
           AS v(id, status, skip_reason, error_code, error, template_version)
     WHERE d.id = v.id`.execute(tx);
}

/** Starts an attempt of each delivery: rendered message stored, `sending`, attempt open. */
export async function startAttempts(
  tx: Kysely<DB>,
  rows: readonly {
    id: string;
    attempt: number;
    templateVersion: number;
    address: string | null;
    subject: string;
    body: string;
    provider: string;
  }[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    WITH v AS (
      SELECT * FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.attempt)}::int[],
                           ${rows.map((r) => r.templateVersion)}::int[],
                           ${rows.map((r) => r.address)}::text[], ${rows.map((r) => r.subject)}::text[],
                           ${rows.map((r) => r.body)}::text[], ${rows.map((r) => r.provider)}::text[])
        AS v(id, attempt, template_version, address, subject, body, provider)),
    started AS (
      UPDATE notify_deliveries d
         SET status = 'sending', attempts = v.attempt, sending_at = ${now},
             template_version = v.template_version, address = v.address, subject = v.subject,
             body = v.body, provider = v.provider
        FROM v WHERE d.id = v.id
      RETURNING d.id)
    INSERT INTO notify_attempts (delivery_id, attempt, started_at)
    SELECT v.id, v.attempt, ${now}::timestamptz FROM v JOIN started s ON s.id = v.id`.execute(tx);
}

export interface AttemptEnd {
  id: string;
  attempt: number;
  outcome: 'sent' | 'error' | 'unknown';
  error: string | null;
  providerRef: string | null;
  next:
    | { status: 'sent' }
    | { status: 'failed'; errorCode: string }
    | { status: 'pending'; at: Date; errorCode: string };
}

/** Ends attempts and moves each delivery on, where it is still in that attempt. */
export async function finishAttempts(
  tx: Kysely<DB>,
  rows: readonly AttemptEnd[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(f: (r: AttemptEnd) => T) => rows.map(f);
  await sql`
    WITH v AS (
      SELECT * FROM unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.attempt)}::int[],
                           ${col((r) => r.outcome)}::text[], ${col((r) => r.error)}::text[],
                           ${col((r) => r.providerRef)}::text[], ${col((r) => r.next.status)}::text[],
                           ${col((r) => (r.next.status === 'sent' ? null : r.next.errorCode))}::text[],
                           ${col((r) => (r.next.status === 'pending' ? r.next.at.toISOString() : null))}::timestamptz[])
        AS v(id, attempt, outcome, error, provider_ref, status, error_code, next_at)),
    moved AS (
      UPDATE notify_deliveries d
         SET status = v.status, provider_ref = v.provider_ref, error = v.error,
             error_code = v.error_code,
             finished_at = CASE WHEN v.status = 'pending' THEN NULL ELSE ${now}::timestamptz END,
             next_attempt_at = coalesce(v.next_at, d.next_attempt_at)
        FROM v
       WHERE d.id = v.id AND d.status = 'sending' AND d.attempts = v.attempt
      RETURNING d.id)
    UPDATE notify_attempts a
       SET finished_at = ${now}, outcome = v.outcome, error = v.error,
           provider_ref = v.provider_ref
      FROM v JOIN moved m ON m.id = v.id
     WHERE a.delivery_id = v.id AND a.attempt = v.attempt`.execute(tx);
}
