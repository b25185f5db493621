import type { SlaLimit } from '../../../../common/orders/sla.js';

/**
 * 倒推各环节时限 (rules.md §3): when a unit commits only to a total (e.g. 22 working days for a
 * high-voltage single-source connection), the step limits are the default steps scaled to that
 * total, in whole units, summing to the total exactly.
 */

/** A step limit derived from a total. */
export interface DerivedStepLimit {
  step: string;
  limit: SlaLimit;
  /** How long before the total's deadline this step must end: the sum of the later steps. */
  endsBefore: SlaLimit;
}

function whole(limit: SlaLimit, what: string): void {
  if (!Number.isInteger(limit.amount) || limit.amount < 1) {
    throw new Error(
      `${what} must be a positive whole number of ${limit.unit}, got ${limit.amount}`,
    );
  }
}

/**
 * 倒推: step limits derived backwards from a committed total when a unit sets only the total.
 *
 * Largest remainder: each step gets the floor of its proportional share, and the units left over
 * go to the largest fractional parts (ties: the later step first, as later steps sit closest to
 * the deadline). A step rounded down to 0 then takes 1 unit from the step with the most units
 * (the earliest such), so every step keeps at least 1.
 */
export function deriveStepLimits(
  total: SlaLimit,
  defaults: readonly { step: string; limit: SlaLimit }[],
): DerivedStepLimit[] {
  whole(total, 'The total');
  if (defaults.length === 0) throw new Error('Deriving step limits needs at least one step');
  for (const d of defaults) {
    if (d.limit.unit !== total.unit) {
      throw new Error(
        `Step "${d.step}" is in ${d.limit.unit} but the total is in ${total.unit}; ` +
          'derive only from limits of one unit',
      );
    }
    whole(d.limit, `The default of step "${d.step}"`);
  }
  if (total.amount < defaults.length) {
    throw new Error(
      `A total of ${total.amount} ${total.unit} cannot give each of ${defaults.length} steps ` +
        `at least 1`,
    );
  }

  // Integer arithmetic: share_i = total × d_i / sum, kept as floor and remainder (no float ties).
  const sum = defaults.reduce((s, d) => s + d.limit.amount, 0);
  const shares = defaults.map((d, index) => {
    const scaled = total.amount * d.limit.amount;
    return { index, units: Math.floor(scaled / sum), rest: scaled % sum };
  });
  let left = total.amount - shares.reduce((s, x) => s + x.units, 0);
  const byRest = [...shares].sort((a, b) => b.rest - a.rest || b.index - a.index);
  for (const share of byRest) {
    if (left === 0) break;
    share.units++;
    left--;
  }
  const units = shares.map((s) => s.units);
  for (let i = 0; i < units.length; i++) {
    if (units[i] !== 0) continue;
    const donor = units.indexOf(Math.max(...units));
    units[donor]! -= 1;
    units[i] = 1;
  }

  let after = total.amount;
  return defaults.map((d, i) => {
    const amount = units[i]!;
    after -= amount;
    return {
      step: d.step,
      limit: { unit: total.unit, amount },
      endsBefore: { unit: total.unit, amount: after },
    };
  });
}
