import { purgeSessionsJob } from '../modules/auth/index.js';
import type { JobDefinition } from './job.js';

/** Every module's jobs. */
export const ALL_JOBS: JobDefinition[] = [purgeSessionsJob];
