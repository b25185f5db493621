import { purgeSessionsJob } from '../modules/auth/index.js';
import { runImportJob, sweepImportsJob } from '../modules/imports/index.js';
import { expireKnowledgeJob } from '../modules/knowledge/index.js';
import { settleOutageLinksJob } from '../modules/orders/index.js';
import { pruneExpiredJob } from '../platform/retention.js';
import type { JobDefinition } from './job.js';

/** Every module's jobs. */
export const ALL_JOBS: JobDefinition[] = [
  purgeSessionsJob,
  runImportJob,
  sweepImportsJob,
  settleOutageLinksJob,
  expireKnowledgeJob,
  pruneExpiredJob,
];
