import { describe, expect, it } from 'vitest';
import { addressTokens, nameQuery, nameTokens, textQuery } from './search-tokens.js';

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

  it('reads a short Chinese query as a name or as address text', () => {
    expect(nameQuery('张小明')).toBe("('张小':A & '小明':A)");
    expect(textQuery('张小明')).toBe("(('张小':A & '小明':A) | ('张小':B & '小明':B))");
    expect(textQuery('张')).toBe("(('张':A) | ('张':B))");
  });

  it('reads a long query as an address, and each spaced word on its own', () => {
    expect(nameQuery('青山湖区人民路阳光小区')).toBeNull();
    expect(textQuery('人民路 张三')).toBe(
      "(('人民':A & '民路':A) | ('人民':B & '民路':B)) & (('张三':A) | ('张三':B))",
    );
    expect(textQuery("O'Brien")).toContain("'o':A & 'brien':A");
    expect(textQuery('   ')).toBeNull();
    expect(textQuery("路'")).toBe("('路':B)");
  });
});
