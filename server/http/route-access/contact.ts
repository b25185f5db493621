/** Who may call the contact routes, with a probe for each (see ../test-routes.ts). */
import { notFound, ok, probe, unknownId, type Access } from '../access-probe.js';

const DAY = '2026-03-02T00:00:00Z';
const NEXT = '2026-03-03T00:00:00Z';

export const CONTACT_ACCESS: Record<string, Access> = {
  // The PBX's routes: no session, the integration secret (in the path or as Bearer) instead.
  'POST /api/cti/{token}': { needs: 'public' },
  'POST /api/contact/route': { needs: 'public' },
  'POST /api/contact/recordings': { needs: 'public' },
  'GET /api/contact/me': { needs: 'contact.use', probe: probe('GET', '/api/contact/me', ok) },
  // Signing out when never signed in changes nothing.
  'PUT /api/contact/me/state': {
    needs: 'contact.use',
    probe: probe('PUT', '/api/contact/me/state', ok, () => ({ state: 'signed_out' })),
  },
  'GET /api/contact/calls': {
    needs: 'contact.use',
    probe: probe('GET', '/api/contact/calls', ok),
  },
  'GET /api/contact/calls/{id}': {
    needs: 'contact.use',
    probe: probe('GET', '/api/contact/calls/{id}', notFound('CONTACT_CALL_NOT_FOUND')),
  },
  'GET /api/contact/calls/{id}/pop': {
    needs: 'contact.use',
    probe: probe('GET', '/api/contact/calls/{id}/pop', notFound('CONTACT_CALL_NOT_FOUND')),
  },
  'POST /api/contact/calls/{id}/orders': {
    needs: 'contact.use',
    probe: probe(
      'POST',
      '/api/contact/calls/{id}/orders',
      notFound('CONTACT_CALL_NOT_FOUND'),
      () => ({ orderId: unknownId() }),
    ),
  },
  'POST /api/contact/calls/{id}/wrap-up': {
    needs: 'contact.use',
    probe: probe(
      'POST',
      '/api/contact/calls/{id}/wrap-up',
      notFound('CONTACT_CALL_NOT_FOUND'),
      () => ({ code: 'nuisance' }),
    ),
  },
  'GET /api/contact/agents': {
    needs: 'contact.monitor',
    probe: probe('GET', '/api/contact/agents', ok),
  },
  // An agent reads her own history with contact.use; anyone else's needs contact.monitor.
  'GET /api/contact/agents/{id}/states': {
    needs: 'contact.monitor',
    probe: probe(
      'GET',
      `/api/contact/agents/{id}/states?from=${DAY}&to=${NEXT}`,
      notFound('CONTACT_AGENT_NOT_FOUND'),
    ),
  },
  'PUT /api/contact/agents/{id}/profile': {
    needs: 'contact.manage',
    probe: probe(
      'PUT',
      '/api/contact/agents/{id}/profile',
      notFound('CONTACT_AGENT_NOT_FOUND'),
      () => ({ extension: '8001' }),
    ),
  },
  'GET /api/contact/integrations': {
    needs: 'contact.manage',
    probe: probe('GET', '/api/contact/integrations', ok),
  },
  'POST /api/contact/integrations': {
    needs: 'contact.manage',
    probe: probe('POST', '/api/contact/integrations', notFound('UNIT_NOT_FOUND'), () => ({
      name: '探针',
      unitId: unknownId(),
    })),
  },
  'DELETE /api/contact/integrations/{id}': {
    needs: 'contact.manage',
    probe: probe(
      'DELETE',
      '/api/contact/integrations/{id}',
      notFound('CONTACT_INTEGRATION_NOT_FOUND'),
    ),
  },
  'GET /api/contact/blocked': {
    needs: 'contact.manage',
    probe: probe('GET', '/api/contact/blocked', ok),
  },
  'POST /api/contact/blocked': {
    needs: 'contact.manage',
    probe: probe('POST', '/api/contact/blocked', notFound('UNIT_NOT_FOUND'), () => ({
      number: '13800000000',
      unitId: unknownId(),
    })),
  },
  'PATCH /api/contact/blocked/{id}': {
    needs: 'contact.manage',
    probe: probe(
      'PATCH',
      '/api/contact/blocked/{id}',
      notFound('CONTACT_BLOCKED_NOT_FOUND'),
      () => ({
        note: '探针',
      }),
    ),
  },
  'DELETE /api/contact/blocked/{id}': {
    needs: 'contact.manage',
    probe: probe('DELETE', '/api/contact/blocked/{id}', notFound('CONTACT_BLOCKED_NOT_FOUND')),
  },
  'GET /api/contact/skills': {
    needs: 'contact.manage',
    probe: probe('GET', '/api/contact/skills', ok),
  },
  'POST /api/contact/skills': {
    needs: 'contact.manage',
    probe: probe('POST', '/api/contact/skills', notFound('UNIT_NOT_FOUND'), () => ({
      code: 'probe',
      name: '探针',
      unitId: unknownId(),
    })),
  },
  'PATCH /api/contact/skills/{id}': {
    needs: 'contact.manage',
    probe: probe('PATCH', '/api/contact/skills/{id}', notFound('CONTACT_SKILL_NOT_FOUND'), () => ({
      name: '探针',
    })),
  },
  'GET /api/contact/queues': {
    needs: 'contact.manage',
    probe: probe('GET', '/api/contact/queues', ok),
  },
  'POST /api/contact/queues': {
    needs: 'contact.manage',
    probe: probe('POST', '/api/contact/queues', notFound('UNIT_NOT_FOUND'), () => ({
      name: '探针',
      skillId: null,
      unitId: unknownId(),
    })),
  },
  'PATCH /api/contact/queues/{id}': {
    needs: 'contact.manage',
    probe: probe('PATCH', '/api/contact/queues/{id}', notFound('CONTACT_QUEUE_NOT_FOUND'), () => ({
      skillId: null,
    })),
  },
  'DELETE /api/contact/queues/{id}': {
    needs: 'contact.manage',
    probe: probe('DELETE', '/api/contact/queues/{id}', notFound('CONTACT_QUEUE_NOT_FOUND')),
  },
  'GET /api/contact/settings': {
    needs: 'contact.manage',
    probe: probe('GET', '/api/contact/settings', ok),
  },
  'PUT /api/contact/settings': {
    needs: 'contact.manage',
    probe: probe('PUT', '/api/contact/settings', notFound('UNIT_NOT_FOUND'), () => ({
      unitId: unknownId(),
      acwMaxSeconds: 60,
    })),
  },
};
