import { z } from 'zod';
import { Id } from '../../../../common/schemas/primitives.js';
import {
  CreateUnitInput,
  ListUnitsQuery,
  MoveUnitInput,
  Unit,
  UnitList,
  UpdateUnitInput,
  VersionInput,
} from '../../../../common/schemas/units.js';
import { actorOf, metaOf, type App } from '../../../http/context.js';
import { idempotentCreate } from '../../../http/idempotency.js';
import { principalWrite } from './principal-write.js';
import {
  activateUnit,
  createUnit,
  deactivateUnit,
  getUnitView,
  listUnits,
  moveUnit,
  updateUnitDetails,
} from '../service/units.js';

const Params = z.strictObject({ id: Id });
const tags = ['org'];

export function unitRoutes(app: App): void {
  const db = () => app.deps.database.db;

  app.get(
    '/api/org/units',
    {
      schema: {
        tags,
        summary: '单位列表 Units in your scope, parents first',
        querystring: ListUnitsQuery,
        response: { 200: UnitList },
      },
    },
    async (request) => {
      const items = await listUnits(
        { tx: db(), actor: actorOf(request) },
        request.query.includeInactive === 'true',
      );
      return { items, total: items.length };
    },
  );

  app.get(
    '/api/org/units/:id',
    { schema: { tags, summary: '单位详情 One unit', params: Params, response: { 200: Unit } } },
    async (request) => getUnitView({ tx: db(), actor: actorOf(request) }, request.params.id),
  );

  app.post(
    '/api/org/units',
    {
      schema: {
        tags,
        summary: '新建单位 Create a unit',
        body: CreateUnitInput,
        response: { 201: Unit },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { body } = await idempotentCreate(db(), request, actor.userId, (tx) =>
        createUnit({ tx, actor, meta: metaOf(request) }, request.body),
      );
      return reply.status(201).send(body);
    },
  );

  app.patch(
    '/api/org/units/:id',
    {
      schema: {
        tags,
        summary: '修改单位 Rename or recode a unit',
        params: Params,
        body: UpdateUnitInput,
        response: { 200: Unit },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      // A new code may race another unit's: writeTransaction turns that into UNIT_CODE_TAKEN.
      return principalWrite(db(), (tx) =>
        updateUnitDetails({ tx, actor, meta: metaOf(request) }, request.params.id, request.body),
      );
    },
  );

  app.post(
    '/api/org/units/:id/move',
    {
      schema: {
        tags,
        summary: '移动单位 Move a unit and its subtree',
        params: Params,
        body: MoveUnitInput,
        response: { 200: Unit },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return principalWrite(db(), (tx) =>
        moveUnit({ tx, actor, meta: metaOf(request) }, request.params.id, request.body),
      );
    },
  );

  app.post(
    '/api/org/units/:id/deactivate',
    {
      schema: {
        tags,
        summary: '停用单位 Deactivate a unit and its subtree',
        params: Params,
        body: VersionInput,
        response: { 200: Unit },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return principalWrite(db(), (tx) =>
        deactivateUnit(
          { tx, actor, meta: metaOf(request) },
          request.params.id,
          request.body.version,
        ),
      );
    },
  );

  app.post(
    '/api/org/units/:id/activate',
    {
      schema: {
        tags,
        summary: '启用单位 Re-activate a unit',
        params: Params,
        body: VersionInput,
        response: { 200: Unit },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return principalWrite(db(), (tx) =>
        activateUnit({ tx, actor, meta: metaOf(request) }, request.params.id, request.body.version),
      );
    },
  );
}
