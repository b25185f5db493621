import type { HighlightSegment } from '../../../../common/schemas/knowledge.js';

/**
 * Highlights for search results, computed in the application because PostgreSQL's ts_headline
 * cannot find word boundaries in Chinese: the matched words are found in the plain text, the
 * snippet is the window holding the most different matched words, and the result is a list of
 * segments (the web marks the hits; no HTML crosses the wire).
 */
interface Match {
  start: number;
  end: number;
  term: string;
}

/** Every occurrence of the terms, longest term first where two overlap; in text order. */
function matches(text: string, terms: string[]): Match[] {
  const lower = text.toLowerCase();
  const sorted = [...new Set(terms.filter((t) => t !== ''))].sort((a, b) => b.length - a.length);
  const taken = new Uint8Array(text.length);
  const found: Match[] = [];
  for (const term of sorted) {
    let from = 0;
    for (;;) {
      const at = lower.indexOf(term, from);
      if (at < 0) break;
      const end = at + term.length;
      if (!taken.subarray(at, end).some((x) => x === 1)) {
        taken.fill(1, at, end);
        found.push({ start: at, end, term });
      }
      from = at + 1;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function segments(text: string, hits: Match[], from: number, to: number): HighlightSegment[] {
  const out: HighlightSegment[] = [];
  let at = from;
  for (const m of hits) {
    if (m.start < from || m.end > to) continue;
    if (m.start > at) out.push({ text: text.slice(at, m.start), hit: false });
    out.push({ text: text.slice(m.start, m.end), hit: true });
    at = m.end;
  }
  if (at < to) out.push({ text: text.slice(at, to), hit: false });
  return out;
}

/** The whole text with the terms marked (titles). */
export function highlightAll(text: string, terms: string[]): HighlightSegment[] {
  return segments(text, matches(text, terms), 0, text.length);
}

/**
 * A snippet of about `size` characters around the densest cluster of matched words, with an
 * ellipsis where the text was cut. Without a match: the start of the text.
 */
export function snippet(text: string, terms: string[], size = 120): HighlightSegment[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const hits = matches(flat, terms);
  let start = 0;
  if (hits.length > 0) {
    let best = -1;
    for (const anchor of hits) {
      const from = Math.max(0, anchor.start - 20);
      const distinct = new Set(
        hits.filter((h) => h.start >= from && h.end <= from + size).map((h) => h.term),
      ).size;
      if (distinct > best) {
        best = distinct;
        start = from;
      }
    }
  }
  const end = Math.min(flat.length, start + size);
  // Do not cut a matched word in two at either edge.
  const cut = hits.find((h) => h.start < end && h.end > end);
  const to = cut ? cut.start : end;
  const out = segments(flat, hits, start, to);
  if (start > 0) out.unshift({ text: '…', hit: false });
  if (to < flat.length) out.push({ text: '…', hit: false });
  return out;
}
