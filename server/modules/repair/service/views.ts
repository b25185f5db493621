/** Loading crews and jobs with what they show: members, areas, orders, names. */
import type { Crew, Job, JobState } from '../../../../common/schemas/repair.js';
import { jobActionsIn } from '../machine.js';
import { presentCrew, presentJob, presentOrder } from '../presenters.js';
import { areasOf, membersOf, type CrewRow } from '../store/crews.js';
import { liveJobsOf, type JobRow } from '../store/jobs.js';
import { ordersByIds, unitNames, userNames } from '../store/refs.js';
import type { ReadCtx } from './context.js';

/**
 * Jobs as the API shows them. Actions are offered only to members of the job's crew
 * (`memberOf`), and only when they hold repair.work.
 */
export async function jobViews(
  ctx: ReadCtx,
  jobs: JobRow[],
  crewNames: Map<string, string>,
  memberOf: ReadonlySet<string> = new Set(),
): Promise<Job[]> {
  const orders = await ordersByIds(
    ctx.tx,
    jobs.flatMap((j) => (j.order_id ? [j.order_id] : [])),
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
      offeredByName: people.get(j.offered_by) ?? '',
      allowedActions: works && memberOf.has(j.crew_id) ? jobActionsIn(j.state as JobState) : [],
    });
  });
}

/** Crews with their members, service areas and the jobs they hold now. */
export async function crewViews(ctx: ReadCtx, crews: CrewRow[]): Promise<Crew[]> {
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
