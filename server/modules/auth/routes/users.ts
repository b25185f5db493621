import { z } from 'zod';
import { Id } from '../../../../common/schemas/primitives.js';
import {
  CreateUserInput,
  ListUsersQuery,
  UpdateUserInput,
  User,
  UserList,
  UserWithTemporaryPassword,
} from '../../../../common/schemas/users.js';
import { actorOf, metaOf, type App } from '../../../http/context.js';
import { idempotentCreate } from '../../../http/idempotency.js';
import { principalWrite } from './principal-write.js';
import {
  createUser,
  getUserView,
  listUsersView,
  lockUser,
  resetPassword,
  unlockUser,
  updateUserDetails,
} from '../service/users.js';

const Params = z.strictObject({ id: Id });
// These actions take no input. Fastify validates a missing body as null, so a request without one
// (or with {}) is accepted; anything else is refused.
const Empty = z.strictObject({}).nullish();
const tags = ['users'];

export function userRoutes(app: App): void {
  const db = () => app.deps.database.db;

  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: '用户列表 Users in your scope',
        querystring: ListUsersQuery,
        response: { 200: UserList },
      },
    },
    async (request) => listUsersView({ tx: db(), actor: actorOf(request) }, request.query),
  );

  app.get(
    '/api/users/:id',
    { schema: { tags, summary: '用户详情 One user', params: Params, response: { 200: User } } },
    async (request) => getUserView({ tx: db(), actor: actorOf(request) }, request.params.id),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: '新建用户 Create a user; the temporary password is returned once',
        body: CreateUserInput,
        response: { 201: UserWithTemporaryPassword },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { body } = await idempotentCreate(db(), request, actor.userId, (tx) =>
        createUser({ tx, actor, meta: metaOf(request) }, request.body),
      );
      return reply.status(201).send(body);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: '修改用户 Change name, roles, unit or contacts',
        params: Params,
        body: UpdateUserInput,
        response: { 200: User },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return principalWrite(db(), (tx) =>
        updateUserDetails({ tx, actor, meta: metaOf(request) }, request.params.id, request.body),
      );
    },
  );

  for (const [action, run, summary] of [
    ['lock', lockUser, '锁定用户 Lock an account and end its sessions'],
    ['unlock', unlockUser, '解锁用户 Unlock an account'],
  ] as const) {
    app.post(
      `/api/users/:id/${action}`,
      { schema: { tags, summary, params: Params, body: Empty, response: { 200: User } } },
      async (request) => {
        const actor = actorOf(request);
        return principalWrite(db(), (tx) =>
          run({ tx, actor, meta: metaOf(request) }, request.params.id),
        );
      },
    );
  }

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码 Set a temporary password that must be changed at next login',
        params: Params,
        body: Empty,
        response: { 200: UserWithTemporaryPassword },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return principalWrite(db(), (tx) =>
        resetPassword({ tx, actor, meta: metaOf(request) }, request.params.id),
      );
    },
  );
}
