import { z } from 'zod';
import { defineJob } from '../../jobs/job.js';
import { deleteExpiredSessions } from './store/sessions.js';

/** Removes expired sessions every quarter hour; expired ones are already refused on use. */
export const purgeSessionsJob = defineJob({
  name: 'auth-purge-sessions',
  payload: z.object({}).passthrough(),
  cron: '*/15 * * * *',
  handler: async (_payload, { database }) => {
    await deleteExpiredSessions(database.db);
  },
});
