/** Who may call the outages routes, with a probe for each (see ../test-routes.ts). */
import { notFound, ok, probe, unknownId, type Access } from '../access-probe.js';

/** An outage over a transformer that does not exist: refused before anything is written. */
export const unknownNodeOutage = () => ({
  category: 'grid_fault',
  title: '探针',
  reason: '探针',
  areaText: '探针',
  scope: { transformers: [unknownId()] },
});

export const OUTAGES_ACCESS: Record<string, Access> = {
  'GET /api/outages': { needs: 'outage.view', probe: probe('GET', '/api/outages', ok) },
  'GET /api/outages/affecting': {
    needs: 'outage.view',
    probe: probe('GET', '/api/outages/affecting?phone=13800000000', ok),
  },
  'POST /api/outages': {
    needs: 'outage.manage',
    probe: probe(
      'POST',
      '/api/outages',
      { status: 422, code: 'OUTAGE_NODE_NOT_FOUND' },
      unknownNodeOutage,
    ),
  },
  'GET /api/outages/{id}': {
    needs: 'outage.view',
    probe: probe('GET', '/api/outages/{id}', notFound('OUTAGE_NOT_FOUND')),
  },
  'PUT /api/outages/{id}': {
    needs: 'outage.manage',
    probe: probe('PUT', '/api/outages/{id}', notFound('OUTAGE_NOT_FOUND'), () => ({ version: 1 })),
  },
  'POST /api/outages/{id}/actions/{action}': {
    needs: 'outage.manage',
    probe: probe('POST', '/api/outages/{id}/actions/publish', notFound('OUTAGE_NOT_FOUND'), () => ({
      version: 1,
    })),
  },
  'GET /api/outages/{id}/customers': {
    needs: 'outage.view',
    probe: probe('GET', '/api/outages/{id}/customers', notFound('OUTAGE_NOT_FOUND')),
  },
  'GET /api/major-events': { needs: 'outage.view', probe: probe('GET', '/api/major-events', ok) },
  'POST /api/major-events': {
    needs: 'outage.manage',
    probe: probe('POST', '/api/major-events', notFound('OUTAGE_NOT_FOUND'), () => ({
      title: '探针',
      description: '探针',
      script: '探针',
      startsAt: '2026-11-24T08:00:00+08:00',
      endsAt: '2026-11-25T08:00:00+08:00',
      outageId: unknownId(),
    })),
  },
  'GET /api/major-events/{id}': {
    needs: 'outage.view',
    probe: probe('GET', '/api/major-events/{id}', notFound('MAJOR_EVENT_NOT_FOUND')),
  },
};
