import { describe, expect, it } from 'vitest';
import { maskAddressDetail, maskEmail, maskIdNo, maskPhone, maskWechat } from './masking.js';
import { formatPhone, normalizePhone } from './phone.js';

describe('masking', () => {
  it('masks a mobile as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('keeps the area code and last four of a landline', () => {
    expect(maskPhone('079186123456')).toBe('0791-****3456');
    expect(maskPhone('01088886666')).toBe('010-****6666');
  });
  it('masks ID numbers and the rest', () => {
    expect(maskIdNo('360102199001011234')).toBe('360102********1234');
    expect(maskIdNo('91360100MA35XXXX7Q')).toBe('913601********XX7Q');
    expect(maskIdNo('123')).toBe('***');
    expect(maskAddressDetail('阳光小区3栋2单元501室')).toBe('****');
    expect(maskAddressDetail('')).toBe('');
    expect(maskEmail('zhang.san@example.com')).toBe('z***@example.com');
    expect(maskWechat('wxid_abc123')).toBe('wx****');
  });
});

describe('phone normalisation', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['013812345678', '13812345678'],
    ['0791-86123456', '079186123456'],
    ['(010)88886666', '01088886666'],
  ])('%s → %s', (raw, want) => {
    expect(normalizePhone(raw)).toBe(want);
  });
  it.each(['', 'abc', '12345', '23812345678', '1381234567'])('refuses %s', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });
  it('formats landlines with a dash', () => {
    expect(formatPhone('079186123456')).toBe('0791-86123456');
    expect(formatPhone('13812345678')).toBe('13812345678');
  });
});
