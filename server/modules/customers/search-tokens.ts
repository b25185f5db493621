import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { sql, type RawBuilder } from 'kysely';

/**
 * Chinese search without a Chinese parser in PostgreSQL: the application segments the text and
 * stores the words as a tsvector (the 'simple' configuration, GIN index). Names are matched by
 * character bigrams (names are 2–4 characters and are not words a dictionary knows), addresses by
 * jieba words (DESIGN §7: jieba beats Intl.Segmenter on place and domain words).
 */
let jieba: Jieba | undefined;
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const SEPARATORS = /[\s\p{P}\p{S}]+/u;
const CJK = /^\p{Script=Han}+$/u;

function clean(words: string[]): string[] {
  const out = new Set<string>();
  for (const w of words) {
    const t = w.trim().toLowerCase();
    if (t !== '' && !SEPARATORS.test(t)) out.add(t);
  }
  return [...out];
}

/** The words of a name: the whole name, its surname (first character) and its bigrams. */
export function nameTokens(name: string): string[] {
  const n = name.replace(/\s+/g, '').toLowerCase();
  if (n === '') return [];
  const chars = [...n];
  const tokens = [n, chars[0]!];
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
  for (const part of name.toLowerCase().split(SEPARATORS)) if (part !== '') tokens.push(part);
  return clean(tokens);
}

const RUNS = /\p{Script=Han}+|[\p{L}\p{N}]+/gu;

/** Character bigrams of the Chinese runs of a text (a single character stands for itself). */
function hanBigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.toLowerCase().match(RUNS) ?? []) {
    const chars = [...run];
    if (!CJK.test(run)) out.push(run);
    else if (chars.length === 1) out.push(run);
    else for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/**
 * The words of an address: jieba's fine-grained words (人民路 → 人民, 路, 人民路 …) and the
 * character bigrams. jieba cuts by context (甲市一县 gives 一县, a query of 一县青山湖 gives 一 and
 * 县), so a query is matched by its bigrams, which do not depend on the surrounding text.
 */
export function addressTokens(text: string): string[] {
  if (text.trim() === '') return [];
  return clean([...segmenter().cutForSearch(text, true), ...hanBigrams(text)]);
}

const quote = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The tsvector text of a customer: name words at weight A, address words at weight B. Each word
 * carries a position because PostgreSQL drops the weight of a lexeme without one, and a
 * weight-restricted query ('张三':A) then matches any weight.
 */
export function searchVectorText(nameWords: string[], addressWords: string[]): string {
  return [
    ...nameWords.map((w) => `${quote(w)}:1A`),
    ...addressWords.map((w) => `${quote(w)}:2B`),
  ].join(' ');
}

/** The same as an SQL expression for an UPDATE. */
export function searchVectorSql(nameWords: string[], addressWords: string[]): RawBuilder<string> {
  return sql<string>`${searchVectorText(nameWords, addressWords)}::tsvector`;
}

function lexeme(word: string, weight: 'A' | 'B'): string {
  return `${quote(word)}:${weight}`;
}

function nameReading(part: string): string | null {
  const compact = part.toLowerCase();
  if (CJK.test(compact) && [...compact].length <= 4) {
    const chars = [...compact];
    const grams = chars.length === 1 ? [chars[0]!] : chars.slice(1).map((c, i) => chars[i]! + c);
    return grams.map((g) => lexeme(g, 'A')).join(' & ');
  }
  if (/^[a-z][a-z.'-]*$/.test(compact)) {
    return (
      clean(compact.split(SEPARATORS))
        .map((w) => lexeme(w, 'A'))
        .join(' & ') || null
    );
  }
  return null;
}

function addressReading(part: string): string | null {
  const words = clean(hanBigrams(part));
  return words.length > 0 ? words.map((w) => lexeme(w, 'B')).join(' & ') : null;
}

/**
 * The tsquery text for what an agent typed. One word is read as a name (bigrams, all must match)
 * or as address text (bigrams and numbers); words separated by spaces (人民路 张三) must each
 * match as a name or as address. Null when nothing searchable is left.
 */
export function textQuery(q: string): string | null {
  const parts = q
    .trim()
    .split(/\s+/)
    .filter((p) => p !== '');
  const readings = parts
    .map((p) => [nameReading(p), addressReading(p)].filter((r): r is string => r !== null))
    .filter((r) => r.length > 0)
    .map((r) => (r.length === 1 ? `(${r[0]})` : `((${r[0]}) | (${r[1]}))`));
  return readings.length > 0 ? readings.join(' & ') : null;
}

/** The name reading alone, to tell a hit by name from a hit by address. */
export function nameQuery(q: string): string | null {
  const parts = q
    .trim()
    .split(/\s+/)
    .filter((p) => p !== '');
  const names = parts.map(nameReading).filter((r): r is string => r !== null);
  return names.length > 0 ? names.map((n) => `(${n})`).join(' | ') : null;
}
