/** Who may call the notify routes, with a probe for each (see ../test-routes.ts). */
import { notFound, ok, probe, type Access } from '../access-probe.js';

/** A seeded template (migration 0010): outage.planned. */
export const SEEDED_TEMPLATE_ID = '01970000-0000-7000-8000-000000000101';

/** A valid new template under a code that is taken: refused (409) before anything is written. */
export const takenTemplateCode = () => ({
  code: 'outage.planned',
  name: '探针模板',
  channel: 'sms',
  subject: '',
  body: '尊敬的{customerName}：探针。',
});

/** The seeded template re-sent with a version it never reaches: 409, nothing written. */
export const staleTemplateEdit = () => ({ version: 2_147_483_647, name: '计划停电通知' });

export const NOTIFY_ACCESS: Record<string, Access> = {
  'GET /api/notify/templates': {
    needs: 'notify.view',
    probe: probe('GET', '/api/notify/templates', ok),
  },
  'GET /api/notify/templates/{id}': {
    needs: 'notify.view',
    probe: probe('GET', '/api/notify/templates/{id}', notFound('NOTIFY_TEMPLATE_NOT_FOUND')),
  },
  'POST /api/notify/templates': {
    needs: 'notify.manage',
    probe: probe(
      'POST',
      '/api/notify/templates',
      { status: 409, code: 'NOTIFY_TEMPLATE_CODE_TAKEN' },
      takenTemplateCode,
    ),
  },
  'PATCH /api/notify/templates/{id}': {
    needs: 'notify.manage',
    probe: probe(
      'PATCH',
      '/api/notify/templates/{id}',
      notFound('NOTIFY_TEMPLATE_NOT_FOUND'),
      staleTemplateEdit,
    ),
  },
  'GET /api/notify/deliveries': {
    needs: 'notify.view',
    probe: probe('GET', '/api/notify/deliveries', ok),
  },
  'GET /api/notify/deliveries/{id}': {
    needs: 'notify.view',
    probe: probe('GET', '/api/notify/deliveries/{id}', notFound('NOTIFY_DELIVERY_NOT_FOUND')),
  },
  'POST /api/notify/deliveries/{id}/retry': {
    needs: 'notify.manage',
    probe: probe(
      'POST',
      '/api/notify/deliveries/{id}/retry',
      notFound('NOTIFY_DELIVERY_NOT_FOUND'),
    ),
  },
  'GET /api/notify/inbox': { needs: 'signed-in' },
  'POST /api/notify/inbox/{id}/read': { needs: 'signed-in' },
  'POST /api/notify/inbox/read-all': { needs: 'signed-in' },
  'GET /api/notify/customers/{id}/channels': {
    needs: 'customer.view',
    probe: probe('GET', '/api/notify/customers/{id}/channels', notFound('CUSTOMER_NOT_FOUND')),
  },
  'PUT /api/notify/customers/{id}/opt-outs': {
    needs: 'customer.manage',
    probe: probe(
      'PUT',
      '/api/notify/customers/{id}/opt-outs',
      notFound('CUSTOMER_NOT_FOUND'),
      () => ({ channels: ['sms'], reason: '探针' }),
    ),
  },
};
