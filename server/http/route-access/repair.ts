/** Who may call the repair routes, with a probe for each (see ../test-routes.ts). */
import { notFound, ok, probe, unknownId, type Access } from '../access-probe.js';

export const REPAIR_ACCESS: Record<string, Access> = {
  'GET /api/repair/crews': { needs: 'repair.view', probe: probe('GET', '/api/repair/crews', ok) },
  'POST /api/repair/crews': {
    needs: 'repair.manage',
    probe: probe('POST', '/api/repair/crews', notFound('UNIT_NOT_FOUND'), () => ({
      unitId: unknownId(),
      name: '探针队',
    })),
  },
  'GET /api/repair/crews/{id}': {
    needs: 'repair.view',
    probe: probe('GET', '/api/repair/crews/{id}', notFound('CREW_NOT_FOUND')),
  },
  'PATCH /api/repair/crews/{id}': {
    needs: 'repair.manage',
    probe: probe('PATCH', '/api/repair/crews/{id}', notFound('CREW_NOT_FOUND'), () => ({
      version: 1,
      name: '探针队',
    })),
  },
  'POST /api/repair/crews/{id}/state': {
    needs: 'repair.dispatch',
    probe: probe('POST', '/api/repair/crews/{id}/state', notFound('CREW_NOT_FOUND'), () => ({
      version: 1,
      state: 'on_duty',
    })),
  },
  'GET /api/repair/crews/{id}/history': {
    needs: 'repair.view',
    probe: probe('GET', '/api/repair/crews/{id}/history', notFound('CREW_NOT_FOUND')),
  },
  'GET /api/repair/board': { needs: 'repair.view', probe: probe('GET', '/api/repair/board', ok) },
  'GET /api/repair/orders/{id}/suggestion': {
    needs: 'repair.dispatch',
    probe: probe('GET', '/api/repair/orders/{id}/suggestion', notFound('ORDER_NOT_FOUND')),
  },
  'POST /api/repair/jobs': {
    needs: 'repair.dispatch',
    probe: probe('POST', '/api/repair/jobs', notFound('CREW_NOT_FOUND'), () => ({
      orderId: unknownId(),
      crewId: unknownId(),
    })),
  },
  'GET /api/repair/outages/{id}/suggestion': {
    needs: 'repair.dispatch',
    probe: probe('GET', '/api/repair/outages/{id}/suggestion', notFound('OUTAGE_NOT_FOUND')),
  },
  'POST /api/repair/outage-jobs': {
    needs: 'repair.dispatch',
    probe: probe('POST', '/api/repair/outage-jobs', notFound('OUTAGE_NOT_FOUND'), () => ({
      outageId: unknownId(),
      crewId: unknownId(),
    })),
  },
  'GET /api/repair/area-nodes': {
    needs: 'repair.manage',
    probe: probe('GET', '/api/repair/area-nodes?q=%E7%BA%BF', ok),
  },
  'GET /api/crew/jobs': { needs: 'repair.work', probe: probe('GET', '/api/crew/jobs', ok) },
  'POST /api/crew/state': {
    needs: 'repair.work',
    probe: probe('POST', '/api/crew/state', notFound('CREW_NOT_FOUND'), () => ({
      crewId: unknownId(),
      version: 1,
      state: 'on_duty',
    })),
  },
  'POST /api/crew/jobs/{id}/actions/{action}': {
    needs: 'repair.work',
    probe: probe(
      'POST',
      '/api/crew/jobs/{id}/actions/accept',
      notFound('REPAIR_JOB_NOT_FOUND'),
      () => ({ version: 1 }),
    ),
  },
  // Checked before the body is read (see photo-routes.ts), so an empty body reaches the check.
  'POST /api/crew/jobs/{id}/photos': {
    needs: 'repair.work',
    probe: probe(
      'POST',
      '/api/crew/jobs/{id}/photos',
      notFound('REPAIR_JOB_NOT_FOUND'),
      () => ({}),
    ),
  },
  'GET /api/repair/jobs/{id}/photos/{attachmentId}': {
    needs: 'repair.view',
    probe: () => ({
      method: 'GET',
      url: `/api/repair/jobs/${unknownId()}/photos/${unknownId()}`,
      allowed: notFound('REPAIR_JOB_NOT_FOUND'),
    }),
  },
};
