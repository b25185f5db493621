import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { sql, type RawBuilder } from 'kysely';
import { POWER_WORDS, STOP_WORDS, SYNONYM_GROUPS } from './power-words.js';

/**
 * Chinese search without a Chinese parser in PostgreSQL (DESIGN §2): the application cuts the
 * text into words with jieba and a power-domain user dictionary and stores them as a tsvector
 * of the 'simple' configuration (GIN index), so PGlite and a PostgreSQL server search alike.
 * Articles are cut in search mode (峰谷电价 → 峰谷, 电价, 峰谷电价), so a query for a whole word or
 * for a part of it finds them.
 */
let jieba: Jieba | undefined;
function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    // A high count keeps each trade word whole against the general dictionary's splits.
    // Synonyms are indexed whole too, so a query widened by them matches whole words.
    const words = new Set([...POWER_WORDS, ...SYNONYM_GROUPS.flat()]);
    jieba.loadDict(Buffer.from([...words].map((w) => `${w} 200000 n`).join('\n')));
  }
  return jieba;
}

const WORDLIKE = /[\p{L}\p{N}]/u;
const SINGLE_HAN = /^\p{Script=Han}$/u;

/**
 * Whether a cut word is worth indexing or searching: not punctuation or space, not a stop word,
 * and not a lone Chinese character (电, 表: they match everything and rank nothing).
 */
function keep(word: string): boolean {
  return WORDLIKE.test(word) && !STOP_WORDS.has(word) && !SINGLE_HAN.test(word);
}

/** The words of a text in order (repeats kept, for term frequency), in search mode. */
export function textWords(text: string): string[] {
  if (text.trim() === '') return [];
  return segmenter()
    .cutForSearch(text, true)
    .map((w) => w.trim().toLowerCase())
    .filter(keep);
}

const SYNONYMS = new Map<string, string[]>();
for (const group of SYNONYM_GROUPS) for (const w of group) SYNONYMS.set(w, group);

/** The words a query is read as, each with the words that mean the same. */
export interface QueryWords {
  /** What the query was cut into, in order, without repeats. */
  words: string[];
  /**
   * One group per word: the word and its synonyms. A match counts once per group, so an
   * article does not win by using three names of the same thing.
   */
  groups: string[][];
  /**
   * Each group's share of the rank: 1, or ½ for a part of a longer query word (峰谷 within
   * 峰谷电价): parts widen the search, whole words decide the order.
   */
  weights: number[];
  /** Every word a match may use (the groups, flattened). */
  terms: string[];
}

/** At most this many words of a query are ranked (each costs a rank computation per match). */
const MAX_GROUPS = 8;

export function queryWords(q: string): QueryWords {
  const words = [...new Set(textWords(q))].slice(0, MAX_GROUPS);
  const groups: string[][] = [];
  const weights: number[] = [];
  const seen = new Set<string>();
  for (const w of words) {
    const group = [...new Set([w, ...(SYNONYMS.get(w) ?? []).map((s) => s.toLowerCase())])];
    const key = [...group].sort().join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    groups.push(group);
    weights.push(words.some((o) => o !== w && o.includes(w)) ? 0.5 : 1);
  }
  return { words, groups, weights, terms: [...new Set(groups.flat())] };
}

const quote = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** The tsquery text matching any of the terms (ranking rewards matching more of them). */
export function tsqueryText(terms: string[]): string | null {
  return terms.length === 0 ? null : terms.map(quote).join(' | ');
}

// PostgreSQL keeps positions up to 16383; a few per word and weight are enough for the rank.
const MAX_POSITION = 16_383;
const POSITIONS_PER_WORD = 8;

/**
 * The tsvector text of an article version: title words at weight A, tags at B, body at C. Each
 * occurrence carries a position (PostgreSQL drops the weight of a lexeme without one, and the
 * rank counts occurrences).
 */
export function searchVectorText(parts: { title: string; tags: string[]; body: string }): string {
  const entries = new Map<string, string[]>();
  let position = 0;
  const add = (words: string[], weight: 'A' | 'B' | 'C') => {
    for (const w of words) {
      position = Math.min(position + 1, MAX_POSITION);
      const key = `${w}\u0000${weight}`;
      const list = entries.get(key) ?? [];
      if (list.length < POSITIONS_PER_WORD) list.push(`${position}${weight}`);
      entries.set(key, list);
    }
  };
  add(textWords(parts.title), 'A');
  add(
    parts.tags.flatMap((t) => {
      const whole = t.trim().toLowerCase();
      return [...(keep(whole) ? [whole] : []), ...textWords(t).filter((w) => w !== whole)];
    }),
    'B',
  );
  add(textWords(parts.body), 'C');
  return [...entries.entries()]
    .map(([key, positions]) => `${quote(key.split('\u0000')[0]!)}:${positions.join(',')}`)
    .join(' ');
}

/**
 * The version's two vectors as SQL expressions for an INSERT or UPDATE: all its words, and its
 * title and tag words alone (the search ranks those first).
 */
export function searchVectorsSql(parts: { title: string; tags: string[]; body: string }): {
  search_vec: RawBuilder<string>;
  head_vec: RawBuilder<string>;
} {
  return {
    search_vec: sql<string>`${searchVectorText(parts)}::tsvector`,
    head_vec: sql<string>`${searchVectorText({ ...parts, body: '' })}::tsvector`,
  };
}
