/**
 * The commitments of an outage's repair (rules.md §3), pure: the crew is on site within 45 / 90 /
 * 120 minutes of the power going off (urban / rural / remote, natural time), and power is back
 * within 3 h (urban) or 4 h (rural, remote) of arrival. Warnings at 80 % and 95 % of a limit, as
 * the orders' SLA engine does; that engine runs on orders only, so an outage is read here.
 */
import type { AreaClass } from '../../../common/customers/codes.js';
import {
  DEFAULT_THRESHOLDS,
  type SlaStatus,
  type SlaThresholds,
} from '../../../common/orders/sla.js';
import type { Commitment, OutageCommitments } from '../../../common/schemas/repair.js';

const MINUTE = 60_000;

export const ARRIVAL_MINUTES: Record<AreaClass, number> = { urban: 45, rural: 90, remote: 120 };
/** The remote class has no restoration limit of its own: it keeps the rural one. */
export const RESTORATION_MINUTES: Record<AreaClass, number> = {
  urban: 180,
  rural: 240,
  remote: 240,
};

const AREA_RANK: Record<AreaClass, number> = { urban: 0, rural: 1, remote: 2 };

/**
 * The class an outage is held to: the worst (most remote) of its transformers', since the crew
 * may have to reach any of them. No known class: urban, the strictest.
 */
export function worstAreaClass(classes: readonly AreaClass[]): AreaClass {
  let worst: AreaClass = 'urban';
  for (const c of classes) if (AREA_RANK[c] > AREA_RANK[worst]) worst = c;
  return worst;
}

/** One clock of `limitMinutes` from `startedAt`, stopped at `stoppedAt`, read at `now`. */
export function readCommitment(
  limitMinutes: number,
  startedAt: Date,
  stoppedAt: Date | null,
  now: Date,
  thresholds: SlaThresholds = DEFAULT_THRESHOLDS,
): Commitment {
  const start = startedAt.getTime();
  const span = limitMinutes * MINUTE;
  const due = start + span;
  let status: SlaStatus;
  if (stoppedAt) {
    status = stoppedAt.getTime() <= due ? 'met' : 'missed';
  } else {
    const fraction = (now.getTime() - start) / span;
    status =
      fraction >= 1
        ? 'overdue'
        : fraction >= thresholds.critical
          ? 'critical'
          : fraction >= thresholds.warning
            ? 'warning'
            : 'ok';
  }
  const at = (ms: number) => new Date(Math.round(ms)).toISOString();
  return {
    limitMinutes,
    startedAt: at(start),
    dueAt: at(due),
    warningAt: at(start + span * thresholds.warning),
    criticalAt: at(start + span * thresholds.critical),
    stoppedAt: stoppedAt ? stoppedAt.toISOString() : null,
    status,
  };
}

export interface OutageClockFacts {
  areaClass: AreaClass;
  /** When the power went off. */
  startedAt: Date;
  /** The crew's arrival on site; null before. */
  arrivedAt: Date | null;
  /** Power back; null while the outage lasts. */
  restoredAt: Date | null;
}

/**
 * Both clocks of an outage at `now`. Power coming back before any crew arrived (switched over
 * remotely) stops the arrival clock too: nobody needs to arrive any more.
 */
export function outageCommitments(
  o: OutageClockFacts,
  now: Date,
  thresholds: SlaThresholds = DEFAULT_THRESHOLDS,
): OutageCommitments {
  const arrivalStop =
    o.arrivedAt && o.restoredAt
      ? new Date(Math.min(o.arrivedAt.getTime(), o.restoredAt.getTime()))
      : (o.arrivedAt ?? o.restoredAt);
  return {
    areaClass: o.areaClass,
    arrival: readCommitment(
      ARRIVAL_MINUTES[o.areaClass],
      o.startedAt,
      arrivalStop,
      now,
      thresholds,
    ),
    restoration: o.arrivedAt
      ? readCommitment(RESTORATION_MINUTES[o.areaClass], o.arrivedAt, o.restoredAt, now, thresholds)
      : null,
  };
}
