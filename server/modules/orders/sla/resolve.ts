import type {
  SlaClause,
  SlaFacts,
  SlaLimit,
  SlaPolicy,
  SlaStep,
} from '../../../../common/orders/sla.js';

/**
 * Picking the limits of an order from its policy: for each step the first clause whose
 * conditions all hold wins, so a policy lists its specific clauses before its general ones.
 */

/** The limit chosen for one step and the index (0-based) of the clause that gave it. */
export interface ResolvedLimit {
  limit: SlaLimit;
  clause: number;
}

/**
 * Whether every condition of a clause holds. An absent condition holds for any value; a given one
 * holds only for a listed value, so an unknown fact (null) fails it and an empty list matches
 * nothing.
 */
export function clauseApplies(clause: SlaClause, facts: SlaFacts): boolean {
  const when = clause.when;
  if (!when) return true;
  return (
    holds(when.areaClass, facts.areaClass) &&
    holds(when.urgency, facts.urgency) &&
    holds(when.grade, facts.grade)
  );
}

function holds<T>(allowed: readonly T[] | undefined, value: T | null): boolean {
  return allowed === undefined || (value !== null && allowed.includes(value));
}

/** For each step, the first clause of the policy whose conditions all hold (absent condition = any). */
export function resolveLimits(
  policy: SlaPolicy,
  facts: SlaFacts,
): Partial<Record<SlaStep, ResolvedLimit>> {
  const out: Partial<Record<SlaStep, ResolvedLimit>> = {};
  policy.clauses.forEach((clause, index) => {
    if (out[clause.step] === undefined && clauseApplies(clause, facts)) {
      out[clause.step] = { limit: clause.limit, clause: index };
    }
  });
  return out;
}
