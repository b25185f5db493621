import { z } from 'zod';
import {
  ByPhoneParams,
  ByPhoneResult,
  CreateCustomerInput,
  CustomerDetail,
  CustomerHistory,
  CustomerHistoryQuery,
  CustomerList,
  CustomerListQuery,
  CustomerSearchResult,
  RevealInput,
  RevealResult,
  SearchCustomersQuery,
  UpdateCustomerInput,
} from '../../../../common/schemas/customers.js';
import { Id } from '../../../../common/schemas/primitives.js';
import { actorOf, metaOf, type App } from '../../../http/context.js';
import { idempotentCreate } from '../../../http/idempotency.js';
import { writeTransaction } from '../../../http/transaction.js';
import { customerHistory, getCustomerDetail, listCustomersView } from '../service/customer-view.js';
import { createCustomer, updateCustomer } from '../service/edit-customer.js';
import { lookUpByPhone, searchCustomers } from '../service/lookup.js';
import { revealCustomer } from '../service/reveal.js';

const Params = z.strictObject({ id: Id });
const tags = ['customers'];

export function customerRoutes(app: App): void {
  const db = () => app.deps.database.db;

  app.get(
    '/api/customers/search',
    {
      schema: {
        tags,
        summary: '客户查询 One box: phone, 户号, meter number, name or address',
        querystring: SearchCustomersQuery,
        response: { 200: CustomerSearchResult },
      },
    },
    async (request) =>
      searchCustomers({ tx: db(), actor: actorOf(request) }, request.query.q, request.query.limit),
  );

  app.get(
    '/api/customers/by-phone/:phone',
    {
      schema: {
        tags,
        summary: '来电识别 Customers with this phone, with grid path and marks',
        params: ByPhoneParams,
        response: { 200: ByPhoneResult },
      },
    },
    async (request) => lookUpByPhone({ tx: db(), actor: actorOf(request) }, request.params.phone),
  );

  app.get(
    '/api/customers',
    {
      schema: {
        tags,
        summary: '客户列表 Customers by unit, class, mark or segment',
        querystring: CustomerListQuery,
        response: { 200: CustomerList },
      },
    },
    async (request) => listCustomersView({ tx: db(), actor: actorOf(request) }, request.query),
  );

  app.get(
    '/api/customers/:id',
    {
      schema: {
        tags,
        summary: '客户360视图 The 360° view of one customer',
        params: Params,
        response: { 200: CustomerDetail },
      },
    },
    async (request) => getCustomerDetail({ tx: db(), actor: actorOf(request) }, request.params.id),
  );

  app.get(
    '/api/customers/:id/history',
    {
      schema: {
        tags,
        summary: '变更历史 Changes to a customer, newest first',
        params: Params,
        querystring: CustomerHistoryQuery,
        response: { 200: CustomerHistory },
      },
    },
    async (request) =>
      customerHistory({ tx: db(), actor: actorOf(request) }, request.params.id, request.query),
  );

  app.post(
    '/api/customers',
    {
      schema: {
        tags,
        summary: '新建客户 Open a customer account in the archive',
        body: CreateCustomerInput,
        response: { 201: CustomerDetail },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { body } = await idempotentCreate(db(), request, actor.userId, (tx) =>
        createCustomer({ tx, actor, meta: metaOf(request) }, request.body),
      );
      return reply.status(201).send(body);
    },
  );

  app.patch(
    '/api/customers/:id',
    {
      schema: {
        tags,
        summary: '修改客户 Change archive fields, contacts or marks',
        params: Params,
        body: UpdateCustomerInput,
        response: { 200: CustomerDetail },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return writeTransaction(db(), (tx) =>
        updateCustomer({ tx, actor, meta: metaOf(request) }, request.params.id, request.body),
      );
    },
  );

  app.post(
    '/api/customers/:id/reveal',
    {
      schema: {
        tags,
        summary: '查看原文 Reveal masked personal data (audited)',
        params: Params,
        body: RevealInput,
        response: { 200: RevealResult },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return writeTransaction(db(), (tx) =>
        revealCustomer({ tx, actor, meta: metaOf(request) }, request.params.id, request.body),
      );
    },
  );
}
