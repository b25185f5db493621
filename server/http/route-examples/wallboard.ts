/** Valid example requests for the wall board route (see ../malformed-support.ts). */
import type { TestOrg } from '../../db/test-helpers.js';
import type { Example } from '../malformed-support.js';

export function wallboardExamples(org: TestOrg): Record<string, Example> {
  return {
    'GET /api/contact/wallboard': { query: { unitId: org.units.csc!.id } },
  };
}
