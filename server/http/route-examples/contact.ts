/** Valid example requests for the contact routes (see ../malformed-support.ts). */
import type { TestOrg } from '../../db/test-helpers.js';
import type { Example } from '../malformed-support.js';
import { unknownId } from '../access-probe.js';

/** A well-formed PBX secret that names no integration: the events are refused with 401. */
const UNKNOWN_SECRET = `lxcti_${'A'.repeat(43)}`;

export function contactExamples(org: TestOrg): Record<string, Example> {
  const u = (k: string) => org.units[k]!.id;
  const p = (k: string) => org.users[k]!.id;
  return {
    'POST /api/cti/{token}': {
      params: { token: UNKNOWN_SECRET },
      body: {
        event: 'newCall',
        from: '13800138000',
        to: '95598',
        direction: 'in',
        callId: 'example-call-1',
        user: ['agent'],
        queue: 'fault',
      },
    },
    'POST /api/contact/route': {
      body: { queue: 'fault', from: '13800138000', callId: 'example-call-1' },
    },
    'POST /api/contact/recordings': {
      body: { callId: 'example-call-1', recording: 'rec/2026/03/02/example-call-1.wav' },
    },
    'GET /api/contact/me': {},
    'PUT /api/contact/me/state': { body: { state: 'signed_out', extension: '8001' } },
    'GET /api/contact/calls': {
      query: {
        from: '2026-03-02T00:00:00+08:00',
        to: '2026-03-03T00:00:00+08:00',
        outcome: 'missed',
        unanswered: 'true',
        state: 'ended',
        direction: 'in',
        agentId: p('agent'),
        queue: 'fault',
        page: '1',
        pageSize: '20',
      },
    },
    'GET /api/contact/calls/{id}': { params: { id: unknownId() } },
    'GET /api/contact/calls/{id}/pop': { params: { id: unknownId() } },
    'POST /api/contact/calls/{id}/orders': {
      params: { id: unknownId() },
      body: { orderId: unknownId() },
    },
    'POST /api/contact/calls/{id}/wrap-up': {
      params: { id: unknownId() },
      body: { code: 'other', note: '客户要求转营业厅', orderIds: [] },
    },
    'GET /api/contact/agents': { query: { unitId: u('csc'), state: 'ready' } },
    'GET /api/contact/agents/{id}/states': {
      params: { id: p('agent') },
      query: { from: '2026-03-02T00:00:00+08:00', to: '2026-03-03T00:00:00+08:00' },
    },
    'PUT /api/contact/agents/{id}/profile': {
      params: { id: p('agent') },
      body: { extension: '8001', skills: [{ skillId: unknownId(), level: 2 }] },
    },
    'GET /api/contact/integrations': {},
    'POST /api/contact/integrations': { body: { name: '呼叫中心交换机', unitId: u('csc') } },
    'DELETE /api/contact/integrations/{id}': { params: { id: unknownId() } },
    'GET /api/contact/blocked': {},
    'POST /api/contact/blocked': {
      body: { number: '13800138000', note: '骚扰电话', unitId: u('csc') },
    },
    'PATCH /api/contact/blocked/{id}': { params: { id: unknownId() }, body: { note: '改备注' } },
    'DELETE /api/contact/blocked/{id}': { params: { id: unknownId() } },
    'GET /api/contact/skills': {},
    'POST /api/contact/skills': { body: { code: 'fault', name: '故障', unitId: u('csc') } },
    'PATCH /api/contact/skills/{id}': {
      params: { id: unknownId() },
      body: { name: '故障报修', active: true },
    },
    'GET /api/contact/queues': {},
    'POST /api/contact/queues': {
      body: { name: 'fault', skillId: unknownId(), unitId: u('csc') },
    },
    'PATCH /api/contact/queues/{id}': { params: { id: unknownId() }, body: { skillId: null } },
    'DELETE /api/contact/queues/{id}': { params: { id: unknownId() } },
    'GET /api/contact/settings': { query: { unitId: u('csc') } },
    'PUT /api/contact/settings': { body: { unitId: u('csc'), acwMaxSeconds: 30 } },
  };
}
