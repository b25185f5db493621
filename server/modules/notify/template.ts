/**
 * The strict template language: text with `{name}` placeholders, nothing else. A brace that does
 * not open or close a known variable is an error when the template is saved, and a variable
 * without a value is an error when a message is sent; nothing is ever sent half-filled.
 */
import {
  TEMPLATE_VARIABLES,
  type TemplateIssue,
  type TemplateVariable,
} from '../../../common/schemas/notify.js';

const KNOWN = new Set<string>(TEMPLATE_VARIABLES);

type Part = { text: string } | { variable: string };

/** Splits a text into literal parts and variables, or lists its issues when it is malformed. */
function parse(source: string, field: TemplateIssue['field']): Part[] | TemplateIssue[] {
  const parts: Part[] = [];
  const issues: TemplateIssue[] = [];
  const re = /\{([^{}]*)\}|[{}]/g;
  let last = 0;
  for (const m of source.matchAll(re)) {
    if (m.index > last) parts.push({ text: source.slice(last, m.index) });
    last = m.index + m[0].length;
    const name = m[1];
    if (name === undefined) {
      const around = source.slice(Math.max(0, m.index - 8), m.index + 8);
      issues.push({ field, reason: 'unbalanced_brace', at: around });
    } else if (!KNOWN.has(name)) {
      issues.push({ field, reason: 'unknown_variable', at: name });
    } else {
      parts.push({ variable: name });
    }
  }
  if (last < source.length) parts.push({ text: source.slice(last) });
  return issues.length > 0 ? issues : parts;
}

const isIssues = (r: Part[] | TemplateIssue[]): r is TemplateIssue[] =>
  r.length > 0 && 'reason' in r[0]!;

/** The problems of a template's subject and body; empty when it may be saved. */
export function checkTemplate(t: { subject: string; body: string }): TemplateIssue[] {
  const out: TemplateIssue[] = [];
  for (const field of ['subject', 'body'] as const) {
    const r = parse(t[field], field);
    if (isIssues(r)) out.push(...r);
  }
  return out;
}

/** The variables a valid template uses, each once, in order of first use. */
export function templateVariables(t: { subject: string; body: string }): TemplateVariable[] {
  const seen = new Set<string>();
  for (const field of ['subject', 'body'] as const) {
    const r = parse(t[field], field);
    if (isIssues(r)) continue;
    for (const p of r) if ('variable' in p) seen.add(p.variable);
  }
  return [...seen] as TemplateVariable[];
}

export type RenderResult =
  | { ok: true; subject: string; body: string }
  | { ok: false; missing: string[]; issues: TemplateIssue[] };

/**
 * Fills a template. Every variable it uses needs a non-blank value; values are inserted as they
 * are (braces in a value are text, never placeholders).
 */
export function renderTemplate(
  t: { subject: string; body: string },
  vars: Readonly<Record<string, string>>,
): RenderResult {
  const missing = new Set<string>();
  const issues: TemplateIssue[] = [];
  const fill = (field: 'subject' | 'body') => {
    const r = parse(t[field], field);
    if (isIssues(r)) {
      issues.push(...r);
      return '';
    }
    return r
      .map((p) => {
        if ('text' in p) return p.text;
        const v = vars[p.variable];
        if (v === undefined || v.trim() === '') {
          missing.add(p.variable);
          return '';
        }
        return v;
      })
      .join('');
  };
  const subject = fill('subject');
  const body = fill('body');
  if (missing.size > 0 || issues.length > 0) return { ok: false, missing: [...missing], issues };
  return { ok: true, subject, body };
}
