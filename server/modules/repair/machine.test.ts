import { describe, expect, it } from 'vitest';
import {
  crewAfter,
  jobActionFits,
  jobActionsIn,
  orderActionsFor,
  rankCrews,
  type CandidateCrew,
} from './machine.js';

const crew = (over: Partial<CandidateCrew>): CandidateCrew => ({
  id: over.name ?? 'x',
  name: 'x',
  state: 'on_duty',
  busy: false,
  unitPath: '/r/c/s/',
  areaPath: '/r/c/s/',
  feederIds: [],
  transformerIds: [],
  ...over,
});
const order = { transformerId: 't1', feederId: 'f1', unitPath: '/r/c/s/' };

describe('job machine', () => {
  it('allows each action only in its states', () => {
    expect(jobActionsIn('offered')).toEqual(['accept', 'send_back']);
    expect(jobActionsIn('accepted')).toEqual(['send_back', 'depart', 'arrive']);
    expect(jobActionsIn('en_route')).toEqual(['arrive']);
    expect(jobActionsIn('on_site')).toEqual(['complete']);
    expect(jobActionsIn('done')).toEqual([]);
    expect(jobActionsIn('sent_back')).toEqual([]);
    expect(jobActionFits('offered', 'arrive')).toBe(false);
  });

  it('moves the crew with the job, and frees it only when no other job is live', () => {
    expect(crewAfter('depart', 'on_duty', 0)).toBe('en_route');
    expect(crewAfter('arrive', 'en_route', 0)).toBe('on_site');
    expect(crewAfter('complete', 'on_site', 0)).toBe('on_duty');
    expect(crewAfter('complete', 'on_site', 1)).toBe('on_site');
    expect(crewAfter('accept', 'on_duty', 0)).toBe('on_duty');
    expect(crewAfter('send_back', 'off_duty', 0)).toBe('off_duty');
  });

  it('drives the order only as far as its state allows', () => {
    expect(orderActionsFor('accept', 'dispatched')).toEqual(['acknowledge']);
    expect(orderActionsFor('accept', 'handling')).toEqual([]);
    expect(orderActionsFor('arrive', 'dispatched')).toEqual(['acknowledge', 'arrive']);
    expect(orderActionsFor('complete', 'on_site')).toEqual(['repaired', 'return']);
    expect(orderActionsFor('complete', 'repaired')).toEqual(['return']);
    expect(orderActionsFor('send_back', 'handling')).toEqual([]);
  });
});

describe('crew suggestion', () => {
  it('prefers the transformer’s crew, then the feeder’s, then the unit’s; free and on duty', () => {
    const r = rankCrews(order, [
      crew({ name: 'unit' }),
      crew({ name: 'feeder', feederIds: ['f1'] }),
      crew({ name: 'trafo-busy', transformerIds: ['t1'], busy: true, state: 'en_route' }),
      crew({ name: 'trafo', transformerIds: ['t1'] }),
      crew({ name: 'off', transformerIds: ['t1'], state: 'off_duty' }),
      crew({ name: 'elsewhere', unitPath: '/r/d/', areaPath: '/r/d/' }),
    ]);
    expect(r.map((x) => x.crew.name)).toEqual(['trafo', 'trafo-busy', 'feeder', 'unit']);
    expect(r.filter((x) => x.suggested).map((x) => x.crew.name)).toEqual(['trafo']);
  });

  it('falls back to a free crew of the order’s unit, or suggests none', () => {
    const r = rankCrews(order, [
      crew({ name: 'feeder-busy', feederIds: ['f1'], busy: true }),
      crew({ name: 'unit' }),
    ]);
    expect(r.find((x) => x.suggested)?.crew.name).toBe('unit');
    expect(rankCrews(order, [crew({ name: 'b', busy: true })]).some((x) => x.suggested)).toBe(
      false,
    );
  });
});
