import { describe, expect, it } from 'vitest';
import { addressTokens, nameTokens, textQuery } from './search-tokens.js';

describe('search tokens', () => {
  it('indexes a name by itself, its surname and its bigrams', () => {
    expect(nameTokens('欧阳晓明').sort()).toEqual(
      ['晓明', '欧', '欧阳', '欧阳晓明', '阳晓'].sort(),
    );
    expect(nameTokens('')).toEqual([]);
  });

  it('segments an address into words and their parts', () => {
    const words = addressTokens('南昌市青山湖区人民路128号阳光小区3栋');
    for (const w of ['南昌', '南昌市', '青山湖区', '人民', '128', '阳光', '小区']) {
      expect(words).toContain(w);
    }
    expect(words).not.toContain(' ');
  });

  it('reads a short Chinese query as a name and as address words', () => {
    const q = textQuery('张小明');
    expect(q.name).toBe("'张小':A & '小明':A");
    expect(q.address).toContain(':B');
    expect(textQuery('张').name).toBe("'张':A");
  });

  it('reads a long query as an address only and escapes quotes', () => {
    expect(textQuery('青山湖区人民路阳光小区').name).toBeNull();
    expect(textQuery("O'Brien").name).toBe("'o':A & 'brien':A");
    expect(textQuery('   ').address).toBeNull();
  });
});
