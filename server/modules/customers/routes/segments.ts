import { z } from 'zod';
import { Id, NoQuery } from '../../../../common/schemas/primitives.js';
import {
  CreateSegmentInput,
  Segment,
  SegmentList,
  UpdateSegmentInput,
} from '../../../../common/schemas/segments.js';
import { actorOf, metaOf, type App } from '../../../http/context.js';
import { idempotentCreate } from '../../../http/idempotency.js';
import { writeTransaction } from '../../../http/transaction.js';
import { createSegment, listSegments, updateSegment } from '../service/segments.js';

const Params = z.strictObject({ id: Id });
const tags = ['segments'];

export function segmentRoutes(app: App): void {
  const db = () => app.deps.database.db;

  app.get(
    '/api/segments',
    {
      schema: {
        tags,
        summary: '客户细分 Segments with customer counts in your scope',
        querystring: NoQuery,
        response: { 200: SegmentList },
      },
    },
    async (request) => listSegments({ tx: db(), actor: actorOf(request) }),
  );

  app.post(
    '/api/segments',
    {
      schema: {
        tags,
        summary: '新建细分 Define a segment rule',
        body: CreateSegmentInput,
        response: { 201: Segment },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { body } = await idempotentCreate(db(), request, actor.userId, (tx) =>
        createSegment({ tx, actor, meta: metaOf(request) }, request.body),
      );
      return reply.status(201).send(body);
    },
  );

  app.patch(
    '/api/segments/:id',
    {
      schema: {
        tags,
        summary: '修改细分 Change a segment rule, name or state',
        params: Params,
        body: UpdateSegmentInput,
        response: { 200: Segment },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return writeTransaction(db(), (tx) =>
        updateSegment({ tx, actor, meta: metaOf(request) }, request.params.id, request.body),
      );
    },
  );
}
