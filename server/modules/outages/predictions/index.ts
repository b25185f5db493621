/**
 * 故障研判 (trouble-call analysis): the pipeline that groups fault calls into predicted faults of
 * transformers and feeders, the dispatcher's confirm and reject, and the thresholds per province.
 */
export { predictionRoutes } from './routes.js';
export { startOutageAnalysis } from './jobs.js';
export { analyseNewCalls, expirePredictions, type RunResult } from './pipeline.js';
