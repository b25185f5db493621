/** Who may read the wall board, with a probe (see ../test-routes.ts). */
import { ok, probe, type Access } from '../access-probe.js';

export const WALLBOARD_ACCESS: Record<string, Access> = {
  'GET /api/contact/wallboard': {
    needs: 'contact.monitor',
    probe: probe('GET', '/api/contact/wallboard', ok),
  },
};
