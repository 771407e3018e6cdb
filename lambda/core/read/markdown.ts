/**
 * Markdown (with Hugo shortcodes and stray HTML) parsed once by markdown-it, rendered two ways:
 * - text, for calendars: headings on their own line, `- ` bullets, links as "text (url)", no tags,
 *   raw HTML as its visible text (html-filter.ts);
 * - HTML, for feeds and pages: links that markdown-it deems unsafe (`javascript:`, `vbscript:`,
 *   `file:`, most `data:`) are refused, relative URLs are made absolute, callouts become `<aside>`,
 *   and a document with raw HTML goes through the allow-list sanitizer (html-filter.ts) whole.
 */
import { createHash } from 'node:crypto';
import MarkdownIt from 'markdown-it';
import { dropsContent, htmlText, isSpacingTag, sanitizeHtml } from './html-filter';
import { asideMarkers, expandShortcodes, markdownShortcodes, resolveRefs } from './shortcodes';

type Token = MarkdownIt.Token;

const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
// Raw HTML is rendered as written, then the whole document is sanitized (renderHtml).

/** A parsed document, ready to render as text or HTML. */
export interface ParsedMarkdown {
  readonly tokens: Token[];
  /** What marks callouts in the tokens; null when the source has no shortcode (so no callout). */
  readonly asideKey: string | null;
  /** Whether the source has raw HTML (then the HTML rendering is sanitized). */
  readonly hasHtml: boolean;
  /** What relative URLs in raw HTML resolve against. */
  readonly baseUrl: string;
}

/**
 * Parses Markdown after expanding shortcodes; links and images are made absolute (resolved against
 * `baseUrl`), so the text and the HTML rendering both show URLs a reader can follow.
 * @param siteBase - the Hugo site the pages come from (`permalinkBase`): where `relref` links lead
 */
export function parseMarkdown(source: string, baseUrl: string, siteBase: string | null = null): ParsedMarkdown {
  // Markers taken from the source's hash cannot be forged by the source; without shortcodes none is needed.
  const asideKey = source.includes('{{') ? createHash('sha1').update(source).digest('hex').slice(0, 12) : null;
  const expanded = expandShortcodes(resolveRefs(source, siteBase), markdownShortcodes(asideKey));
  const tokens = md.parse(expanded, {});
  let hasHtml = false;
  for (const token of walk(tokens)) {
    if (token.type === 'html_block' || token.type === 'html_inline') hasHtml = true;
    for (const attr of ['href', 'src'] as const) {
      const value = token.attrGet(attr);
      if (value !== null) token.attrSet(attr, absolute(String(value), baseUrl));
    }
  }
  return { tokens, asideKey, hasHtml, baseUrl };
}

/** Renders a parsed document as HTML. */
export function renderHtml(doc: ParsedMarkdown): string {
  const rendered = md.renderer.render(doc.tokens, md.options, {});
  const html = doc.hasHtml ? sanitizeHtml(rendered, doc.baseUrl) : rendered;
  if (doc.asideKey === null) return html.trim();
  const { open, close } = asideMarkers(doc.asideKey);
  return html.replaceAll(`<p>${open}</p>`, '<aside class="callout">').replaceAll(`<p>${close}</p>`, '</aside>').trim();
}

function* walk(tokens: Token[]): Generator<Token> {
  for (const t of tokens) {
    yield t;
    if (t.children) yield* walk(t.children);
  }
}

function absolute(url: string, base: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#')) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/** Renders a parsed document as plain text. */
export function renderText(doc: ParsedMarkdown): string {
  const { open, close } = doc.asideKey === null ? { open: null, close: null } : asideMarkers(doc.asideKey);
  let out = '';
  const lists: Array<{ ordered: boolean; n: number }> = [];
  let pendingPrefix = '';
  for (const token of doc.tokens) {
    switch (token.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: token.type === 'ordered_list_open', n: Number(token.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        if (lists.length === 0) out += '\n';
        break;
      case 'list_item_open': {
        const list = lists[lists.length - 1];
        pendingPrefix = '  '.repeat(lists.length - 1) + (list.ordered ? `${list.n++}. ` : '- ');
        break;
      }
      case 'inline': {
        const line = renderInlineText(token.children ?? []);
        if (line === open || line === close) break;
        out += pendingPrefix + line;
        pendingPrefix = '';
        break;
      }
      case 'paragraph_close':
        out += lists.length ? '\n' : '\n\n';
        break;
      case 'heading_close':
        out += '\n\n';
        break;
      case 'fence':
      case 'code_block':
        out += `${token.content.replace(/\n$/, '')}\n\n`;
        break;
      case 'html_block':
        out += `${htmlToText(token.content)}\n\n`;
        break;
      case 'th_close':
      case 'td_close':
        out += ' | ';
        break;
      case 'tr_close':
        out = `${out.replace(/ \| $/, '')}\n`;
        break;
      case 'hr':
      case 'table_close':
        out += '\n';
        break;
      default:
        break;
    }
  }
  return tidy(out);
}

function renderInlineText(tokens: Token[]): string {
  let out = '';
  const hrefs: Array<{ href: string; textStart: number }> = [];
  let dropping: string | null = null; // inside an inline <script>, <style>, <iframe>...
  for (const token of tokens) {
    if (dropping !== null) {
      if (token.type === 'html_inline' && tagOf(token.content) === `/${dropping}`) dropping = null;
      continue;
    }
    switch (token.type) {
      case 'text':
      case 'code_inline':
        out += token.content;
        break;
      case 'softbreak':
        out += ' '; // hard-wrapped source lines read as one line in a calendar pop-up
        break;
      case 'hardbreak':
        out += '\n';
        break;
      case 'image':
        out += token.content;
        break;
      case 'html_inline': {
        const tag = tagOf(token.content);
        if (tag === 'br') out += '\n';
        else if (tag !== null && dropsContent(tag) && !/\/>$/.test(token.content)) dropping = tag;
        else if (tag !== null && isSpacingTag(tag.replace(/^\//, ''))) out += TAG_GAP;
        break;
      }
      case 'link_open':
        hrefs.push({ href: String(token.attrGet('href') ?? ''), textStart: out.length });
        break;
      case 'link_close': {
        const link = hrefs.pop();
        const label = link ? out.slice(link.textStart) : '';
        if (link && /^https?:/i.test(link.href) && label.trim() !== link.href) out += ` (${link.href})`;
        break;
      }
      default:
        break;
    }
  }
  // Raw HTML removed from between words leaves their spaces doubled.
  return tokens.some((t) => t.type === 'html_inline') ? closeTagGaps(out).replace(/ {2,}/g, ' ') : out;
}

/** Visible text of an HTML fragment: tags dropped, block ends as line breaks, entities decoded. */
function htmlToText(html: string): string {
  return md.utils.unescapeAll(htmlText(html));
}

/** Where a tag separated two texts: a space, unless whitespace or punctuation is already there. */
const TAG_GAP = '\u001f';

function closeTagGaps(text: string): string {
  return text
    .replace(/\u001f+/g, TAG_GAP)
    .replace(/(^|\s)\u001f|\u001f(?=\s|[,.;:!?)\]]|$)/g, '$1')
    .replace(/\u001f/g, ' ');
}

/** `span` for `<span class="x">`, `/span` for `</span>`, null for a comment or anything else. */
function tagOf(html: string): string | null {
  const m = /^<(\/?[a-zA-Z][\w-]*)/.exec(html);
  return m ? m[1].toLowerCase() : null;
}

function tidy(s: string): string {
  return s
    .replace(/[\u200B\uFEFF]/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
