/** Valid example requests for the orders routes (see ../malformed-support.ts). */
import { DEFAULT_TAXONOMY } from '../../../common/orders/taxonomy.js';
import type { TestOrg } from '../../db/test-helpers.js';
import { multipart, type Example } from '../malformed-support.js';
import { unknownId } from '../access-probe.js';

export function ordersExamples(org: TestOrg): Record<string, Example> {
  const u = (k: string) => org.units[k]!.id;
  return {
    'POST /api/orders': {
      body: {
        typeCode: 'enquiry',
        subtypeCode: 'tariff',
        title: '咨询阶梯电价',
        description: '客户询问阶梯电价的分档标准。',
        callerName: '李女士',
        callerPhone: '13800138000',
        locationUnitId: u('county2'),
        autoDispatch: false,
      },
    },
    'GET /api/orders': {
      query: {
        type: 'fault,complaint',
        state: 'accepted',
        slaStatus: 'warning,overdue',
        open: 'true',
        q: '停电',
        sort: 'dueAt',
        page: '1',
        pageSize: '20',
      },
    },
    'GET /api/orders/units': {},
    'GET /api/orders/{id}': { params: { id: unknownId() } },
    'GET /api/orders/{id}/sla': { params: { id: unknownId() } },
    'POST /api/orders/{id}/actions/{action}': {
      params: { id: unknownId(), action: 'note' },
      body: { version: 1, body: '内部备注' },
    },
    'POST /api/orders/bulk-reassign': {
      body: { orderIds: [unknownId()], unitId: u('county2'), reason: '调整责任单位' },
    },
    'GET /api/orders/views': {},
    'POST /api/orders/views': { body: { name: '我的在办', query: { open: 'true' } } },
    'DELETE /api/orders/views/{id}': { params: { id: unknownId() } },
    'GET /api/order-types': { query: { version: '1' } },
    'PUT /api/order-types': { body: { baseVersion: 999_999, taxonomy: DEFAULT_TAXONOMY } },
    'GET /api/order-routing-rules': {},
    'POST /api/order-routing-rules': {
      body: { unitId: u('county2'), typeCode: 'fault', targetUnitId: u('station2'), priority: 10 },
    },
    'PATCH /api/order-routing-rules/{id}': {
      params: { id: unknownId() },
      body: { version: 1, priority: 5 },
    },
    'GET /api/order-sla-rules': {},
    'POST /api/order-sla-rules': {
      body: {
        unitId: u('county2'),
        typeCode: 'complaint',
        clauses: [{ step: 'total', limit: { unit: 'working_days', amount: 3 } }],
      },
    },
    'PATCH /api/order-sla-rules/{id}': {
      params: { id: unknownId() },
      body: { version: 1, active: false },
    },
    'GET /api/events': {},
    // An order that does not exist: refused (404) before the file is read; nothing is stored.
    'POST /api/orders/{id}/attachments': {
      params: { id: unknownId() },
      ...multipart(
        {},
        { name: '现场说明.txt', content: '现场已断电，等待抢修。', type: 'text/plain' },
      ),
    },
    'GET /api/orders/{id}/attachments/{attachmentId}': {
      params: { id: unknownId(), attachmentId: unknownId() },
    },
  };
}
