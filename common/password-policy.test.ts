import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.js';

describe('password policy: ≥ 10 characters with 3 of 4 classes', () => {
  it.each([
    ['Lianxin@2026', true, 4],
    ['lianxin@2026', true, 3],
    ['LIANXIN2026a', true, 3],
    ['Abcdefghij1', true, 3],
    ['abc@defghij', false, 2],
    ['abcdefghijk', false, 1],
    ['1234567890', false, 1],
    ['Ab1@', false, 4],
    ['Abc@12345', false, 4],
    ['Abc@123456', true, 4],
    ['密码很长很长很长Ab1', true, 4],
  ])('%s → ok %s (%i classes)', (password, ok, classes) => {
    const r = checkPassword(password);
    expect(r.ok).toBe(ok);
    expect(r.classes).toBe(classes);
  });

  it('counts characters, not UTF-16 units, for the minimum length', () => {
    expect(checkPassword('😀😀😀😀😀Ab1').length).toBe(false); // 8 characters, 13 units
  });

  it('refuses passwords longer than 128', () => {
    expect(checkPassword(`Aa1@${'x'.repeat(200)}`).ok).toBe(false);
  });
});
