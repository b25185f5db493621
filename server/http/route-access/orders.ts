/** Who may call the orders routes, with a probe for each (see ../test-routes.ts). */
import { DEFAULT_TAXONOMY } from '../../../common/orders/taxonomy.js';
import { notFound, ok, probe, unknownId, type Access } from '../access-probe.js';

const unknownCustomerFault = () => ({
  typeCode: 'complaint',
  subtypeCode: 'service',
  title: '探针',
  description: '探针',
  customerId: unknownId(),
  fields: {},
});

export const ORDERS_ACCESS: Record<string, Access> = {
  'POST /api/orders': {
    needs: 'order.create',
    probe: probe('POST', '/api/orders', notFound('CUSTOMER_NOT_FOUND'), unknownCustomerFault),
  },
  'GET /api/orders': { needs: 'order.view', probe: probe('GET', '/api/orders', ok) },
  'GET /api/orders/units': { needs: 'order.view', probe: probe('GET', '/api/orders/units', ok) },
  'GET /api/orders/{id}': {
    needs: 'order.view',
    probe: probe('GET', '/api/orders/{id}', notFound('ORDER_NOT_FOUND')),
  },
  'GET /api/orders/{id}/sla': {
    needs: 'order.view',
    probe: probe('GET', '/api/orders/{id}/sla', notFound('ORDER_NOT_FOUND')),
  },
  'POST /api/orders/{id}/actions/{action}': {
    needs: 'order.view',
    probe: probe('POST', '/api/orders/{id}/actions/note', notFound('ORDER_NOT_FOUND'), () => ({
      version: 1,
      body: '探针',
    })),
  },
  'POST /api/orders/bulk-reassign': {
    needs: 'order.supervise',
    probe: probe('POST', '/api/orders/bulk-reassign', ok, () => ({
      orderIds: [unknownId()],
      unitId: unknownId(),
      reason: '探针',
    })),
  },
  'GET /api/orders/views': { needs: 'order.view', probe: probe('GET', '/api/orders/views', ok) },
  'POST /api/orders/views': {
    needs: 'order.view',
    probe: probe('POST', '/api/orders/views', { status: 201 }, () => ({
      name: '探针视图',
      query: { open: 'true' },
    })),
  },
  'DELETE /api/orders/views/{id}': {
    needs: 'order.view',
    probe: probe('DELETE', '/api/orders/views/{id}', notFound('ORDER_VIEW_NOT_FOUND')),
  },
  'GET /api/order-types': { needs: 'order.view', probe: probe('GET', '/api/order-types', ok) },
  'PUT /api/order-types': {
    needs: 'order.manage',
    probe: probe('PUT', '/api/order-types', { status: 409, code: 'VERSION_CONFLICT' }, () => ({
      baseVersion: 999_999,
      taxonomy: DEFAULT_TAXONOMY,
    })),
  },
  'GET /api/order-routing-rules': {
    needs: 'order.manage',
    probe: probe('GET', '/api/order-routing-rules', ok),
  },
  'POST /api/order-routing-rules': {
    needs: 'order.manage',
    probe: probe('POST', '/api/order-routing-rules', notFound('UNIT_NOT_FOUND'), () => ({
      unitId: unknownId(),
      targetUnitId: unknownId(),
    })),
  },
  'PATCH /api/order-routing-rules/{id}': {
    needs: 'order.manage',
    probe: probe(
      'PATCH',
      '/api/order-routing-rules/{id}',
      notFound('ROUTING_RULE_NOT_FOUND'),
      () => ({
        version: 1,
        priority: 5,
      }),
    ),
  },
  'GET /api/order-sla-rules': {
    needs: 'order.manage',
    probe: probe('GET', '/api/order-sla-rules', ok),
  },
  'POST /api/order-sla-rules': {
    needs: 'order.manage',
    probe: probe('POST', '/api/order-sla-rules', notFound('UNIT_NOT_FOUND'), () => ({
      unitId: unknownId(),
      typeCode: 'complaint',
      clauses: [{ step: 'total', limit: { unit: 'working_days', amount: 3 } }],
    })),
  },
  'PATCH /api/order-sla-rules/{id}': {
    needs: 'order.manage',
    probe: probe('PATCH', '/api/order-sla-rules/{id}', notFound('SLA_RULE_NOT_FOUND'), () => ({
      version: 1,
      active: false,
    })),
  },
  // Refused before the body is read: an order the caller cannot see answers 404 to everyone who
  // may see orders (the part in working on orders is checked after; see attachments.test.ts).
  'POST /api/orders/{id}/attachments': {
    needs: 'order.view',
    probe: probe('POST', '/api/orders/{id}/attachments', notFound('ORDER_NOT_FOUND'), () => ({})),
  },
  'GET /api/orders/{id}/attachments/{attachmentId}': {
    needs: 'order.view',
    probe: () => ({
      method: 'GET',
      url: `/api/orders/${unknownId()}/attachments/${unknownId()}`,
      allowed: notFound('ORDER_NOT_FOUND'),
    }),
  },
};
