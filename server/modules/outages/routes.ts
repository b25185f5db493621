import { z } from 'zod';
import {
  AffectingAnswer,
  AffectingQuery,
  CreateMajorEventInput,
  CreateOutageInput,
  MajorEvent,
  MajorEventList,
  MajorEventListQuery,
  OutageActionInput,
  OutageActionParams,
  OutageCustomers,
  OutageCustomersQuery,
  OutageDetail,
  OutageList,
  OutageListQuery,
  UpdateOutageInput,
} from '../../../common/schemas/outages.js';
import { Id, NoQuery } from '../../../common/schemas/primitives.js';
import { actorOf, metaOf, type App } from '../../http/context.js';
import { writeTransaction } from '../../http/transaction.js';
import { outagesAffecting } from './service/affecting.js';
import { createMajorEvent, getMajorEvent, listMajorEvents } from './service/major-events.js';
import {
  actOnOutage,
  createOutage,
  getOutage,
  listOutages,
  outageCustomers,
  updateOutage,
} from './service/outages.js';

const Params = z.strictObject({ id: Id });
const tags = ['outages'];

export function outageRoutes(app: App): void {
  const db = () => app.deps.database.db;

  app.get(
    '/api/outages',
    {
      schema: {
        tags,
        summary: '停电信息列表 Outages by state, category, time window (the calendar) or words',
        querystring: OutageListQuery,
        response: { 200: OutageList },
      },
    },
    async (request) => listOutages({ tx: db(), actor: actorOf(request) }, request.query),
  );

  app.get(
    '/api/outages/affecting',
    {
      schema: {
        tags,
        summary: '停电查询 Live and upcoming outages covering a customer or a phone number',
        querystring: AffectingQuery,
        response: { 200: AffectingAnswer },
      },
    },
    async (request) =>
      outagesAffecting({ tx: db(), actor: actorOf(request), now: new Date() }, request.query),
  );

  app.post(
    '/api/outages',
    {
      schema: {
        tags,
        summary: '录入停电信息 Enter an outage (and publish it at once if asked)',
        body: CreateOutageInput,
        response: { 201: OutageDetail },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const body = await writeTransaction(db(), (tx) =>
        createOutage({ tx, actor, meta: metaOf(request), now: new Date() }, request.body),
      );
      return reply.status(201).send(body);
    },
  );

  app.get(
    '/api/outages/:id',
    {
      schema: {
        tags,
        summary: '停电信息详情 An outage: scope, events, linked orders, allowed actions',
        params: Params,
        querystring: NoQuery,
        response: { 200: OutageDetail },
      },
    },
    async (request) => getOutage({ tx: db(), actor: actorOf(request) }, request.params.id),
  );

  app.put(
    '/api/outages/:id',
    {
      schema: {
        tags,
        summary: '修改停电信息草稿 Edit a draft outage',
        params: Params,
        body: UpdateOutageInput,
        response: { 200: OutageDetail },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return writeTransaction(db(), (tx) =>
        updateOutage(
          { tx, actor, meta: metaOf(request), now: new Date() },
          request.params.id,
          request.body,
        ),
      );
    },
  );

  app.post(
    '/api/outages/:id/actions/:action',
    {
      schema: {
        tags,
        summary: '停电信息操作 Publish, start, re-estimate, postpone, restore or cancel an outage',
        params: OutageActionParams,
        body: OutageActionInput,
        response: { 200: OutageDetail },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return writeTransaction(db(), (tx) =>
        actOnOutage(
          { tx, actor, meta: metaOf(request), now: new Date() },
          request.params.id,
          request.params.action,
          request.body,
        ),
      );
    },
  );

  app.get(
    '/api/outages/:id/customers',
    {
      schema: {
        tags,
        summary: '停电影响客户 The customers an outage affects, important ones first',
        params: Params,
        querystring: OutageCustomersQuery,
        response: { 200: OutageCustomers },
      },
    },
    async (request) =>
      outageCustomers({ tx: db(), actor: actorOf(request) }, request.params.id, request.query),
  );

  app.get(
    '/api/major-events',
    {
      schema: {
        tags,
        summary: '重要服务事项报备 Filed major service events',
        querystring: MajorEventListQuery,
        response: { 200: MajorEventList },
      },
    },
    async (request) =>
      listMajorEvents({ tx: db(), actor: actorOf(request), now: new Date() }, request.query),
  );

  app.post(
    '/api/major-events',
    {
      schema: {
        tags,
        summary: '报备重要服务事项 File a major service event with the agents’ script',
        body: CreateMajorEventInput,
        response: { 201: MajorEvent },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const body = await writeTransaction(db(), (tx) =>
        createMajorEvent({ tx, actor, meta: metaOf(request), now: new Date() }, request.body),
      );
      return reply.status(201).send(body);
    },
  );

  app.get(
    '/api/major-events/:id',
    {
      schema: {
        tags,
        summary: '重要服务事项 A filed major service event',
        params: Params,
        querystring: NoQuery,
        response: { 200: MajorEvent },
      },
    },
    async (request) => getMajorEvent({ tx: db(), actor: actorOf(request) }, request.params.id),
  );
}
