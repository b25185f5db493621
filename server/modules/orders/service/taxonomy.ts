/**
 * The taxonomy as services use it: the current version cached in-process (every order create
 * reads it), older versions on demand (an order keeps the version it was accepted under).
 */
import type { Kysely } from 'kysely';
import { ORDER_TYPES, type Taxonomy } from '../../../../common/orders/taxonomy.js';
import type { DB } from '../../../db/schema.js';
import { getTaxonomy, latestTaxonomyVersion, type TaxonomyRow } from '../store/taxonomy.js';

/** A published version is never changed, so versions are cached for good. */
const versions = new Map<number, TaxonomyRow>();
let latest: { version: number; checkedAt: number } | null = null;
/** Another process may publish: the newest version number is re-read at most this often. */
const LATEST_TTL_MS = 5_000;

export async function taxonomyVersion(
  tx: Kysely<DB>,
  version: number,
): Promise<TaxonomyRow | null> {
  const hit = versions.get(version);
  if (hit) return hit;
  const row = await getTaxonomy(tx, version);
  if (row) versions.set(version, row);
  return row;
}

/** The current taxonomy. */
export async function currentTaxonomy(tx: Kysely<DB>, now = Date.now()): Promise<TaxonomyRow> {
  if (!latest || now - latest.checkedAt > LATEST_TTL_MS) {
    latest = { version: await latestTaxonomyVersion(tx), checkedAt: now };
  }
  const row = await taxonomyVersion(tx, latest.version);
  if (!row) throw new Error('No order taxonomy: migration 0007 seeds version 1');
  return row;
}

/** Forgets the cached newest version (after a publish in this process). */
export function forgetLatestTaxonomy(): void {
  latest = null;
}

/** Problems of a taxonomy beyond its schema: every fixed type once, unique subtype codes. */
export function taxonomyProblems(t: Taxonomy): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const seen = new Set<string>();
  t.types.forEach((type, i) => {
    if (seen.has(type.code))
      problems.push({ path: ['types', i, 'code'], message: 'Duplicate type' });
    seen.add(type.code);
    const codes = new Set<string>();
    type.subtypes.forEach((s, j) => {
      if (codes.has(s.code)) {
        problems.push({ path: ['types', i, 'subtypes', j, 'code'], message: 'Duplicate subtype' });
      }
      codes.add(s.code);
    });
  });
  for (const code of ORDER_TYPES) {
    if (!seen.has(code)) problems.push({ path: ['types'], message: `Type ${code} is missing` });
  }
  return problems;
}
