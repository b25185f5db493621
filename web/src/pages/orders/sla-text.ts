import type { Translate } from '../../i18n/i18n.tsx';

/** A limit as people say it: 45分钟, 3小时, 4个工作日. */
export function limitText(
  limit: { unit: 'minutes' | 'working_days'; amount: number },
  t: Translate,
): string {
  if (limit.unit === 'working_days') return t('orders.limit.workingDays', { n: limit.amount });
  const h = Math.floor(limit.amount / 60);
  const m = limit.amount % 60;
  if (h === 0) return t('orders.limit.minutes', { n: m });
  if (m === 0) return t('orders.limit.hours', { n: h });
  return t('orders.limit.hoursMinutes', { h, m });
}

/** How much a pause pushed the due time out. */
export function extensionText(e: { ms: number } | { workingDays: number }, t: Translate): string {
  if ('workingDays' in e) return t('orders.limit.workingDays', { n: e.workingDays });
  return limitText({ unit: 'minutes', amount: Math.round(e.ms / 60_000) }, t);
}

/** Where a limit came from, in words: the taxonomy version or a unit's rule, and the clause. */
export function ruleText(rule: { source: string; clause: number | null }, t: Translate): string {
  const version = /^taxonomy:v(\d+)$/.exec(rule.source)?.[1];
  let source = rule.source;
  if (version) source = t('orders.rule.taxonomy', { v: version });
  else if (rule.source.startsWith('unit-rule:')) {
    source = t(rule.source.endsWith(':derived') ? 'orders.rule.derived' : 'orders.rule.unit');
  }
  // The server counts clauses from 0; people count from 1.
  return rule.clause === null ? source : t('orders.sla.ruleClause', { source, n: rule.clause + 1 });
}
