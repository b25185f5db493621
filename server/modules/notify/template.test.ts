import { describe, expect, it } from 'vitest';
import { retryDelaySeconds } from './service/send.js';
import { checkTemplate, renderTemplate, templateVariables } from './template.js';

describe('checkTemplate', () => {
  it('accepts known variables and plain text', () => {
    expect(checkTemplate({ subject: '', body: '尊敬的{customerName}：{area}停电。' })).toEqual([]);
    expect(checkTemplate({ subject: '无变量', body: '纯文本' })).toEqual([]);
  });

  it('refuses an unknown variable, naming it and the field', () => {
    expect(checkTemplate({ subject: '{title}', body: '{customerName}，{amount}元' })).toEqual([
      { field: 'body', reason: 'unknown_variable', at: 'amount' },
    ]);
    expect(checkTemplate({ subject: '{Title}', body: 'x' })).toEqual([
      { field: 'subject', reason: 'unknown_variable', at: 'Title' },
    ]);
  });

  it('refuses stray and nested braces, and {} and { name }', () => {
    for (const body of ['a { b', 'a } b', '{{area}}', '{}', '{ area }', '{area']) {
      expect(checkTemplate({ subject: '', body }).length, body).toBeGreaterThan(0);
    }
  });
});

describe('templateVariables', () => {
  it('lists each variable once in order of first use', () => {
    expect(templateVariables({ subject: '{title}', body: '{area}{title}{start}{area}' })).toEqual([
      'title',
      'area',
      'start',
    ]);
  });
});

describe('renderTemplate', () => {
  const t = { subject: '{title}', body: '尊敬的{customerName}：{area}于{start}停电。' };

  it('fills every variable', () => {
    expect(
      renderTemplate(t, { title: '停电', customerName: '张三', area: '人民路', start: '9:00' }),
    ).toEqual({ ok: true, subject: '停电', body: '尊敬的张三：人民路于9:00停电。' });
  });

  it('reports every missing or blank value and renders nothing', () => {
    expect(renderTemplate(t, { title: '停电', customerName: '  ', area: '人民路' })).toEqual({
      ok: false,
      missing: ['customerName', 'start'],
      issues: [],
    });
  });

  it('inserts values as text: braces in a value are never placeholders', () => {
    const r = renderTemplate({ subject: '', body: '{area}' }, { area: '{customerName}' });
    expect(r).toEqual({ ok: true, subject: '', body: '{customerName}' });
  });
});

describe('retryDelaySeconds', () => {
  it('doubles from 30 s and stops at an hour', () => {
    expect([1, 2, 3, 4, 5, 8, 20].map(retryDelaySeconds)).toEqual([
      30, 60, 120, 240, 480, 3600, 3600,
    ]);
  });
});
