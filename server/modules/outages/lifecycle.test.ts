import { describe, expect, it } from 'vitest';
import { OUTAGE_ACTIONS, OUTAGE_STATES } from '../../../common/outages/categories.js';
import {
  allowedOutageActions,
  estimateFlags,
  mayAct,
  nextState,
  publishFlags,
  restoreFlags,
  windowProblem,
} from './lifecycle.js';

const at = (s: string) => new Date(s);
const NOW = at('2026-11-24T10:00:00+08:00');

describe('outage lifecycle', () => {
  it('allows each action only from its states', () => {
    const table: Record<string, string[]> = {
      draft: ['publish', 'cancel'],
      published: ['start', 'estimate', 'postpone', 'cancel'],
      in_progress: ['estimate', 'restore'],
      postponed: ['start', 'estimate', 'postpone', 'cancel'],
      restored: [],
      cancelled: [],
    };
    for (const s of OUTAGE_STATES) {
      expect(allowedOutageActions(s), s).toEqual(
        OUTAGE_ACTIONS.filter((a) => table[s]!.includes(a)),
      );
      for (const a of OUTAGE_ACTIONS) expect(mayAct(s, a)).toBe(table[s]!.includes(a));
    }
  });

  it('puts a published fault (or an outage already started) in progress at once', () => {
    const draft = { state: 'draft' as const, startedAt: null };
    expect(nextState({ ...draft, category: 'grid_fault' }, 'publish')).toBe('in_progress');
    expect(nextState({ ...draft, category: 'planned' }, 'publish')).toBe('published');
    expect(nextState({ ...draft, category: 'temporary', startedAt: NOW }, 'publish')).toBe(
      'in_progress',
    );
    expect(
      nextState({ state: 'in_progress', category: 'planned', startedAt: NOW }, 'estimate'),
    ).toBe('in_progress');
    expect(nextState({ ...draft, category: 'planned' }, 'postpone')).toBe('postponed');
  });

  it('flags a planned outage announced under 7 days ahead, not one at 7 days', () => {
    const base = {
      category: 'planned' as const,
      startedAt: null,
      createdAt: NOW,
      importantCustomers: 0,
    };
    expect(publishFlags({ ...base, plannedStart: at('2026-12-01T10:00:00+08:00') }, NOW)).toEqual(
      [],
    );
    expect(publishFlags({ ...base, plannedStart: at('2026-12-01T09:59:00+08:00') }, NOW)).toEqual([
      'late_notice',
    ]);
  });

  it('flags a temporary outage under 24 h ahead only when important customers are in it', () => {
    const base = {
      category: 'temporary' as const,
      startedAt: null,
      createdAt: NOW,
      plannedStart: at('2026-11-25T09:00:00+08:00'),
    };
    expect(publishFlags({ ...base, importantCustomers: 0 }, NOW)).toEqual([]);
    expect(publishFlags({ ...base, importantCustomers: 2 }, NOW)).toEqual([
      'late_important_notice',
    ]);
    expect(
      publishFlags(
        { ...base, importantCustomers: 2, plannedStart: at('2026-11-25T10:00:00+08:00') },
        NOW,
      ),
    ).toEqual([]);
  });

  it('flags fault information entered more than 5 minutes after the power went off', () => {
    const base = { category: 'grid_fault' as const, plannedStart: null, importantCustomers: 0 };
    const off = at('2026-11-24T09:55:00+08:00');
    expect(publishFlags({ ...base, startedAt: off, createdAt: NOW }, NOW)).toEqual([]);
    expect(
      publishFlags({ ...base, startedAt: off, createdAt: NOW }, at('2026-11-24T10:00:01+08:00')),
    ).toEqual(['late_entry']);
    // Without the time the power went off, the 5 minutes run from entry (confirmation).
    expect(
      publishFlags({ ...base, startedAt: null, createdAt: NOW }, at('2026-11-24T10:06:00+08:00')),
    ).toEqual(['late_entry']);
  });

  it('flags a late estimate and an overrun', () => {
    expect(estimateFlags(at('2026-11-24T09:55:00+08:00'), NOW)).toEqual([]);
    expect(estimateFlags(at('2026-11-24T09:54:59+08:00'), NOW)).toEqual(['late_estimate']);
    expect(restoreFlags(at('2026-11-24T09:00:00+08:00'), NOW)).toEqual(['overrun']);
    expect(restoreFlags(NOW, NOW)).toEqual([]);
    expect(restoreFlags(null, NOW)).toEqual([]);
  });

  it('needs a planned window for announced outages, not for faults', () => {
    expect(windowProblem({ category: 'planned', plannedStart: null, plannedEnd: null })).toMatch(
      /plannedStart/,
    );
    expect(windowProblem({ category: 'arrears', plannedStart: NOW, plannedEnd: NOW })).toMatch(
      /after/,
    );
    expect(windowProblem({ category: 'grid_fault', plannedStart: null, plannedEnd: null })).toBe(
      null,
    );
  });
});
