/**
 * HTTP routes of the repair module: the crew register, the board and dispatch (fault orders and
 * outages), the crew view. Photos of a job: photo-routes.ts.
 */
import { z } from 'zod';
import {
  AreaNodeList,
  AreaNodeQuery,
  Crew,
  CrewHistory,
  CrewInput,
  CrewList,
  CrewListQuery,
  CrewStateInput,
  CrewSuggestion,
  CrewUpdate,
  DispatchInput,
  Job,
  JobActionInput,
  JobActionParams,
  MyCrewStateInput,
  MyJobs,
  OutageCrewSuggestion,
  OutageDispatchInput,
  RepairBoard,
} from '../../../common/schemas/repair.js';
import { Id, NoQuery } from '../../../common/schemas/primitives.js';
import { actorOf, metaOf, type App } from '../../http/context.js';
import { writeTransaction } from '../../http/transaction.js';
import {
  createCrew,
  crewHistory,
  dispatcherSetsCrewState,
  getCrew,
  listCrews,
  updateCrew,
} from './service/crews.js';
import { findAreaNodes } from './service/area-nodes.js';
import { repairBoard } from './service/board.js';
import { dispatchToCrew, suggestCrews } from './service/dispatch.js';
import { actOnJob, memberSetsCrewState, myJobs } from './service/job-actions.js';
import { dispatchOutage, suggestCrewsForOutage } from './service/outage-dispatch.js';

const Params = z.strictObject({ id: Id });
const tags = ['repair'];

export function repairRoutes(app: App): void {
  const db = () => app.deps.database.db;
  const write = <T>(
    request: Parameters<typeof actorOf>[0],
    run: (ctx: Parameters<typeof createCrew>[0]) => Promise<T>,
  ) => {
    const actor = actorOf(request);
    const meta = metaOf(request);
    return writeTransaction(db(), (tx) => run({ tx, actor, meta, now: new Date() }));
  };

  app.get(
    '/api/repair/crews',
    {
      schema: {
        tags,
        summary: '抢修队伍 Crews in your area with their state and current jobs',
        querystring: CrewListQuery,
        response: { 200: CrewList },
      },
    },
    async (request) => listCrews({ tx: db(), actor: actorOf(request) }, request.query),
  );

  app.post(
    '/api/repair/crews',
    {
      schema: {
        tags,
        summary: '新建抢修队伍 Register a crew',
        body: CrewInput,
        response: { 201: Crew },
      },
    },
    async (request, reply) => {
      const crew = await write(request, (ctx) => createCrew(ctx, request.body));
      return reply.status(201).send(crew);
    },
  );

  app.get(
    '/api/repair/crews/:id',
    {
      schema: { tags, summary: '队伍详情 A crew', params: Params, response: { 200: Crew } },
    },
    async (request) => getCrew({ tx: db(), actor: actorOf(request) }, request.params.id),
  );

  app.patch(
    '/api/repair/crews/:id',
    {
      schema: {
        tags,
        summary: '修改抢修队伍 Change a crew (members, area, shift, active)',
        params: Params,
        body: CrewUpdate,
        response: { 200: Crew },
      },
    },
    async (request) => write(request, (ctx) => updateCrew(ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/repair/crews/:id/state',
    {
      schema: {
        tags,
        summary: '设置在岗状态 Put a crew on or off duty',
        params: Params,
        body: CrewStateInput,
        response: { 200: Crew },
      },
    },
    async (request) =>
      write(request, (ctx) => dispatcherSetsCrewState(ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/repair/crews/:id/history',
    {
      schema: {
        tags,
        summary: '状态记录 A crew’s state history',
        params: Params,
        response: { 200: CrewHistory },
      },
    },
    async (request) => crewHistory({ tx: db(), actor: actorOf(request) }, request.params.id),
  );

  app.get(
    '/api/repair/board',
    {
      schema: {
        tags,
        summary:
          '抢修调度看板 Crews, their jobs, outages in progress, and fault orders waiting for a crew',
        querystring: NoQuery,
        response: { 200: RepairBoard },
      },
    },
    // A write: jobs whose work went elsewhere are closed before the board is read.
    async (request) => write(request, (ctx) => repairBoard(ctx)),
  );

  app.get(
    '/api/repair/outages/:id/suggestion',
    {
      schema: {
        tags,
        summary: '停电推荐队伍 Crews for an outage in progress, the suggested one first',
        params: Params,
        response: { 200: OutageCrewSuggestion },
      },
    },
    async (request) =>
      suggestCrewsForOutage({ tx: db(), actor: actorOf(request) }, request.params.id),
  );

  app.post(
    '/api/repair/outage-jobs',
    {
      schema: {
        tags,
        summary: '停电派工 Offer an outage in progress to a crew (replace: re-dispatch)',
        body: OutageDispatchInput,
        response: { 201: Job },
      },
    },
    async (request, reply) => {
      const job = await write(request, (ctx) => dispatchOutage(ctx, request.body));
      return reply.status(201).send(job);
    },
  );

  app.get(
    '/api/repair/area-nodes',
    {
      schema: {
        tags,
        summary: '服务区域选择 Feeders and transformers by code or name, for a crew’s area',
        querystring: AreaNodeQuery,
        response: { 200: AreaNodeList },
      },
    },
    async (request) => findAreaNodes({ tx: db(), actor: actorOf(request) }, request.query),
  );

  app.get(
    '/api/repair/orders/:id/suggestion',
    {
      schema: {
        tags,
        summary: '推荐队伍 Crews for a fault order, the suggested one first',
        params: Params,
        response: { 200: CrewSuggestion },
      },
    },
    async (request) => suggestCrews({ tx: db(), actor: actorOf(request) }, request.params.id),
  );

  app.post(
    '/api/repair/jobs',
    {
      schema: {
        tags,
        summary: '派抢修 Offer a fault order to a crew',
        body: DispatchInput,
        response: { 201: Job },
      },
    },
    async (request, reply) => {
      const job = await write(request, (ctx) => dispatchToCrew(ctx, request.body));
      return reply.status(201).send(job);
    },
  );

  app.get(
    '/api/crew/jobs',
    {
      schema: {
        tags,
        summary: '我的抢修 Your crews and their jobs',
        querystring: NoQuery,
        response: { 200: MyJobs },
      },
    },
    // A write: jobs whose work went elsewhere are closed before the view is read.
    async (request) => write(request, (ctx) => myJobs(ctx)),
  );

  app.post(
    '/api/crew/state',
    {
      schema: {
        tags,
        summary: '上下班 Put your crew on or off duty',
        body: MyCrewStateInput,
        response: { 200: Crew },
      },
    },
    async (request) => write(request, (ctx) => memberSetsCrewState(ctx, request.body)),
  );

  app.post(
    '/api/crew/jobs/:id/actions/:action',
    {
      schema: {
        tags,
        summary: '抢修操作 Accept, send back, depart, arrive, complete',
        params: JobActionParams,
        body: JobActionInput,
        response: { 200: Job },
      },
    },
    async (request) =>
      write(request, (ctx) =>
        actOnJob(ctx, request.params.id, request.params.action, request.body),
      ),
  );
}
