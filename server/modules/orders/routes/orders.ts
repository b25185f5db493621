import { z } from 'zod';
import {
  BulkReassignInput,
  BulkReassignResult,
  CreateOrderInput,
  OrderActionInput,
  OrderActionParams,
  OrderDetail,
  OrderList,
  OrderListQuery,
  OrderSla,
} from '../../../../common/schemas/orders.js';
import { Id, NoQuery } from '../../../../common/schemas/primitives.js';
import { UnitList } from '../../../../common/schemas/units.js';
import { actorOf, metaOf, type App } from '../../../http/context.js';
import { idempotencyOf } from '../../../http/idempotency.js';
import { writeTransaction } from '../../../http/transaction.js';
import { langFrom } from '../../../platform/lang.js';
import { authorize } from '../../auth/index.js';
import { actOnOrder } from '../service/act-on-order.js';
import { bulkReassign } from '../service/bulk-reassign.js';
import { dispatchUnits } from '../service/dispatch-units.js';
import { explainOrderSla } from '../service/explain-sla.js';
import { getOrderDetail, listOrders } from '../service/order-view.js';
import { OrderIntakeQueue } from '../service/intake-queue.js';

const Params = z.strictObject({ id: Id });
const tags = ['orders'];

export function orderRoutes(app: App): void {
  const db = () => app.deps.database.db;
  const intake = new OrderIntakeQueue(db);

  app.post(
    '/api/orders',
    {
      schema: {
        tags,
        summary: '受理工单 Accept an order: routed, timed and recorded at once',
        body: CreateOrderInput,
        response: { 201: OrderDetail },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'order.create');
      const { body } = await intake.submit({
        actor,
        meta: metaOf(request),
        now: new Date(),
        input: request.body,
        idempotency: idempotencyOf(request),
      });
      return reply.status(201).send(body);
    },
  );

  app.get(
    '/api/orders',
    {
      schema: {
        tags,
        summary: '工单列表 Orders by type, state, unit, SLA status, customer, time or words',
        querystring: OrderListQuery,
        response: { 200: OrderList },
      },
    },
    async (request) => listOrders({ tx: db(), actor: actorOf(request) }, request.query),
  );

  app.post(
    '/api/orders/bulk-reassign',
    {
      schema: {
        tags,
        summary: '批量改派 Reassign many orders to one unit',
        body: BulkReassignInput,
        response: { 200: BulkReassignResult },
      },
    },
    async (request) =>
      bulkReassign(
        db(),
        actorOf(request),
        metaOf(request),
        request.body,
        langFrom(request.headers['accept-language']),
      ),
  );

  app.get(
    '/api/orders/units',
    {
      schema: {
        tags,
        summary: '可派发单位 Units you may dispatch an order to or locate it in',
        querystring: NoQuery,
        response: { 200: UnitList },
      },
    },
    async (request) => dispatchUnits({ tx: db(), actor: actorOf(request) }),
  );

  app.get(
    '/api/orders/:id',
    {
      schema: {
        tags,
        summary: '工单详情 An order with its timeline, clocks and the actions you may take',
        params: Params,
        response: { 200: OrderDetail },
      },
    },
    async (request) => getOrderDetail({ tx: db(), actor: actorOf(request) }, request.params.id),
  );

  app.get(
    '/api/orders/:id/sla',
    {
      schema: {
        tags,
        summary: '时限说明 Every deadline of an order explained',
        params: Params,
        response: { 200: OrderSla },
      },
    },
    async (request) =>
      explainOrderSla({ tx: db(), actor: actorOf(request), now: new Date() }, request.params.id),
  );

  app.post(
    '/api/orders/:id/actions/:action',
    {
      schema: {
        tags,
        summary: '工单操作 Dispatch, acknowledge, return, review, call back, archive, …',
        params: OrderActionParams,
        body: OrderActionInput,
        response: { 200: OrderDetail },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return writeTransaction(db(), (tx) =>
        actOnOrder(
          { tx, actor, meta: metaOf(request), now: new Date() },
          request.params.id,
          request.params.action,
          request.body,
        ),
      );
    },
  );
}
