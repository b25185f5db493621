import { diffChars, diffLines } from 'diff';
import type { DiffPart } from '../../../../common/schemas/knowledge.js';

/**
 * The difference between two bodies (Markdown source): changed paragraphs are found line by
 * line, and a paragraph replaced by another is shown character by character, which for Chinese
 * is word by word near enough and keeps an edit of one phrase from marking the whole paragraph.
 */
export function bodyDiff(from: string, to: string): DiffPart[] {
  const out: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (text === '') return;
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  const chunks = diffLines(from, to);
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i]!;
    const next = chunks[i + 1];
    if (c.removed && next?.added) {
      for (const p of diffChars(c.value, next.value)) {
        push(p.added ? 'added' : p.removed ? 'removed' : 'same', p.value);
      }
      i++;
    } else {
      push(c.added ? 'added' : c.removed ? 'removed' : 'same', c.value);
    }
  }
  return out;
}

/** One field's value as shown in a diff. */
export type FieldValues = Record<string, string>;

/** The fields whose shown values differ, in the order given. */
export function fieldChanges(
  from: FieldValues,
  to: FieldValues,
): { field: string; from: string; to: string }[] {
  return Object.keys(from)
    .filter((k) => from[k] !== to[k])
    .map((k) => ({ field: k, from: from[k] ?? '', to: to[k] ?? '' }));
}
