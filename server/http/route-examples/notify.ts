/** Valid example requests for the notify routes (see ../malformed-support.ts). */
import type { TestOrg } from '../../db/test-helpers.js';
import type { Example } from '../malformed-support.js';
import {
  SEEDED_TEMPLATE_ID,
  staleTemplateEdit,
  takenTemplateCode,
} from '../route-access/notify.js';

export function notifyExamples(org: TestOrg): Record<string, Example> {
  const u = (k: string) => org.units[k]!.id;
  return {
    'GET /api/notify/templates': {},
    'GET /api/notify/templates/{id}': { params: { id: SEEDED_TEMPLATE_ID } },
    // Templates are shared by every test: a taken code and a stale version change nothing.
    'POST /api/notify/templates': { body: takenTemplateCode() },
    'PATCH /api/notify/templates/{id}': {
      params: { id: SEEDED_TEMPLATE_ID },
      body: staleTemplateEdit(),
    },
    'GET /api/notify/deliveries': {
      query: {
        status: 'failed',
        channel: 'sms',
        template: 'outage.planned',
        customerId: u('county1'),
        sourceType: 'outage',
        sourceId: u('county1'),
        late: 'true',
        from: '2020-01-01T00:00:00Z',
        to: '2099-01-01T00:00:00+08:00',
        page: '1',
        pageSize: '20',
      },
    },
    'GET /api/notify/deliveries/{id}': { params: { id: u('county1') } },
    'POST /api/notify/deliveries/{id}/retry': { params: { id: u('county1') } },
    'GET /api/notify/inbox': { query: { unread: 'true', page: '1', pageSize: '20' } },
    'POST /api/notify/inbox/{id}/read': { params: { id: u('county1') } },
    'POST /api/notify/inbox/read-all': {},
    'GET /api/notify/customers/{id}/channels': { params: { id: u('county1') } },
    'PUT /api/notify/customers/{id}/opt-outs': {
      params: { id: u('county1') },
      body: { channels: ['sms', 'email'], reason: '客户来电要求' },
    },
  };
}
