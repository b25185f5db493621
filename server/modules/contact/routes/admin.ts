/** HTTP routes of the telephone's administration: PBX integrations, blocked callers, skills, queues, settings. */
import { z } from 'zod';
import {
  BlockedNumber,
  BlockedNumberList,
  ContactSettings,
  ContactSettingsInput,
  ContactSettingsQuery,
  CreateBlockedInput,
  CreateIntegrationInput,
  CreateQueueInput,
  CreateSkillInput,
  CreatedIntegration,
  Integration,
  IntegrationList,
  Queue,
  QueueList,
  Skill,
  SkillList,
  UpdateBlockedInput,
  UpdateQueueInput,
  UpdateSkillInput,
} from '../../../../common/schemas/contact.js';
import { Id, NoQuery } from '../../../../common/schemas/primitives.js';
import { actorOf, metaOf, type App } from '../../../http/context.js';
import { writeTransaction } from '../../../http/transaction.js';
import {
  blockNumber,
  changeQueue,
  changeSkill,
  createIntegration,
  createQueue,
  createSkill,
  listBlocked,
  listIntegrations,
  listQueues,
  listSkills,
  putSettings,
  removeQueue,
  revokeIntegrationById,
  settingsOf,
  unblockNumber,
  updateBlocked,
} from '../service/admin.js';
import type { ContactCtx } from '../service/context.js';

const Params = z.strictObject({ id: Id });
const tags = ['contact'];
const list = <T>(items: T[]) => ({ items, total: items.length });

export function adminRoutes(app: App): void {
  const db = () => app.deps.database.db;
  const read = (request: Parameters<typeof actorOf>[0]) => ({
    tx: db(),
    actor: actorOf(request),
    now: new Date(),
  });
  const write = <T>(
    request: Parameters<typeof actorOf>[0],
    run: (ctx: ContactCtx) => Promise<T>,
  ) => {
    const actor = actorOf(request);
    const meta = metaOf(request);
    const notify = app.deps.database.kind === 'postgres';
    return writeTransaction(db(), (tx) => run({ tx, actor, meta, now: new Date(), notify }));
  };

  app.get(
    '/api/contact/integrations',
    {
      schema: {
        tags,
        summary: '话务接入令牌 PBX integrations',
        querystring: NoQuery,
        response: { 200: IntegrationList },
      },
    },
    async (request) => list(await listIntegrations(read(request))),
  );
  app.post(
    '/api/contact/integrations',
    {
      schema: {
        tags,
        summary: '新建接入令牌 Create a PBX integration; the secret is shown once',
        body: CreateIntegrationInput,
        response: { 201: CreatedIntegration },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await write(request, (ctx) => createIntegration(ctx, request.body))),
  );
  app.delete(
    '/api/contact/integrations/:id',
    {
      schema: {
        tags,
        summary: '吊销接入令牌 Revoke a PBX integration',
        params: Params,
        response: { 200: Integration },
      },
    },
    async (request) => write(request, (ctx) => revokeIntegrationById(ctx, request.params.id)),
  );

  app.get(
    '/api/contact/blocked',
    {
      schema: {
        tags,
        summary: '来电黑名单 Blocked callers',
        querystring: NoQuery,
        response: { 200: BlockedNumberList },
      },
    },
    async (request) => list(await listBlocked(read(request))),
  );
  app.post(
    '/api/contact/blocked',
    {
      schema: {
        tags,
        summary: '加入黑名单 Block a caller',
        body: CreateBlockedInput,
        response: { 201: BlockedNumber },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await write(request, (ctx) => blockNumber(ctx, request.body))),
  );
  app.patch(
    '/api/contact/blocked/:id',
    {
      schema: {
        tags,
        summary: '修改黑名单备注 Change a blocked caller’s note',
        params: Params,
        body: UpdateBlockedInput,
        response: { 200: BlockedNumber },
      },
    },
    async (request) => write(request, (ctx) => updateBlocked(ctx, request.params.id, request.body)),
  );
  app.delete(
    '/api/contact/blocked/:id',
    {
      schema: {
        tags,
        summary: '移出黑名单 Unblock a caller',
        params: Params,
        response: { 200: BlockedNumber },
      },
    },
    async (request) => write(request, (ctx) => unblockNumber(ctx, request.params.id)),
  );

  app.get(
    '/api/contact/skills',
    {
      schema: {
        tags,
        summary: '技能 Skills',
        querystring: NoQuery,
        response: { 200: SkillList },
      },
    },
    async (request) => list(await listSkills(read(request))),
  );
  app.post(
    '/api/contact/skills',
    {
      schema: {
        tags,
        summary: '新建技能 Create a skill',
        body: CreateSkillInput,
        response: { 201: Skill },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await write(request, (ctx) => createSkill(ctx, request.body))),
  );
  app.patch(
    '/api/contact/skills/:id',
    {
      schema: {
        tags,
        summary: '修改技能 Rename or (de)activate a skill',
        params: Params,
        body: UpdateSkillInput,
        response: { 200: Skill },
      },
    },
    async (request) => write(request, (ctx) => changeSkill(ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/contact/queues',
    {
      schema: {
        tags,
        summary: '队列与技能 PBX queues and their skills',
        querystring: NoQuery,
        response: { 200: QueueList },
      },
    },
    async (request) => list(await listQueues(read(request))),
  );
  app.post(
    '/api/contact/queues',
    {
      schema: {
        tags,
        summary: '新建队列映射 Map a PBX queue to a skill',
        body: CreateQueueInput,
        response: { 201: Queue },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await write(request, (ctx) => createQueue(ctx, request.body))),
  );
  app.patch(
    '/api/contact/queues/:id',
    {
      schema: {
        tags,
        summary: '修改队列技能 Change a queue’s skill',
        params: Params,
        body: UpdateQueueInput,
        response: { 200: Queue },
      },
    },
    async (request) => write(request, (ctx) => changeQueue(ctx, request.params.id, request.body)),
  );
  app.delete(
    '/api/contact/queues/:id',
    {
      schema: {
        tags,
        summary: '删除队列映射 Remove a queue mapping',
        params: Params,
        response: { 200: Queue },
      },
    },
    async (request) => write(request, (ctx) => removeQueue(ctx, request.params.id)),
  );

  app.get(
    '/api/contact/settings',
    {
      schema: {
        tags,
        summary: '话务设置 After-call-work limit of a unit',
        querystring: ContactSettingsQuery,
        response: { 200: ContactSettings },
      },
    },
    async (request) => settingsOf(read(request), request.query.unitId),
  );
  app.put(
    '/api/contact/settings',
    {
      schema: {
        tags,
        summary: '修改话务设置 Set a unit’s after-call-work limit',
        body: ContactSettingsInput,
        response: { 200: ContactSettings },
      },
    },
    async (request) => write(request, (ctx) => putSettings(ctx, request.body)),
  );
}
