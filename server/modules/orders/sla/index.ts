/**
 * The SLA clock engine (issue 5), pure: due instants, readings, timer plans, the choice of limits
 * from a policy, step limits derived from a total (倒推) and the explanation of a clock.
 */
export {
  clockDue,
  readClock,
  timerPlan,
  type ClockInput,
  type ClockReading,
  type Pause,
} from './clock.js';
export { deriveStepLimits, type DerivedStepLimit } from './derive.js';
export { explainClock, limitText, type SkippedDay, type SlaExplanation } from './explain.js';
export { clauseApplies, resolveLimits, type ResolvedLimit } from './resolve.js';
