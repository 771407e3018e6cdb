/**
 * Raw HTML written in event pages, made harmless with js-xss (`xss`), an allow-list sanitizer:
 * - for HTML outputs (feeds, pages): harmless formatting and links kept; `<script>`, `<style>`,
 *   `<iframe>` and the like dropped with their content; every other tag dropped, its text kept; no
 *   event handler, no `style`, no `class`; links and images only to absolute http(s) (mailto/tel for
 *   links), relative ones made absolute;
 * - for text (the calendar's DESCRIPTION): the visible text, a line break at each block's end and a
 *   space at every other tag that is not inline formatting (so a tooltip's name and bio do not run
 *   together), indentation dropped, entities decoded.
 * Chosen over sanitize-html (2-3x slower per body, ~290 KiB more in the Lambda asset) and DOMPurify
 * (needs a DOM: jsdom is heavy, linkedom did not sanitize correctly); measured in the README.
 */
import { FilterXSS, escapeAttrValue, friendlyAttrValue, type IWhiteList } from 'xss';

/** Tags kept in HTML outputs, with the attributes they keep. */
const ALLOWED: IWhiteList = {
  a: ['href', 'title'],
  abbr: ['title'],
  b: [],
  strong: [],
  i: [],
  em: [],
  u: [],
  s: [],
  del: [],
  ins: [],
  mark: [],
  small: [],
  sub: [],
  sup: [],
  cite: [],
  q: [],
  kbd: [],
  code: [],
  pre: [],
  br: [],
  hr: [],
  p: [],
  blockquote: [],
  aside: [],
  figure: [],
  figcaption: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  ul: [],
  ol: ['start'],
  li: [],
  dl: [],
  dt: [],
  dd: [],
  table: [],
  thead: [],
  tbody: [],
  tfoot: [],
  tr: [],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  caption: [],
  img: ['src', 'alt', 'title', 'width', 'height'],
};

/** Dropped with everything inside them: their content is code or an embedded page, never text. */
const DROPPED_WITH_CONTENT = [
  'script',
  'style',
  'iframe',
  'noscript',
  'template',
  'object',
  'embed',
  'svg',
  'math',
  'textarea',
  'select',
  'head',
  'title',
];

/** Tags whose end is a line break in text. */
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'tr',
  'table',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'figure',
  'figcaption',
  'hr',
  'center',
  'address',
  'details',
  'summary',
  'nav',
  'main',
]);
/** Inline formatting: no space at its tags in text (`<b>Bold</b>ed` reads `Bolded`). */
const INLINE_FORMATTING = new Set([
  'a',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'del',
  'ins',
  'mark',
  'small',
  'sub',
  'sup',
  'code',
  'kbd',
  'abbr',
  'cite',
  'q',
  'font',
  'tt',
  'big',
  'strike',
]);

/** Whether a tag is a space (not a line break, not nothing) between the texts around it, as text. */
export function isSpacingTag(tag: string): boolean {
  return !BLOCK.has(tag) && !INLINE_FORMATTING.has(tag);
}

/** Whether a tag's content is dropped with it. */
export function dropsContent(tag: string): boolean {
  return DROPPED_WITH_CONTENT.includes(tag);
}

/** Sanitized HTML; relative links and images resolve against `baseUrl`. */
export function sanitizeHtml(html: string, baseUrl: string): string {
  const filter = new FilterXSS({
    whiteList: ALLOWED,
    stripIgnoreTag: false,
    stripIgnoreTagBody: DROPPED_WITH_CONTENT,
    allowCommentTag: false,
    css: false,
    onIgnoreTag: () => ' ', // a dropped tag still separates the words around it
    onTagAttr: (_tag, name, value, isAllowed) => {
      if (!isAllowed || (name !== 'href' && name !== 'src')) return undefined;
      const url = safeUrl(friendlyAttrValue(value), baseUrl, name === 'href');
      return url === null ? '' : `${name}="${escapeAttrValue(url)}"`;
    },
  });
  return balanced(filter.process(html));
}

const VOID = new Set(['br', 'hr', 'img']);
/** An element that ends the open ones listed, as HTML parsers end them (`<li>a<li>b`: two items). */
const IMPLIED_END: Record<string, readonly string[]> = {
  li: ['li'],
  dt: ['dt', 'dd'],
  dd: ['dt', 'dd'],
  p: ['p'],
  td: ['td', 'th'],
  th: ['td', 'th'],
  tr: ['td', 'th', 'tr'],
};

/**
 * The sanitized HTML with every element closed where the source forgot (`<b>` never closed would
 * make the rest of a page bold) and stray closing tags dropped. js-xss filters tags one by one and
 * leaves nesting as written; its output holds allowed tags only, with quoted, escaped attributes.
 */
function balanced(html: string): string {
  const open: string[] = [];
  const out = html.replace(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>/gi, (tag, closing: string, rawName: string) => {
    const name = rawName.toLowerCase();
    if (VOID.has(name)) return tag;
    if (!closing) {
      let closed = '';
      while (open.length && IMPLIED_END[name]?.includes(open[open.length - 1])) closed += `</${open.pop()}>`;
      open.push(name);
      return closed + tag;
    }
    const at = open.lastIndexOf(name);
    if (at < 0) return ''; // closes nothing
    return open
      .splice(at)
      .reverse()
      .map((n) => `</${n}>`)
      .join('');
  });
  return (
    out +
    open
      .reverse()
      .map((n) => `</${n}>`)
      .join('')
  );
}

const TEXT_FILTER = new FilterXSS({
  whiteList: {},
  stripIgnoreTag: false,
  stripIgnoreTagBody: DROPPED_WITH_CONTENT,
  allowCommentTag: false,
  escapeHtml: (text) => text,
  onIgnoreTag: (tag) => (BLOCK.has(tag) ? '\n' : INLINE_FORMATTING.has(tag) ? '' : ' '),
});

/**
 * The visible text of an HTML fragment: a line break at block ends, a space at other tags,
 * indentation and runs of spaces collapsed. Entities are left for the caller to decode.
 */
export function htmlText(html: string): string {
  return TEXT_FILTER.process(html)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n');
}

/** An absolute URL a reader may follow, or null: http(s) (and mailto/tel for links), relative made absolute. */
function safeUrl(raw: string, baseUrl: string, isLink: boolean): string | null {
  const value = raw.trim();
  if (value === '') return null;
  if (isLink && value.startsWith('#')) return value;
  let url: URL;
  try {
    url = new URL(value, baseUrl);
  } catch {
    return null;
  }
  const allowed = isLink ? ['http:', 'https:', 'mailto:', 'tel:'] : ['http:', 'https:'];
  return allowed.includes(url.protocol) ? url.href : null;
}
