import { describe, expect, it } from 'vitest';
import { WRAP_CODES, WRAP_CODE_INFO, wrapUpProblems } from './wrap-codes.js';

describe('wrap-up codes', () => {
  it('an answered enquiry needs the article it was answered with', () => {
    expect(wrapUpProblems({ code: 'enquiry_answered' }).map((p) => p.path)).toEqual(['articleId']);
    expect(wrapUpProblems({ code: 'enquiry_answered', articleId: 'a' })).toEqual([]);
  });

  it('order codes need an order; note codes a note that is not blank', () => {
    for (const code of ['order_created', 'progress_query', 'urge'] as const) {
      expect(wrapUpProblems({ code, orderIds: [] }).map((p) => p.path)).toEqual(['orderIds']);
      expect(wrapUpProblems({ code, orderIds: ['o'] })).toEqual([]);
    }
    for (const code of ['transferred', 'callback_request', 'other'] as const) {
      expect(wrapUpProblems({ code, note: '  ' }).map((p) => p.path)).toEqual(['note']);
      expect(wrapUpProblems({ code, note: '转营业厅' })).toEqual([]);
    }
  });

  it('the rest need nothing; every code has both labels', () => {
    for (const code of ['outage_informed', 'nuisance', 'silent', 'wrong_number'] as const) {
      expect(wrapUpProblems({ code })).toEqual([]);
    }
    for (const code of WRAP_CODES) {
      expect(WRAP_CODE_INFO[code].zh).not.toBe('');
      expect(WRAP_CODE_INFO[code].en).not.toBe('');
    }
    // Only codes that leave nothing for a department count as resolved on the call.
    expect(WRAP_CODES.filter((c) => WRAP_CODE_INFO[c].closedOnSpot)).toEqual([
      'enquiry_answered',
      'progress_query',
      'outage_informed',
      'nuisance',
      'silent',
      'wrong_number',
    ]);
  });
});
