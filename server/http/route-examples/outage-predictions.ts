/** Valid example requests for the trouble-call analysis routes (see ../malformed-support.ts). */
import type { TestOrg } from '../../db/test-helpers.js';
import { unknownId } from '../access-probe.js';
import type { Example } from '../malformed-support.js';

export function outagePredictionsExamples(org: TestOrg): Record<string, Example> {
  void org;
  return {
    'GET /api/outages/predictions': { query: { state: 'proposed', page: '1', pageSize: '20' } },
    'GET /api/outages/predictions/{id}': { params: { id: unknownId() } },
    'POST /api/outages/predictions/{id}/confirm': {
      params: { id: unknownId() },
      body: { version: 1 },
    },
    'POST /api/outages/predictions/{id}/reject': {
      params: { id: unknownId() },
      body: { version: 1, reason: '经核实为客户内部故障' },
    },
    'GET /api/outages/analysis-settings': {},
    'PUT /api/outages/analysis-settings': {
      body: {
        version: 2_000_000_000,
        windowMinutes: 30,
        transformerCalls: 2,
        transformerShare: 0.3,
        feederTransformers: 3,
        feederShare: 0.3,
      },
    },
  };
}
