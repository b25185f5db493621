import { describe, expect, it } from 'vitest';
import { inScope, scopePrefix } from './actor.js';
import { langFrom } from './lang.js';
import { newId } from './ids.js';

describe('Accept-Language', () => {
  it.each([
    [undefined, 'zh'],
    ['', 'zh'],
    ['zh-CN,zh;q=0.9', 'zh'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN;q=0.5,en;q=0.8', 'en'],
    ['fr-FR,en;q=0.5', 'en'],
    ['fr-FR', 'zh'],
    ['*', 'zh'],
    [';;;q=abc,,', 'zh'],
  ])('%s → %s', (header, lang) => {
    expect(langFrom(header)).toBe(lang);
  });
});

describe('data scope', () => {
  const path = '/n/p/c/k/';
  it('a subtree role sees its unit and below', () => {
    const a = { scope: 'subtree' as const, unitPath: path, provinceId: 'p' };
    expect(scopePrefix(a)).toBe(path);
    expect(inScope(a, '/n/p/c/k/s/')).toBe(true);
    expect(inScope(a, '/n/p/c/k2/')).toBe(false);
    expect(inScope(a, '/n/p/c/')).toBe(false);
  });
  it('a province role sees the whole province', () => {
    const a = { scope: 'province' as const, unitPath: '/n/p/csc/', provinceId: 'p' };
    expect(scopePrefix(a)).toBe('/n/p/');
    expect(inScope(a, '/n/p/c/k/')).toBe(true);
    expect(inScope(a, '/n/p2/')).toBe(false);
  });
  it('a province role at national level keeps its own subtree', () => {
    const a = { scope: 'province' as const, unitPath: '/n/', provinceId: null };
    expect(scopePrefix(a)).toBe('/n/');
  });
});

describe('ids', () => {
  it('are UUIDv7 and increase with time', () => {
    const a = newId();
    const b = newId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });
});
