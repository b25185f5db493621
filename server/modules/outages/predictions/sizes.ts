/**
 * The network's sizes the analysis takes shares of (customers per transformer, transformers per
 * feeder), kept in memory for a minute: the network changes by imports, rarely, and a storm asks
 * for the same feeders thousands of times. A stale size only moves a share threshold a little.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { networkSizes } from './store.js';

const TTL_MS = 60_000;
const MAX_ENTRIES = 200_000;

interface Entry {
  n: number;
  at: number;
}
const customers = new Map<string, Entry>();
const transformers = new Map<string, Entry>();

const fresh = (m: Map<string, Entry>, id: string, now: number) => {
  const e = m.get(id);
  return e && now - e.at < TTL_MS ? e.n : undefined;
};

/** Sizes for the feeders and transformers asked for, reading only what the cache lacks. */
export async function sizesFor(
  tx: Kysely<DB>,
  feederIds: string[],
  transformerIds: string[],
): Promise<{ customersOn(id: string): number; transformersOn(id: string): number }> {
  const now = Date.now();
  const missingT = [...new Set(transformerIds)].filter(
    (id) => fresh(customers, id, now) === undefined,
  );
  const missingF = [...new Set(feederIds)].filter(
    (id) => fresh(transformers, id, now) === undefined,
  );
  if (missingT.length + missingF.length > 0) {
    const r = await networkSizes(tx, missingF, missingT);
    if (customers.size + transformers.size > MAX_ENTRIES) {
      customers.clear();
      transformers.clear();
    }
    for (const [id, n] of r.customers) customers.set(id, { n, at: now });
    for (const [id, n] of r.transformers) transformers.set(id, { n, at: now });
  }
  return {
    customersOn: (id) => customers.get(id)?.n ?? 0,
    transformersOn: (id) => transformers.get(id)?.n ?? 0,
  };
}

/** Forgets every size (tests that change the network under a running analysis). */
export function forgetSizes(): void {
  customers.clear();
  transformers.clear();
}
