/** Turns what an editor wrote into a version's stored content: HTML, plain text, search words. */
import type { KnowledgeAudience } from '../../../../common/schemas/knowledge.js';
import type { Actor } from '../../../platform/actor.js';
import { authorize } from '../../auth/index.js';
import { datesValid } from '../lifecycle.js';
import { KnowledgeError } from '../errors.js';
import { categoryById } from '../store/categories.js';
import type { VersionContent } from '../store/articles.js';
import { visibleTo } from './categories.js';
import type { ReadCtx } from './context.js';
import { plainText, renderBody } from '../text/render.js';
import { searchVectorsSql } from '../text/search-words.js';

export interface ContentFields {
  title: string;
  body: string;
  summary: string | null;
  tags: string[];
  audience: KnowledgeAudience;
  categoryId: string | null;
  orderTypes: string[];
  effectiveFrom: string | null;
  expiresAt: string | null;
  changeNote: string | null;
}

/** Each subtype brings its type, so a filter on `fault` finds articles on `fault.meter_fault`. */
export function expandOrderTypes(keys: string[]): string[] {
  const out = new Set<string>();
  for (const k of keys) {
    out.add(k);
    const [type] = k.split('.');
    if (type) out.add(type);
  }
  return [...out].sort();
}

/** The order types an editor chose: the stored list without the types added for filtering. */
export function chosenOrderTypes(stored: string[]): string[] {
  return stored.filter((k) => k.includes('.') || !stored.some((o) => o.startsWith(`${k}.`)));
}

/** The editor's preview: exactly the HTML a save would store. */
export function previewBody(actor: Actor, body: string): { html: string } {
  authorize(actor, 'knowledge.edit');
  return { html: renderBody(body) };
}

const date = (s: string | null) => (s === null ? null : new Date(s));

export async function versionContent(ctx: ReadCtx, f: ContentFields): Promise<VersionContent> {
  const effectiveFrom = date(f.effectiveFrom);
  const expiresAt = date(f.expiresAt);
  if (!datesValid(effectiveFrom, expiresAt))
    throw new KnowledgeError('KNOWLEDGE_DATES_INVALID', [
      { path: ['expiresAt'], message: 'expiresAt must be after effectiveFrom' },
    ]);
  if (f.categoryId !== null) {
    const c = await categoryById(ctx.tx, f.categoryId);
    if (!c || !visibleTo(ctx.actor, c.unit_path))
      throw new KnowledgeError('KNOWLEDGE_CATEGORY_NOT_FOUND', { field: 'categoryId' });
  }
  const tags = [...new Set(f.tags.map((t) => t.trim()).filter((t) => t !== ''))];
  const html = renderBody(f.body);
  const text = plainText(html);
  return {
    title: f.title,
    body_source: f.body,
    body_html: html,
    body_text: text,
    summary: f.summary,
    tags,
    audience: f.audience,
    category_id: f.categoryId,
    order_types: expandOrderTypes(f.orderTypes),
    effective_from: effectiveFrom,
    expires_at: expiresAt,
    change_note: f.changeNote,
    ...searchVectorsSql({
      title: f.title,
      tags,
      body: f.summary ? `${f.summary}\n${text}` : text,
    }),
  };
}
