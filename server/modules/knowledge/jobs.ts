import { z } from 'zod';
import { defineJob } from '../../jobs/job.js';
import { expireDueArticles } from './service/flow.js';

/**
 * Records expiry: published versions past their expiry date become expired, with an event and
 * an audit row. Reads hide them from the moment the date passes, so a late run changes nothing
 * an agent sees. Register it in server/jobs/registry.ts to run it every ten minutes.
 */
export const expireKnowledgeJob = defineJob({
  name: 'knowledge-expire',
  payload: z.object({}).passthrough(),
  cron: '*/10 * * * *',
  handler: async (_payload, { database }) => {
    await database.db.transaction().execute((tx) => expireDueArticles({ tx, now: new Date() }));
  },
});
