import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Article bodies are written in Markdown (inline HTML allowed) and stored three ways: the source
 * for editing and diffs, sanitized HTML for reading, and plain text for search snippets. The
 * HTML is rendered and sanitized here, on the server, so a browser never receives markup a
 * person typed unchecked.
 */
const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'del',
    'mark',
    'sub',
    'sup',
    'blockquote',
    'code',
    'pre',
    'ul',
    'ol',
    'li',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'a',
  ],
  // target and rel are set by the transform below, whatever the source said.
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    th: ['align'],
    td: ['align'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  // Links leave the app in a new tab without handing it the opener.
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer' }),
  },
};

/** Markdown (with any HTML in it) to HTML that keeps only safe tags, attributes and links. */
export function renderBody(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return sanitizeHtml(html, ALLOWED).trim();
}

const BLOCK_END = /<\/(p|h[1-6]|li|blockquote|pre|tr|table|ul|ol)>|<br\s*\/?>|<hr\s*\/?>/gi;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** The plain text of sanitized HTML: blocks end in a line break, entities decoded. */
export function plainText(html: string): string {
  const text = sanitizeHtml(
    html.replace(BLOCK_END, (m) => `${m}\n`),
    {
      allowedTags: [],
      allowedAttributes: {},
    },
  );
  return text
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, name: string) => {
      if (name.startsWith('#')) {
        const code =
          name[1] === 'x' || name[1] === 'X'
            ? Number.parseInt(name.slice(2), 16)
            : Number(name.slice(1));
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff
          ? String.fromCodePoint(code)
          : m;
      }
      return ENTITIES[name.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
