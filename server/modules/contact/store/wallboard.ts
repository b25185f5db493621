/**
 * SQL of the wall board's (大屏) call and agent figures. The call figures are counted in the
 * database, one row per hour, by the rules of common/contact/wallboard-figures.ts (classifyCall):
 * a day of 100,000 calls is not sent to the app to be counted.
 */
import { sql, type Kysely } from 'kysely';
import {
  SERVICE_LEVEL_SECONDS,
  SHORT_ABANDON_SECONDS,
  STALE_RING_SECONDS,
  type HourCounts,
} from '../../../../common/contact/wallboard-figures.js';
import type { DB } from '../../../db/schema.js';

const under = (prefix: string) => `${prefix}%`;
/** Inbound (a PBX may leave the direction out) and not rejected by the block list. */
const OFFERED = sql`(c.direction IS NULL OR c.direction = 'in') AND c.outcome IS DISTINCT FROM 'blocked'`;

/**
 * The hour buckets of the offered calls under `prefix` that arrived in the 24 hours from `start`
 * (China time has no daylight saving), as classifyCall counts them at `now`. Each hour is one
 * range of the arrival index (0022), aggregated on its own: no sort or hash of a day's rows,
 * whatever the planner guesses of the hour expression.
 */
export async function callsByHour(
  tx: Kysely<DB>,
  o: { prefix: string; start: Date; now: Date },
): Promise<HourCounts[]> {
  const start = sql`${o.start}::timestamptz`;
  const now = sql`${o.now}::timestamptz`;
  const secs = (n: number) => sql`make_interval(secs => ${n})`;
  const unanswered = sql`c.answered_at IS NULL AND c.state = 'ended'`;
  const short = sql`(c.outcome = 'abandoned'
    AND coalesce(c.ended_at, c.first_seen_at) < c.first_seen_at + ${secs(SHORT_ABANDON_SECONDS)})`;
  const r = await sql<HourCounts>`
    SELECT h.hour, x.*
      FROM generate_series(0, 23) AS h(hour)
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS calls,
               count(*) FILTER (WHERE c.answered_at IS NOT NULL)::int AS answered,
               count(*) FILTER (WHERE c.answered_at <= c.first_seen_at + ${secs(SERVICE_LEVEL_SECONDS)})::int
                 AS "answeredInSl",
               coalesce(sum(greatest(0, date_part('epoch', c.answered_at - c.first_seen_at))), 0)::float8
                 AS "answerWaitSeconds",
               count(*) FILTER (WHERE ${unanswered} AND NOT ${short})::int AS abandoned,
               count(*) FILTER (WHERE ${unanswered} AND ${short})::int AS "shortAbandoned",
               count(*) FILTER (WHERE c.answered_at IS NULL AND c.state <> 'ended'
                                  AND c.first_seen_at < ${now} - ${secs(SERVICE_LEVEL_SECONDS)})::int
                 AS "waitingOverSl"
          FROM contact_calls c
         WHERE c.first_seen_at >= ${start} + h.hour * interval '1 hour'
           AND c.first_seen_at < ${start} + (h.hour + 1) * interval '1 hour'
           AND c.unit_path LIKE ${under(o.prefix)}
           AND ${OFFERED}
           -- A call ringing for hours lost its hangup: it is left out (classifyCall: stale).
           AND NOT (c.answered_at IS NULL AND c.state <> 'ended'
                    AND c.first_seen_at < ${now} - ${secs(STALE_RING_SECONDS)})
      ) x
     ORDER BY h.hour`.execute(tx);
  return r.rows;
}

/** Calls ringing now under `prefix` (not stale), by queue, with the earliest arrival of each. */
export async function waitingByQueue(
  tx: Kysely<DB>,
  o: { prefix: string; now: Date },
): Promise<{ queue: string | null; waiting: number; oldest: Date }[]> {
  const since = new Date(o.now.getTime() - STALE_RING_SECONDS * 1000);
  const r = await sql<{ queue: string | null; waiting: number; oldest: Date }>`
    SELECT c.queue, count(*)::int AS waiting, min(c.first_seen_at) AS oldest
      FROM contact_calls c
     WHERE c.state = 'ringing' AND c.answered_at IS NULL
       AND c.first_seen_at >= ${since}
       AND c.unit_path LIKE ${under(o.prefix)}
       AND ${OFFERED}
     GROUP BY c.queue
     ORDER BY count(*) DESC, c.queue NULLS LAST`.execute(tx);
  return r.rows;
}

/** Agents under `prefix` (enabled users) by state and reason, with the earliest state start. */
export async function agentsByState(
  tx: Kysely<DB>,
  prefix: string,
): Promise<{ state: string; reason: string | null; n: number; since: Date }[]> {
  const r = await sql<{ state: string; reason: string | null; n: number; since: Date }>`
    SELECT a.state, a.reason, count(*)::int AS n, min(a.state_since) AS since
      FROM contact_agents a
      JOIN users u ON u.id = a.user_id
     WHERE a.unit_path LIKE ${under(prefix)} AND NOT u.disabled
     GROUP BY a.state, a.reason`.execute(tx);
  return r.rows;
}
