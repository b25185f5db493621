/** Which crew to send to an outage: most overlap of area and scope, else the nearest of the unit. */
import { describe, expect, it } from 'vitest';
import {
  distanceKm,
  rankCrewsForOutage,
  scopeOverlap,
  type OutageCandidate,
  type OutageScopeFacts,
} from './outage-suggestion.js';

const crew = (over: Partial<OutageCandidate> & { id: string }): OutageCandidate => ({
  name: over.id,
  state: 'on_duty',
  busy: false,
  unitPath: '/p/c/county1/station1/',
  areaPath: '/p/c/county1/station1/',
  feederIds: [],
  transformerIds: [],
  position: null,
  ...over,
});

// Feeder f1 holds t1, t2, t3; feeder f2 holds t4. The outage covers f1 and t4.
const scope: OutageScopeFacts = {
  transformers: [
    { id: 't1', feederId: 'f1' },
    { id: 't2', feederId: 'f1' },
    { id: 't3', feederId: 'f1' },
    { id: 't4', feederId: 'f2' },
  ],
  bareFeederIds: [],
  unitPaths: ['/p/c/county1/', '/p/c/county1/station1/'],
  centre: { lat: 28.5, lng: 115.9 },
};

describe('scopeOverlap', () => {
  it('counts scope transformers held by the crew, directly or through their feeder', () => {
    expect(scopeOverlap(scope, crew({ id: 'a', feederIds: ['f1'] }))).toBe(3);
    expect(scopeOverlap(scope, crew({ id: 'b', transformerIds: ['t4', 't9'] }))).toBe(1);
    expect(scopeOverlap(scope, crew({ id: 'c', feederIds: ['f1'], transformerIds: ['t1'] }))).toBe(
      3,
    );
    expect(scopeOverlap(scope, crew({ id: 'd', feederIds: ['f9'] }))).toBe(0);
    expect(
      scopeOverlap({ ...scope, bareFeederIds: ['f7'] }, crew({ id: 'e', feederIds: ['f7'] })),
    ).toBe(1);
  });
});

describe('distanceKm', () => {
  it('is about 111 km per degree of latitude and 0 for the same place', () => {
    expect(distanceKm({ lat: 28, lng: 115 }, { lat: 29, lng: 115 })).toBeCloseTo(111.2, 0);
    expect(distanceKm({ lat: 28, lng: 115 }, { lat: 28, lng: 115 })).toBe(0);
  });
});

describe('rankCrewsForOutage', () => {
  it('suggests the free crew on duty with the most overlap', () => {
    const r = rankCrewsForOutage(scope, [
      crew({ id: 'small', transformerIds: ['t4'] }),
      crew({ id: 'big', feederIds: ['f1'] }),
      crew({ id: 'unit' }),
    ]);
    expect(r.map((x) => [x.crew.id, x.match, x.overlap])).toEqual([
      ['big', 'area', 3],
      ['small', 'area', 1],
      ['unit', 'unit', 0],
    ]);
    expect(r.filter((x) => x.suggested).map((x) => x.crew.id)).toEqual(['big']);
  });

  it('skips a busy crew or one on the road for the suggestion, and leaves out off duty', () => {
    const r = rankCrewsForOutage(scope, [
      crew({ id: 'big', feederIds: ['f1'], busy: true }),
      crew({ id: 'moving', feederIds: ['f1'], state: 'en_route' }),
      crew({ id: 'home', feederIds: ['f1'], state: 'off_duty' }),
      crew({ id: 'small', transformerIds: ['t4'] }),
    ]);
    expect(r.map((x) => x.crew.id)).toEqual(['moving', 'big', 'small']);
    expect(r.find((x) => x.suggested)?.crew.id).toBe('small');
  });

  it('with no area overlap, suggests the nearest free crew of the scope’s unit', () => {
    const r = rankCrewsForOutage(scope, [
      crew({ id: 'far', position: { lat: 29.5, lng: 115.9 } }),
      crew({ id: 'unknown' }),
      crew({ id: 'near', position: { lat: 28.51, lng: 115.9 } }),
      crew({ id: 'nearBusy', busy: true, position: { lat: 28.5, lng: 115.9 } }),
      crew({ id: 'elsewhere', unitPath: '/p/c/county2/s/', areaPath: '/p/c/county2/s/' }),
    ]);
    expect(r.map((x) => x.crew.id)).toEqual(['near', 'far', 'unknown', 'nearBusy']);
    expect(r[0]).toMatchObject({ match: 'unit', suggested: true });
    expect(r[0]!.distanceKm).toBeCloseTo(1.1, 1);
    expect(r.find((x) => x.crew.id === 'unknown')?.distanceKm).toBeNull();
  });

  it('suggests nobody when every crew is busy', () => {
    const r = rankCrewsForOutage(scope, [crew({ id: 'a', feederIds: ['f1'], busy: true })]);
    expect(r).toHaveLength(1);
    expect(r.some((x) => x.suggested)).toBe(false);
  });
});
