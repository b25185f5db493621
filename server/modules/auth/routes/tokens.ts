import { NoQuery } from '../../../../common/schemas/primitives.js';
import { z } from 'zod';
import { Id } from '../../../../common/schemas/primitives.js';
import {
  ApiToken,
  ApiTokenList,
  CreateTokenInput,
  CreatedToken,
} from '../../../../common/schemas/tokens.js';
import { actorOf, metaOf, type App } from '../../../http/context.js';
import { idempotentCreate } from '../../../http/idempotency.js';
import { principalWrite } from './principal-write.js';
import { createToken, listTokensView, revokeTokenById } from '../service/tokens.js';

const Params = z.strictObject({ id: Id });
const tags = ['tokens'];

export function tokenRoutes(app: App): void {
  const db = () => app.deps.database.db;

  app.get(
    '/api/tokens',
    {
      schema: {
        querystring: NoQuery,
        tags,
        summary: '接口令牌列表 API tokens in your scope',
        response: { 200: ApiTokenList },
      },
    },
    async (request) => {
      const items = await listTokensView({ tx: db(), actor: actorOf(request) });
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/tokens',
    {
      schema: {
        tags,
        summary: '创建接口令牌 Issue a token; the secret is shown once',
        body: CreateTokenInput,
        response: { 201: CreatedToken },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { body } = await idempotentCreate(db(), request, actor.userId, (tx) =>
        createToken({ tx, actor, meta: metaOf(request) }, request.body),
      );
      return reply.status(201).send(body);
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      schema: {
        tags,
        summary: '吊销接口令牌 Revoke a token',
        params: Params,
        response: { 200: ApiToken },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return principalWrite(db(), (tx) =>
        revokeTokenById({ tx, actor, meta: metaOf(request) }, request.params.id),
      );
    },
  );
}
