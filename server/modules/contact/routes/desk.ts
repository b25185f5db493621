/** HTTP routes of the agent's desk and the lead's view: states, agents, calls, the screen pop. */
import { z } from 'zod';
import {
  AgentList,
  AgentListQuery,
  AgentProfileInput,
  AgentStateHistory,
  AgentStateInput,
  AgentStatesQuery,
  AgentView,
  CallDetail,
  CallList,
  CallListQuery,
  CallSummary,
  ScreenPop,
  WrapUpInput,
  AttachCallOrderInput,
} from '../../../../common/schemas/contact.js';
import { Id, NoQuery } from '../../../../common/schemas/primitives.js';
import { actorOf, metaOf, type App } from '../../../http/context.js';
import { writeTransaction } from '../../../http/transaction.js';
import {
  agentStateHistory,
  listAgents,
  myAgentView,
  setAgentProfile,
  setMyState,
} from '../service/agents.js';
import { getCall, listCalls } from '../service/calls.js';
import type { ContactCtx } from '../service/context.js';
import { screenPop } from '../service/pop.js';
import { attachOrderToCall } from '../service/call-orders.js';
import { wrapUpCall } from '../service/wrap-up.js';

const Params = z.strictObject({ id: Id });
const tags = ['contact'];

export function deskRoutes(app: App, nudge: () => void): void {
  const db = () => app.deps.database.db;
  const read = (request: Parameters<typeof actorOf>[0]) => ({
    tx: db(),
    actor: actorOf(request),
    now: new Date(),
  });
  const write = async <T>(
    request: Parameters<typeof actorOf>[0],
    run: (ctx: ContactCtx) => Promise<T>,
  ): Promise<T> => {
    const actor = actorOf(request);
    const meta = metaOf(request);
    const notify = app.deps.database.kind === 'postgres';
    const out = await writeTransaction(db(), (tx) =>
      run({ tx, actor, meta, now: new Date(), notify }),
    );
    if (!notify) nudge();
    return out;
  };

  app.get(
    '/api/contact/me',
    {
      schema: {
        tags,
        summary: '我的坐席状态 Your agent state, skills and current call',
        querystring: NoQuery,
        response: { 200: AgentView },
      },
    },
    async (request) => myAgentView(read(request)),
  );

  app.put(
    '/api/contact/me/state',
    {
      schema: {
        tags,
        summary: '签入/就绪/示忙/小休/签出 Set your agent state',
        body: AgentStateInput,
        response: { 200: AgentView },
      },
    },
    async (request) => write(request, (ctx) => setMyState(ctx, request.body)),
  );

  app.get(
    '/api/contact/agents',
    {
      schema: {
        tags,
        summary: '坐席监控 Agents in your area with state, time in state and current call',
        querystring: AgentListQuery,
        response: { 200: AgentList },
      },
    },
    async (request) => listAgents(read(request), request.query),
  );

  app.get(
    '/api/contact/agents/:id/states',
    {
      schema: {
        tags,
        summary: '坐席状态记录 An agent’s states between two times, with totals per state',
        params: Params,
        querystring: AgentStatesQuery,
        response: { 200: AgentStateHistory },
      },
    },
    async (request) => agentStateHistory(read(request), request.params.id, request.query),
  );

  app.put(
    '/api/contact/agents/:id/profile',
    {
      schema: {
        tags,
        summary: '坐席技能 An agent’s extension and skills',
        params: Params,
        body: AgentProfileInput,
        response: { 200: AgentView },
      },
    },
    async (request) =>
      write(request, (ctx) => setAgentProfile(ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/contact/calls',
    {
      schema: {
        tags,
        summary: '通话记录 Calls in your area, newest first',
        querystring: CallListQuery,
        response: { 200: CallList },
      },
    },
    async (request) => listCalls(read(request), request.query),
  );

  app.get(
    '/api/contact/calls/:id',
    {
      schema: {
        tags,
        summary: '通话详情 A call with its telephony events',
        params: Params,
        response: { 200: CallDetail },
      },
    },
    async (request) => getCall(read(request), request.params.id),
  );

  app.get(
    '/api/contact/calls/:id/pop',
    {
      schema: {
        tags,
        summary: '来电弹屏 The caller’s customers, outages, orders, repeat warning and greeting',
        params: Params,
        response: { 200: ScreenPop },
      },
    },
    async (request) => screenPop(read(request), request.params.id),
  );

  app.post(
    '/api/contact/calls/:id/orders',
    {
      schema: {
        tags,
        summary: '关联工单 Attach an order you created during a call you answered, at once',
        params: Params,
        body: AttachCallOrderInput,
        response: { 200: CallSummary },
      },
    },
    async (request) =>
      write(request, (ctx) => attachOrderToCall(ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/contact/calls/:id/wrap-up',
    {
      schema: {
        tags,
        summary: '话后小结 Record how a call you answered ended (code, article, orders, note)',
        params: Params,
        body: WrapUpInput,
        response: { 200: CallSummary },
      },
    },
    async (request) => write(request, (ctx) => wrapUpCall(ctx, request.params.id, request.body)),
  );
}
