/** Valid example requests for the outages routes (see ../malformed-support.ts). */
import type { TestOrg } from '../../db/test-helpers.js';
import { unknownId } from '../access-probe.js';
import type { Example } from '../malformed-support.js';
import { unknownNodeOutage } from '../route-access/outages.js';

export function outagesExamples(org: TestOrg): Record<string, Example> {
  void org;
  return {
    'GET /api/outages': {
      query: {
        state: 'published',
        category: 'planned',
        live: 'true',
        from: '2026-11-01T00:00:00+08:00',
        to: '2026-12-01T00:00:00+08:00',
        q: '检修',
        page: '1',
        pageSize: '20',
      },
    },
    'GET /api/outages/affecting': { query: { phone: '13800138000' } },
    'POST /api/outages': { body: unknownNodeOutage() },
    'GET /api/outages/{id}': { params: { id: unknownId() } },
    'PUT /api/outages/{id}': { params: { id: unknownId() }, body: { version: 1, title: '改' } },
    'POST /api/outages/{id}/actions/{action}': {
      params: { id: unknownId(), action: 'cancel' },
      body: { version: 1, reason: '天气原因取消' },
    },
    'GET /api/outages/{id}/customers': {
      params: { id: unknownId() },
      query: { important: 'true', page: '1', pageSize: '20' },
    },
    'GET /api/major-events': { query: { active: 'true' } },
    'POST /api/major-events': {
      body: {
        title: '台风影响供电',
        description: '台风过境，部分线路故障。',
        script: '您好，受台风影响……',
        startsAt: '2026-11-24T08:00:00+08:00',
        endsAt: '2026-11-25T08:00:00+08:00',
        outageId: unknownId(),
      },
    },
    'GET /api/major-events/{id}': { params: { id: unknownId() } },
  };
}
