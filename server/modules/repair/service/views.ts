/** Loading crews and jobs with what they show: members, areas, orders, outages, names. */
import type {
  Crew,
  Job,
  JobOutage,
  JobState,
  OutageCommitments,
} from '../../../../common/schemas/repair.js';
import { jobActionsIn } from '../machine.js';
import { outageCommitments, worstAreaClass } from '../outage-commitments.js';
import { presentCrew, presentJob, presentOrder, presentOutage } from '../presenters.js';
import { areasOf, membersOf, type CrewRow } from '../store/crews.js';
import { liveJobsOf, type JobRow } from '../store/jobs.js';
import { areaClassesOf, outagesByIds, scopeNodesOf, type OutageFacts } from '../store/outages.js';
import { ordersByIds, unitNames, userNames } from '../store/refs.js';
import type { ReadCtx } from './context.js';

/** Outages as jobs and the board show them, with what their clocks need. */
export interface OutageViews {
  facts: Map<string, OutageFacts>;
  shown: Map<string, JobOutage>;
  /** The clocks of an outage given the arrival of the crew (null: none yet). */
  commitments: (outageId: string, arrivedAt: Date | null) => OutageCommitments | null;
}

export async function outageViews(
  ctx: ReadCtx,
  ids: readonly string[],
  now: Date,
): Promise<OutageViews> {
  const [facts, scopes, classes] = await Promise.all([
    outagesByIds(ctx.tx, ids),
    scopeNodesOf(ctx.tx, ids),
    areaClassesOf(ctx.tx, ids),
  ]);
  const shown = new Map([...facts].map(([id, o]) => [id, presentOutage(o, scopes.get(id) ?? [])]));
  return {
    facts,
    shown,
    commitments: (id, arrivedAt) => {
      const o = facts.get(id);
      if (!o) return null;
      return outageCommitments(
        {
          areaClass: worstAreaClass(classes.get(id) ?? []),
          startedAt: o.started_at ?? o.created_at,
          arrivedAt,
          restoredAt: o.restored_at,
        },
        now,
      );
    },
  };
}

/**
 * Jobs as the API shows them. Actions are offered only to members of the job's crew
 * (`memberOf`), and only when they hold repair.work.
 */
export async function jobViews(
  ctx: ReadCtx & { now?: Date },
  jobs: JobRow[],
  crewNames: Map<string, string>,
  memberOf: ReadonlySet<string> = new Set(),
): Promise<Job[]> {
  const orders = await ordersByIds(
    ctx.tx,
    jobs.flatMap((j) => (j.order_id ? [j.order_id] : [])),
  );
  const outages = await outageViews(
    ctx,
    jobs.flatMap((j) => (j.outage_id ? [j.outage_id] : [])),
    ctx.now ?? new Date(),
  );
  const people = await userNames(
    ctx.tx,
    jobs.map((j) => j.offered_by),
  );
  const works = ctx.actor.permissions.includes('repair.work');
  return jobs.map((j) => {
    const o = j.order_id ? orders.get(j.order_id) : undefined;
    return presentJob(j, {
      crewName: crewNames.get(j.crew_id) ?? '',
      order: o ? presentOrder(ctx.actor, o) : null,
      outage: j.outage_id ? (outages.shown.get(j.outage_id) ?? null) : null,
      commitments: j.outage_id
        ? outages.commitments(j.outage_id, j.arrived_at ? new Date(j.arrived_at) : null)
        : null,
      offeredByName: people.get(j.offered_by) ?? '',
      allowedActions: works && memberOf.has(j.crew_id) ? jobActionsIn(j.state as JobState) : [],
    });
  });
}

/** Crews with their members, service areas and the jobs they hold now. */
export async function crewViews(ctx: ReadCtx & { now?: Date }, crews: CrewRow[]): Promise<Crew[]> {
  const ids = crews.map((c) => c.id);
  const [members, areas, jobs, units, leaders] = await Promise.all([
    membersOf(ctx.tx, ids),
    areasOf(ctx.tx, ids),
    liveJobsOf(ctx.tx, ids),
    unitNames(
      ctx.tx,
      crews.map((c) => c.org_id),
    ),
    userNames(
      ctx.tx,
      crews.flatMap((c) => (c.leader_id ? [c.leader_id] : [])),
    ),
  ]);
  const names = new Map(crews.map((c) => [c.id, c.name]));
  const mine = new Set(members.filter((m) => m.user_id === ctx.actor.userId).map((m) => m.crew_id));
  const jobList = await jobViews(ctx, jobs, names, mine);
  return crews.map((c) =>
    presentCrew(c, {
      unitName: units.get(c.org_id)?.name ?? '',
      leaderName: c.leader_id ? (leaders.get(c.leader_id) ?? null) : null,
      members: members.filter((m) => m.crew_id === c.id),
      areas: areas.filter((a) => a.crew_id === c.id),
      jobs: jobList.filter((j) => j.crew.id === c.id),
    }),
  );
}
