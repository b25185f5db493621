import { z } from 'zod';
import {
  CreateRoutingRuleInput,
  CreateSavedViewInput,
  CreateSlaRuleInput,
  PublishTaxonomyInput,
  RoutingRule,
  RoutingRuleList,
  SavedView,
  SavedViewList,
  SlaRule,
  SlaRuleList,
  TaxonomyQuery,
  TaxonomyVersion,
  UpdateRoutingRuleInput,
  UpdateSlaRuleInput,
} from '../../../../common/schemas/orders.js';
import { Id, NoQuery } from '../../../../common/schemas/primitives.js';
import { actorOf, metaOf, type App } from '../../../http/context.js';
import { idempotentCreate } from '../../../http/idempotency.js';
import { writeTransaction } from '../../../http/transaction.js';
import {
  createRoutingRule,
  createSlaRule,
  editRoutingRule,
  editSlaRule,
  getTaxonomyVersion,
  publishTaxonomy,
  routingRules,
  slaRules,
} from '../service/settings.js';
import { removeView, savedViews, saveView } from '../service/views.js';

const Params = z.strictObject({ id: Id });
const tags = ['order settings'];

export function settingsRoutes(app: App): void {
  const db = () => app.deps.database.db;
  const ctx = (request: Parameters<typeof actorOf>[0], tx = db()) => ({
    tx,
    actor: actorOf(request),
    meta: metaOf(request),
  });

  app.get(
    '/api/order-types',
    {
      schema: {
        tags,
        summary: '业务分类 The order taxonomy (current or a given version)',
        querystring: TaxonomyQuery,
        response: { 200: TaxonomyVersion },
      },
    },
    async (request) => getTaxonomyVersion(ctx(request), request.query.version),
  );

  app.put(
    '/api/order-types',
    {
      schema: {
        tags,
        summary: '发布业务分类 Publish a new taxonomy version',
        body: PublishTaxonomyInput,
        response: { 200: TaxonomyVersion },
      },
    },
    async (request) =>
      writeTransaction(db(), (tx) => publishTaxonomy(ctx(request, tx), request.body)),
  );

  app.get(
    '/api/order-routing-rules',
    {
      schema: {
        tags,
        summary: '派单规则 Routing rules in your scope',
        querystring: NoQuery,
        response: { 200: RoutingRuleList },
      },
    },
    async (request) => routingRules(ctx(request)),
  );

  app.post(
    '/api/order-routing-rules',
    {
      schema: {
        tags,
        summary: '新建派单规则 Add a routing rule',
        body: CreateRoutingRuleInput,
        response: { 201: RoutingRule },
      },
    },
    async (request, reply) => {
      const c = ctx(request);
      const { body } = await idempotentCreate(db(), request, c.actor.userId, (tx) =>
        createRoutingRule({ ...c, tx }, request.body),
      );
      return reply.status(201).send(body);
    },
  );

  app.patch(
    '/api/order-routing-rules/:id',
    {
      schema: {
        tags,
        summary: '修改派单规则 Change a routing rule',
        params: Params,
        body: UpdateRoutingRuleInput,
        response: { 200: RoutingRule },
      },
    },
    async (request) =>
      writeTransaction(db(), (tx) =>
        editRoutingRule(ctx(request, tx), request.params.id, request.body),
      ),
  );

  app.get(
    '/api/order-sla-rules',
    {
      schema: {
        tags,
        summary: '时限规则 Time-limit rules in your scope',
        querystring: NoQuery,
        response: { 200: SlaRuleList },
      },
    },
    async (request) => slaRules(ctx(request)),
  );

  app.post(
    '/api/order-sla-rules',
    {
      schema: {
        tags,
        summary: '新建时限规则 Add a unit time-limit rule',
        body: CreateSlaRuleInput,
        response: { 201: SlaRule },
      },
    },
    async (request, reply) => {
      const c = ctx(request);
      const { body } = await idempotentCreate(db(), request, c.actor.userId, (tx) =>
        createSlaRule({ ...c, tx }, request.body),
      );
      return reply.status(201).send(body);
    },
  );

  app.patch(
    '/api/order-sla-rules/:id',
    {
      schema: {
        tags,
        summary: '修改时限规则 Change a time-limit rule',
        params: Params,
        body: UpdateSlaRuleInput,
        response: { 200: SlaRule },
      },
    },
    async (request) =>
      writeTransaction(db(), (tx) =>
        editSlaRule(ctx(request, tx), request.params.id, request.body),
      ),
  );

  app.get(
    '/api/orders/views',
    {
      schema: {
        tags: ['orders'],
        summary: '我的视图 Your saved order filters',
        querystring: NoQuery,
        response: { 200: SavedViewList },
      },
    },
    async (request) => savedViews(ctx(request)),
  );

  app.post(
    '/api/orders/views',
    {
      schema: {
        tags: ['orders'],
        summary: '保存视图 Save the order filters under a name',
        body: CreateSavedViewInput,
        response: { 201: SavedView },
      },
    },
    async (request, reply) => {
      const body = await writeTransaction(db(), (tx) => saveView(ctx(request, tx), request.body));
      return reply.status(201).send(body);
    },
  );

  app.delete(
    '/api/orders/views/:id',
    { schema: { tags: ['orders'], summary: '删除视图 Delete a saved view', params: Params } },
    async (request, reply) => {
      await writeTransaction(db(), (tx) => removeView(ctx(request, tx), request.params.id));
      return reply.status(204).send();
    },
  );
}
