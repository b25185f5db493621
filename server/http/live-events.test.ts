/**
 * Who receives which pushed message: the filter /api/events applies to every message before it
 * reaches a stream. Pure: actors and messages are built here.
 */
import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, type Permission } from '../../common/permissions.js';
import type { Actor } from '../platform/actor.js';
import type { LiveMessage } from '../platform/live-hub.js';
import { acceptsFor } from './live-events.js';

// root / province P / city C / county K1 (csc below it) and county K2.
const ROOT = '/r/';
const PROVINCE = `${ROOT}p/`;
const CITY = `${PROVINCE}c/`;
const K1 = `${CITY}k1/`;
const CSC = `${K1}csc/`;
const K2 = `${CITY}k2/`;

function actor(
  over: Omit<Partial<Actor>, 'permissions'> & { permissions: readonly Permission[] },
): Actor {
  return {
    userId: 'u1',
    username: 'u1',
    displayName: '测试',
    roles: [],
    rolePermissions: [...over.permissions],
    scope: 'subtree',
    unitId: 'csc',
    unitName: '客服中心',
    unitLevel: 'department',
    unitPath: CSC,
    provinceId: 'p',
    phone: null,
    email: null,
    lastLoginAt: null,
    mustChangePassword: false,
    via: 'session',
    sessionId: 's1',
    csrfToken: null,
    sessionExpiresAt: null,
    tokenId: null,
    ...over,
    permissions: [...over.permissions],
  };
}

const message = (topic: string, payload: Record<string, unknown>): LiveMessage => ({
  topic,
  payload,
  orgId: null,
  provinceId: null,
});

describe('knowledge.changed', () => {
  const agent = actor({ permissions: ROLE_PERMISSIONS.agent, scope: 'subtree' });
  const article = (unitPath: string) =>
    message('knowledge.changed', { articleId: 'a1', action: 'approve', unitPath });

  it('reaches readers of the article: their own area and every unit above them', () => {
    const accepts = acceptsFor(agent);
    // A department works for its parent: the county's articles are in its area.
    expect(accepts(article(K1))).toBe(true);
    expect(accepts(article(CSC))).toBe(true);
    // Articles of the city, province and root companies are read below them.
    expect(accepts(article(CITY))).toBe(true);
    expect(accepts(article(PROVINCE))).toBe(true);
    expect(accepts(article(ROOT))).toBe(true);
  });

  it('does not reach a sibling county, nor someone without knowledge.view', () => {
    expect(acceptsFor(agent)(article(K2))).toBe(false);
    const noKnowledge = actor({
      permissions: ROLE_PERMISSIONS.agent.filter((p) => p !== 'knowledge.view'),
    });
    expect(acceptsFor(noKnowledge)(article(K1))).toBe(false);
    // A message without a path (cut for NOTIFY's size limit) reaches no one.
    expect(acceptsFor(agent)(message('knowledge.changed', { articleId: 'a1' }))).toBe(false);
  });
});

describe('notify.inbox', () => {
  it('reaches its own user only, whatever their permissions', () => {
    const mine = message('notify.inbox', { userId: 'u1', change: 'new' });
    expect(acceptsFor(actor({ permissions: [] }))(mine)).toBe(true);
    expect(acceptsFor(actor({ userId: 'u2', permissions: ROLE_PERMISSIONS.admin }))(mine)).toBe(
      false,
    );
  });

  it('leaves notify.queued (the sender’s own bookkeeping) to no one', () => {
    const queued = message('notify.queued', { deliveryId: 'd1', userId: 'u1' });
    expect(acceptsFor(actor({ permissions: ROLE_PERMISSIONS.admin }))(queued)).toBe(false);
  });
});
