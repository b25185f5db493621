/** Who may call the trouble-call analysis routes, with a probe for each (see ../test-routes.ts). */
import { notFound, ok, probe, type Access } from '../access-probe.js';

export const OUTAGE_PREDICTIONS_ACCESS: Record<string, Access> = {
  'GET /api/outages/predictions': {
    needs: 'outage.view',
    probe: probe('GET', '/api/outages/predictions', ok),
  },
  'GET /api/outages/predictions/{id}': {
    needs: 'outage.view',
    probe: probe('GET', '/api/outages/predictions/{id}', notFound('PREDICTION_NOT_FOUND')),
  },
  'POST /api/outages/predictions/{id}/confirm': {
    needs: 'outage.manage',
    probe: probe(
      'POST',
      '/api/outages/predictions/{id}/confirm',
      notFound('PREDICTION_NOT_FOUND'),
      () => ({ version: 1 }),
    ),
  },
  'POST /api/outages/predictions/{id}/reject': {
    needs: 'outage.manage',
    probe: probe(
      'POST',
      '/api/outages/predictions/{id}/reject',
      notFound('PREDICTION_NOT_FOUND'),
      () => ({ version: 1, reason: '探针' }),
    ),
  },
  'GET /api/outages/analysis-settings': {
    needs: 'outage.view',
    probe: probe('GET', '/api/outages/analysis-settings', ok),
  },
  // A version nobody holds: refused before anything is written.
  'PUT /api/outages/analysis-settings': {
    needs: 'outage.manage',
    probe: probe(
      'PUT',
      '/api/outages/analysis-settings',
      { status: 409, code: 'VERSION_CONFLICT' },
      () => ({
        version: 2_000_000_000,
        windowMinutes: 30,
        transformerCalls: 2,
        transformerShare: 0.3,
        feederTransformers: 3,
        feederShare: 0.3,
      }),
    ),
  },
};
