/**
 * Which time limits apply to an order: the taxonomy's clauses for its (sub)type, under a unit's
 * own commitment when one exists. A unit that commits only to a total gets step limits derived
 * backwards from it (倒推).
 */
import type {
  SlaClause,
  SlaFacts,
  SlaLimit,
  SlaStep,
  SlaThresholds,
} from '../../../../common/orders/sla.js';
import type { ResolvedType } from '../../../../common/orders/taxonomy.js';
import { deriveStepLimits, resolveLimits } from '../sla/index.js';

export interface UnitSlaRule {
  id: string;
  clauses: SlaClause[];
  deriveSteps: boolean;
}

export interface StepLimit {
  limit: SlaLimit;
  /** Where the limit came from, and the warning levels the clock runs with (if not default). */
  rule: { source: string; clause: number | null; thresholds?: SlaThresholds };
}

/**
 * The limit of every step that has one, with where it came from, and the warning levels the
 * taxonomy sets (carried by each clock, so a later change of levels leaves running clocks be).
 */
export function stepLimits(
  type: ResolvedType,
  taxonomyVersion: number,
  unitRule: UnitSlaRule | null,
  facts: SlaFacts,
  thresholds?: SlaThresholds,
): Partial<Record<SlaStep, StepLimit>> {
  const out = limitsByRule(type, taxonomyVersion, unitRule, facts);
  if (thresholds) for (const l of Object.values(out)) l.rule.thresholds = { ...thresholds };
  return out;
}

function limitsByRule(
  type: ResolvedType,
  taxonomyVersion: number,
  unitRule: UnitSlaRule | null,
  facts: SlaFacts,
): Partial<Record<SlaStep, StepLimit>> {
  const taxonomySource = `taxonomy:v${taxonomyVersion}`;
  const own = resolveLimits(type.sla, facts);
  const out: Partial<Record<SlaStep, StepLimit>> = {};
  for (const [step, v] of Object.entries(own) as [SlaStep, { limit: SlaLimit; clause: number }][]) {
    out[step] = { limit: v.limit, rule: { source: taxonomySource, clause: v.clause } };
  }
  if (!unitRule) return out;
  const unitSource = `unit-rule:${unitRule.id}`;
  const mine = resolveLimits({ clauses: unitRule.clauses }, facts);
  for (const [step, v] of Object.entries(mine) as [
    SlaStep,
    { limit: SlaLimit; clause: number },
  ][]) {
    out[step] = { limit: v.limit, rule: { source: unitSource, clause: v.clause } };
  }
  const total = mine.total?.limit;
  if (unitRule.deriveSteps && total) {
    // The steps measured in the total's unit share the committed total in proportion to their
    // default limits; steps in another unit keep theirs.
    const steps = (Object.entries(own) as [SlaStep, { limit: SlaLimit }][]).filter(
      ([step, v]) => step !== 'total' && !(step in mine) && v.limit.unit === total.unit,
    );
    if (steps.length > 0) {
      const sum = steps.reduce((n, [, v]) => n + v.limit.amount, 0);
      if (sum > total.amount && total.amount >= steps.length) {
        for (const d of deriveStepLimits(
          total,
          steps.map(([step, v]) => ({ step, limit: v.limit })),
        )) {
          out[d.step as SlaStep] = {
            limit: d.limit,
            rule: { source: `${unitSource}:derived`, clause: null },
          };
        }
      }
    }
  }
  return out;
}
