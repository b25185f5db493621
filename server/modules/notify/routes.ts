import { z } from 'zod';
import {
  CreateTemplateInput,
  CustomerChannels,
  DeliveryDetail,
  DeliveryList,
  DeliveryListQuery,
  IdParams,
  InboxList,
  InboxQuery,
  InboxReadAll,
  SetOptOutsInput,
  TemplateDetail,
  TemplateList,
  UpdateTemplateInput,
} from '../../../common/schemas/notify.js';
import { NoQuery } from '../../../common/schemas/primitives.js';
import { actorOf, metaOf, type App } from '../../http/context.js';
import { writeTransaction } from '../../http/transaction.js';
import { myInbox, readAllMessages, readMessage } from './service/inbox.js';
import { getDelivery, listDeliveryLog, retryDelivery } from './service/log.js';
import { getCustomerChannels, setCustomerOptOuts } from './service/opt-outs.js';
import { createTemplate, editTemplate, getTemplate, listTemplates } from './service/templates.js';

const tags = ['notify'];
const Done = z.object({ ok: z.literal(true) });

export function notifyRoutes(app: App): void {
  const db = () => app.deps.database.db;
  const ctx = (request: Parameters<typeof actorOf>[0]) => ({ tx: db(), actor: actorOf(request) });

  app.get(
    '/api/notify/templates',
    {
      schema: {
        tags,
        summary: '通知模板 Message templates and the variables they may use',
        querystring: NoQuery,
        response: { 200: TemplateList },
      },
    },
    async (request) => listTemplates(ctx(request)),
  );

  app.get(
    '/api/notify/templates/:id',
    {
      schema: {
        tags,
        summary: '模板详情 A template with its saved versions',
        params: IdParams,
        response: { 200: TemplateDetail },
      },
    },
    async (request) => getTemplate(ctx(request), request.params.id),
  );

  app.post(
    '/api/notify/templates',
    {
      schema: {
        tags,
        summary: '新建模板 Create a template (unknown variables are refused)',
        body: CreateTemplateInput,
        response: { 201: TemplateDetail },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const detail = await writeTransaction(db(), (tx) =>
        createTemplate({ tx, actor, meta: metaOf(request) }, request.body),
      );
      return reply.status(201).send(detail);
    },
  );

  app.patch(
    '/api/notify/templates/:id',
    {
      schema: {
        tags,
        summary: '修改模板 Change a template at the version read; each save is a new version',
        params: IdParams,
        body: UpdateTemplateInput,
        response: { 200: TemplateDetail },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return writeTransaction(db(), (tx) =>
        editTemplate({ tx, actor, meta: metaOf(request) }, request.params.id, request.body),
      );
    },
  );

  app.get(
    '/api/notify/deliveries',
    {
      schema: {
        tags,
        summary: '通知记录 The delivery log of your service area',
        querystring: DeliveryListQuery,
        response: { 200: DeliveryList },
      },
    },
    async (request) => listDeliveryLog(ctx(request), request.query),
  );

  app.get(
    '/api/notify/deliveries/:id',
    {
      schema: {
        tags,
        summary: '通知详情 A delivery with its message and attempts',
        params: IdParams,
        response: { 200: DeliveryDetail },
      },
    },
    async (request) => getDelivery(ctx(request), request.params.id),
  );

  app.post(
    '/api/notify/deliveries/:id/retry',
    {
      schema: {
        tags,
        summary: '重新发送 Send a failed delivery again',
        params: IdParams,
        response: { 200: DeliveryDetail },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return writeTransaction(db(), (tx) =>
        retryDelivery({ tx, actor, meta: metaOf(request) }, request.params.id),
      );
    },
  );

  app.get(
    '/api/notify/inbox',
    {
      schema: {
        tags,
        summary: '站内消息 Your in-app messages, newest first',
        querystring: InboxQuery,
        response: { 200: InboxList },
      },
    },
    async (request) => myInbox(ctx(request), request.query),
  );

  app.post(
    '/api/notify/inbox/:id/read',
    {
      schema: {
        tags,
        summary: '标记已读 Mark one of your messages read',
        params: IdParams,
        response: { 200: Done },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await writeTransaction(db(), (tx) =>
        readMessage({ tx, actor, meta: metaOf(request) }, request.params.id),
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/api/notify/inbox/read-all',
    {
      schema: {
        tags,
        summary: '全部已读 Mark all your messages read',
        response: { 200: InboxReadAll },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const marked = await writeTransaction(db(), (tx) =>
        readAllMessages({ tx, actor, meta: metaOf(request) }),
      );
      return { ok: true as const, marked };
    },
  );

  app.get(
    '/api/notify/customers/:id/channels',
    {
      schema: {
        tags,
        summary: '客户接收渠道 Which channels a customer takes messages on',
        params: IdParams,
        response: { 200: CustomerChannels },
      },
    },
    async (request) => getCustomerChannels(ctx(request), request.params.id),
  );

  app.put(
    '/api/notify/customers/:id/opt-outs',
    {
      schema: {
        tags,
        summary: '退订渠道 Record the channels a customer refuses',
        params: IdParams,
        body: SetOptOutsInput,
        response: { 200: CustomerChannels },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return writeTransaction(db(), (tx) =>
        setCustomerOptOuts({ tx, actor, meta: metaOf(request) }, request.params.id, request.body),
      );
    },
  );
}
