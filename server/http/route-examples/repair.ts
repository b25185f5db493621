/** Valid example requests for the repair routes (see ../malformed-support.ts). */
import type { TestOrg } from '../../db/test-helpers.js';
import { multipart, type Example } from '../malformed-support.js';
import { unknownId } from '../access-probe.js';

export function repairExamples(org: TestOrg): Record<string, Example> {
  const u = (k: string) => org.units[k]!.id;
  return {
    'GET /api/repair/crews': { query: { unitId: u('county1'), includeInactive: 'true' } },
    'POST /api/repair/crews': {
      body: {
        unitId: u('station1'),
        name: '城关抢修一队',
        memberIds: [],
        phone: '13800138000',
        vehicle: '赣A12345',
        feederIds: [],
        transformerIds: [],
        shiftStart: '08:00',
        shiftEnd: '20:00',
      },
    },
    'GET /api/repair/crews/{id}': { params: { id: unknownId() } },
    'PATCH /api/repair/crews/{id}': {
      params: { id: unknownId() },
      body: { version: 1, name: '城关抢修二队', shiftEnd: '22:00' },
    },
    'POST /api/repair/crews/{id}/state': {
      params: { id: unknownId() },
      body: { version: 1, state: 'on_duty', note: '接班' },
    },
    'GET /api/repair/crews/{id}/history': { params: { id: unknownId() } },
    'GET /api/repair/board': {},
    'GET /api/repair/orders/{id}/suggestion': { params: { id: unknownId() } },
    'POST /api/repair/jobs': { body: { orderId: unknownId(), crewId: unknownId() } },
    'GET /api/repair/outages/{id}/suggestion': { params: { id: unknownId() } },
    'POST /api/repair/outage-jobs': {
      body: { outageId: unknownId(), crewId: unknownId(), replace: true, reason: '原队伍未响应' },
    },
    'GET /api/repair/area-nodes': {
      query: { q: '城关', unitId: u('station1'), kind: 'transformer' },
    },
    'GET /api/crew/jobs': {},
    'POST /api/crew/state': { body: { crewId: unknownId(), version: 1, state: 'off_duty' } },
    'POST /api/crew/jobs/{id}/actions/{action}': {
      params: { id: unknownId(), action: 'complete' },
      body: {
        version: 1,
        result: '更换熔断器，恢复供电',
        cause: '低压熔丝熔断',
        photoIds: [unknownId()],
        lat: 28.68,
        lng: 115.89,
        restoredScope: '除3号台区外全部恢复',
      },
    },
    'POST /api/crew/jobs/{id}/photos': {
      params: { id: unknownId() },
      ...multipart({}, { name: '现场.txt', content: '现场照片说明', type: 'text/plain' }),
    },
    'GET /api/repair/jobs/{id}/photos/{attachmentId}': {
      params: { id: unknownId(), attachmentId: unknownId() },
    },
  };
}
