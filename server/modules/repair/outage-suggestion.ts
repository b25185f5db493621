/**
 * Which crew to send to an outage, pure: the free crew on duty whose service area covers most of
 * the outage's scope; when no crew's area touches it, the nearest free crew of the scope's unit.
 */
import type { CrewState } from '../../../common/schemas/repair.js';
import type { CandidateCrew } from './machine.js';

export interface LatLng {
  lat: number;
  lng: number;
}

/** An outage's scope as the suggestion sees it, expanded to transformers. */
export interface OutageScopeFacts {
  /** Every transformer under the scope (named ones and those of its feeders), with its feeder. */
  transformers: readonly { id: string; feederId: string }[];
  /** Scope feeders with no transformer under them (they count on their own). */
  bareFeederIds: readonly string[];
  /** The unit paths owning the scope's nodes. */
  unitPaths: readonly string[];
  /** The mean position of the scope's transformers, when any has one. */
  centre: LatLng | null;
}

export interface OutageCandidate extends CandidateCrew {
  /** Where the crew last stamped a position (depart, arrive, complete); null if never. */
  position: LatLng | null;
}

export interface RankedForOutage {
  crew: OutageCandidate;
  match: 'area' | 'unit';
  overlap: number;
  distanceKm: number | null;
  suggested: boolean;
}

/** Scope transformers (and bare feeders) inside the crew's service area. */
export function scopeOverlap(scope: OutageScopeFacts, crew: CandidateCrew): number {
  const feeders = new Set(crew.feederIds);
  const transformers = new Set(crew.transformerIds);
  let n = 0;
  for (const t of scope.transformers) if (transformers.has(t.id) || feeders.has(t.feederId)) n++;
  for (const f of scope.bareFeederIds) if (feeders.has(f)) n++;
  return n;
}

const EARTH_KM = 6371;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in km (haversine); plenty for ranking crews a few km apart. */
export function distanceKm(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Whether the crew serves where the scope lies: one unit path holds the other. */
function servesUnit(scope: OutageScopeFacts, crew: CandidateCrew): boolean {
  return scope.unitPaths.some((p) => p.startsWith(crew.areaPath) || crew.unitPath.startsWith(p));
}

const STATE_RANK: Record<CrewState, number> = { on_duty: 0, en_route: 1, on_site: 2, off_duty: 3 };
const far = (d: number | null) => d ?? Number.POSITIVE_INFINITY;

/**
 * Crews that may go to an outage, best first: those whose area covers part of the scope (most
 * overlap first), then the other crews of the scope's unit (nearest first); free before busy, on
 * duty before en route before on site. The suggestion is the first free crew on duty. Crews off
 * duty and crews of other units are left out.
 */
export function rankCrewsForOutage(
  scope: OutageScopeFacts,
  crews: readonly OutageCandidate[],
): RankedForOutage[] {
  const ranked = crews
    .filter((c) => c.state !== 'off_duty')
    .flatMap((c): RankedForOutage[] => {
      const overlap = scopeOverlap(scope, c);
      const match = overlap > 0 ? 'area' : servesUnit(scope, c) ? 'unit' : null;
      if (!match) return [];
      const d = c.position && scope.centre ? distanceKm(c.position, scope.centre) : null;
      return [{ crew: c, match, overlap, distanceKm: d, suggested: false }];
    })
    .sort(
      (a, b) =>
        Number(a.match === 'unit') - Number(b.match === 'unit') ||
        b.overlap - a.overlap ||
        Number(a.crew.busy) - Number(b.crew.busy) ||
        far(a.distanceKm) - far(b.distanceKm) ||
        STATE_RANK[a.crew.state] - STATE_RANK[b.crew.state] ||
        a.crew.name.localeCompare(b.crew.name, 'zh'),
    );
  const pick = ranked.find((r) => r.crew.state === 'on_duty' && !r.crew.busy);
  if (pick) pick.suggested = true;
  return ranked;
}
