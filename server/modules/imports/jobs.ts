import { z } from 'zod';
import { defineJob } from '../../jobs/job.js';
import { runImport } from './service/run-import.js';
import { importsToSweep } from './store/imports.js';

export const IMPORT_JOB = 'imports-run';

/** Runs one uploaded import (queued by POST /api/imports in the upload's transaction). */
export const runImportJob = defineJob({
  name: IMPORT_JOB,
  payload: z.object({ importId: z.uuid() }),
  handler: async ({ importId }, { database }) => {
    await runImport({ database, importId });
  },
});

/**
 * Every minute, runs imports that waited over a minute without a job (uploaded through a process
 * that runs no job queue) or whose run died; runImport claims each one, so a twin run is a no-op.
 */
export const sweepImportsJob = defineJob({
  name: 'imports-sweep',
  payload: z.object({}).passthrough(),
  cron: '* * * * *',
  handler: async (_payload, { database }) => {
    for (const importId of await importsToSweep(database.db)) {
      await runImport({ database, importId });
    }
  },
});
