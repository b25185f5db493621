import { describe, expect, it } from 'vitest';
import { highlightAll, snippet } from './highlight.js';
import { plainText, renderBody } from './render.js';
import { queryWords, searchVectorText, textWords, tsqueryText } from './search-words.js';
import { bodyDiff, fieldChanges } from './version-diff.js';

describe('segmentation with the power dictionary', () => {
  it.each([
    ['峰谷电价怎么算', ['峰谷', '电价', '峰谷电价']],
    ['台区配电箱欠费停电', ['台区', '配电', '配电箱', '欠费', '停电', '欠费停电']],
    ['漏电保护器老是跳', ['漏电', '保护', '保护器', '漏电保护器']],
    ['拨打95598热线', ['拨打', '95598', '热线']],
    ['分布式光伏并网', ['分布', '布式', '分布式', '光伏', '光伏并网']],
  ])('%s', (text, words) => {
    expect(new Set(textWords(text))).toEqual(new Set(words));
  });

  it('drops stop words, punctuation and lone characters', () => {
    expect(textWords('我家里的电怎么了？')).toEqual([]);
    expect(textWords('请问，电费！')).toEqual(['电费']);
  });

  it('reads a query as groups of a word and its synonyms, parts weighing half', () => {
    const q = queryWords('电表走得快');
    expect(q.words).toEqual(['电表', '走得快']);
    expect(q.groups[0]).toEqual(['电表', '电能表', '智能电表', '表计']);
    expect(q.weights).toEqual([1, 1]);
    const tou = queryWords('峰谷电价');
    expect(tou.weights).toEqual([0.5, 0.5, 1]);
    expect(tsqueryText(["it's"])).toBe("'it''s'");
    expect(tsqueryText([])).toBeNull();
    // The same group named twice is ranked once.
    const twice = queryWords('电表 电能表').groups;
    expect(twice.filter((g) => g.includes('电能表'))).toHaveLength(1);
  });

  it('weights title words A, tags B, body C, with positions', () => {
    const v = searchVectorText({ title: '峰谷电价', tags: ['演示内容'], body: '峰谷电价说明' });
    expect(v).toContain("'峰谷电价':3A");
    expect(v).toMatch(/'演示内容':\d+B/);
    expect(v).toMatch(/'峰谷电价':\d+C/);
    expect(v).not.toMatch(/[^']说明[^']/);
  });
});

describe('rendering', () => {
  it('keeps safe Markdown and HTML, drops scripts, handlers and unsafe links', () => {
    const html = renderBody(
      '# 标题\n\n- **一**\n- [官网](https://www.95598.cn)\n\n<script>x()</script><a href="javascript:x()">坏</a><p style="color:red" onmouseover="x()">段</p>',
    );
    expect(html).toContain('<h1>标题</h1>');
    expect(html).toContain('<strong>一</strong>');
    expect(html).toContain('href="https://www.95598.cn" target="_blank" rel="noopener noreferrer"');
    expect(html).not.toMatch(/script|javascript|onmouseover|style=/);
    expect(html).toContain('<p>段</p>');
  });

  it('gives the plain text with block breaks and decoded entities', () => {
    expect(plainText(renderBody('第一段 A&B\n\n第二段 <3'))).toBe('第一段 A&B\n\n第二段 <3');
    expect(plainText('<ul><li>一</li><li>二&#x4E09;</li></ul>')).toBe('一\n二三');
  });
});

describe('highlights', () => {
  it('marks terms, the longest first, and keeps the text whole', () => {
    const h = highlightAll('峰谷电价与分时电价', ['电价', '峰谷电价']);
    expect(h).toEqual([
      { text: '峰谷电价', hit: true },
      { text: '与分时', hit: false },
      { text: '电价', hit: true },
    ]);
  });

  it('picks the window with the most different matched words', () => {
    const text = `${'无关内容。'.repeat(40)}欠费停电后交清电费即可复电。${'其他内容。'.repeat(40)}`;
    const s = snippet(text, ['欠费', '复电'], 60);
    expect(s[0]).toEqual({ text: '…', hit: false });
    expect(s.at(-1)).toEqual({ text: '…', hit: false });
    expect(s.filter((x) => x.hit).map((x) => x.text)).toEqual(['欠费', '复电']);
    expect(snippet('短文本', ['无'], 60)).toEqual([{ text: '短文本', hit: false }]);
  });
});

describe('version diff', () => {
  it('diffs by line, and a replaced line by character', () => {
    expect(bodyDiff('甲\n乙丙\n', '甲\n乙丁\n')).toEqual([
      { kind: 'same', text: '甲\n乙' },
      { kind: 'removed', text: '丙' },
      { kind: 'added', text: '丁' },
      { kind: 'same', text: '\n' },
    ]);
    expect(bodyDiff('一\n', '一\n二\n')).toEqual([
      { kind: 'same', text: '一\n' },
      { kind: 'added', text: '二\n' },
    ]);
  });

  it('lists changed fields only', () => {
    expect(fieldChanges({ 标题: '甲', 标签: '乙' }, { 标题: '甲', 标签: '丙' })).toEqual([
      { field: '标签', from: '乙', to: '丙' },
    ]);
  });
});
