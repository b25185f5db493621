import {
  GridCustomers,
  GridCustomersQuery,
  GridNodeDetail,
  GridNodeList,
  GridNodeParams,
  SubstationsQuery,
} from '../../../common/schemas/grid.js';
import { actorOf, type App } from '../../http/context.js';
import { listSubstations, nodeCustomers, nodeDetail } from './service.js';

const tags = ['grid'];

export function gridRoutes(app: App): void {
  const db = () => app.deps.database.db;

  app.get(
    '/api/grid/substations',
    {
      schema: {
        tags,
        summary: '变电站 Substations serving your area, with customer counts',
        querystring: SubstationsQuery,
        response: { 200: GridNodeList },
      },
    },
    async (request) => listSubstations({ tx: db(), actor: actorOf(request) }, request.query),
  );

  app.get(
    '/api/grid/:kind/:id',
    {
      schema: {
        tags,
        summary: '电网节点 A node with its path and children (feeders, transformers)',
        params: GridNodeParams,
        response: { 200: GridNodeDetail },
      },
    },
    async (request) =>
      nodeDetail({ tx: db(), actor: actorOf(request) }, request.params.kind, request.params.id),
  );

  app.get(
    '/api/grid/:kind/:id/customers',
    {
      schema: {
        tags,
        summary: '节点下客户 Customers supplied through a node',
        params: GridNodeParams,
        querystring: GridCustomersQuery,
        response: { 200: GridCustomers },
      },
    },
    async (request) =>
      nodeCustomers(
        { tx: db(), actor: actorOf(request) },
        request.params.kind,
        request.params.id,
        request.query,
      ),
  );
}
