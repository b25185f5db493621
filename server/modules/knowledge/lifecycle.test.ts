import { describe, expect, it } from 'vitest';
import type { Permission } from '../../../common/permissions.js';
import {
  allowedActions,
  articleState,
  datesValid,
  effectiveState,
  stateRefusal,
  type FlowVersions,
} from './lifecycle.js';

const now = new Date('2026-11-24T08:00:00Z');
const past = new Date('2026-11-01T00:00:00Z');
const future = new Date('2026-12-31T00:00:00Z');

const draftOnly: FlowVersions = { live: null, working: { state: 'draft', submittedBy: null } };
const inReview = (by = 'author'): FlowVersions => ({
  live: null,
  working: { state: 'review', submittedBy: by },
});
const live = (expiresAt: Date | null = null, working: FlowVersions['working'] = null) => ({
  live: { state: 'published' as const, expiresAt },
  working,
});
const editor = { userId: 'author', permissions: ['knowledge.edit'] as Permission[] };
const reviewer = { userId: 'boss', permissions: ['knowledge.review'] as Permission[] };
const both = {
  userId: 'lead',
  permissions: ['knowledge.edit', 'knowledge.review'] as Permission[],
};

describe('effective state', () => {
  it('turns a published version past its expiry date into expired, nothing else', () => {
    expect(effectiveState('published', past, now)).toBe('expired');
    expect(effectiveState('published', now, now)).toBe('expired');
    expect(effectiveState('published', future, now)).toBe('published');
    expect(effectiveState('published', null, now)).toBe('published');
    expect(effectiveState('draft', past, now)).toBe('draft');
    expect(effectiveState('superseded', past, now)).toBe('superseded');
  });

  it("is the live version's state, else the working version's", () => {
    expect(articleState(draftOnly, now)).toBe('draft');
    expect(articleState(inReview(), now)).toBe('review');
    expect(articleState(live(null, { state: 'draft', submittedBy: null }), now)).toBe('published');
    expect(articleState(live(past), now)).toBe('expired');
  });
});

describe('transitions', () => {
  it.each([
    ['submit', draftOnly, null],
    ['submit', inReview(), 'not_allowed'],
    ['submit', live(), 'not_allowed'],
    ['approve', inReview(), null],
    ['approve', inReview('boss'), 'self_review'],
    ['approve', draftOnly, 'not_allowed'],
    ['approve', live(), 'not_allowed'],
    ['reject', inReview('boss'), null],
    ['reject', draftOnly, 'not_allowed'],
    ['expire', live(), null],
    ['expire', live(future), null],
    ['expire', live(past), 'not_allowed'],
    ['expire', draftOnly, 'not_allowed'],
    ['edit', draftOnly, null],
    ['edit', live(), null],
    ['edit', live(past), null],
    ['edit', inReview(), 'not_allowed'],
    ['edit', live(null, { state: 'review', submittedBy: 'author' }), 'not_allowed'],
  ] as const)('%s on %j → %s', (action, flow, refusal) => {
    expect(stateRefusal(action, flow, 'boss', now)).toBe(refusal);
  });

  it('offers each person only the actions their permissions and the state allow', () => {
    expect(allowedActions(draftOnly, editor, now)).toEqual(['edit', 'submit']);
    expect(allowedActions(draftOnly, reviewer, now)).toEqual([]);
    expect(allowedActions(inReview('author'), editor, now)).toEqual([]);
    expect(allowedActions(inReview('author'), reviewer, now)).toEqual(['approve', 'reject']);
    // Four eyes: a lead who submitted may reject (withdraw) but not approve.
    expect(allowedActions(inReview('lead'), both, now)).toEqual(['reject']);
    expect(allowedActions(live(), both, now)).toEqual(['edit', 'expire']);
    expect(allowedActions(live(past), both, now)).toEqual(['edit']);
  });

  it('checks validity dates', () => {
    expect(datesValid(null, null)).toBe(true);
    expect(datesValid(past, null)).toBe(true);
    expect(datesValid(null, past)).toBe(true);
    expect(datesValid(past, future)).toBe(true);
    expect(datesValid(future, past)).toBe(false);
    expect(datesValid(past, past)).toBe(false);
  });
});
