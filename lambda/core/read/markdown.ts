/**
 * Markdown (with Hugo shortcodes and stray HTML) parsed once by markdown-it, rendered two ways:
 * - text, for calendars: headings on their own line, `- ` bullets, links as "text (url)", no tags;
 * - HTML, for feeds and pages: raw HTML in the source is escaped (shown, never executed), links
 *   that markdown-it deems unsafe (`javascript:`, `vbscript:`, `file:`, most `data:`) are refused,
 *   relative URLs are made absolute, callouts become `<aside>`.
 * Escaping raw HTML makes a separate sanitizer unnecessary: nothing from the source can become a tag.
 */
import { createHash } from 'node:crypto';
import MarkdownIt from 'markdown-it';
import { asideMarkers, expandShortcodes, markdownShortcodes } from './shortcodes';

type Token = MarkdownIt.Token;

const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
const escapeHtml = md.utils.escapeHtml;
// Raw HTML is kept as tokens (so text output can strip it) but always rendered escaped.
md.renderer.rules.html_block = (tokens, idx) => `<p>${escapeHtml(tokens[idx].content.trim())}</p>\n`;
md.renderer.rules.html_inline = (tokens, idx) => escapeHtml(tokens[idx].content);

/** A parsed document, ready to render as text or HTML. */
export interface ParsedMarkdown {
  readonly tokens: Token[];
  /** What marks callouts in the tokens; null when the source has no shortcode (so no callout). */
  readonly asideKey: string | null;
}

/**
 * Parses Markdown after expanding shortcodes; links and images are made absolute (resolved against
 * `baseUrl`), so the text and the HTML rendering both show URLs a reader can follow.
 */
export function parseMarkdown(source: string, baseUrl: string): ParsedMarkdown {
  // Markers taken from the source's hash cannot be forged by the source; without shortcodes none is needed.
  const asideKey = source.includes('{{') ? createHash('sha1').update(source).digest('hex').slice(0, 12) : null;
  const expanded = expandShortcodes(source, markdownShortcodes(asideKey));
  const tokens = md.parse(expanded, {});
  for (const token of walk(tokens)) {
    for (const attr of ['href', 'src'] as const) {
      const value = token.attrGet(attr);
      if (value !== null) token.attrSet(attr, absolute(String(value), baseUrl));
    }
  }
  return { tokens, asideKey };
}

/** Plain text; blank lines separate blocks, no trailing whitespace. Relative links resolve against `baseUrl`. */
export function markdownToText(source: string, baseUrl: string): string {
  if (!/[*_`#<>[\]&|\\{-]|^\s*\d+\./m.test(source)) return tidy(source);
  return renderText(parseMarkdown(source, baseUrl));
}

/** Sanitized HTML with absolute URLs (resolved against `baseUrl`). */
export function markdownToHtml(source: string, baseUrl: string): string {
  return renderHtml(parseMarkdown(source, baseUrl));
}

/** Renders a parsed document as HTML. */
export function renderHtml(doc: ParsedMarkdown): string {
  const html = md.renderer.render(doc.tokens, md.options, {});
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
  for (const token of tokens) {
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
      case 'html_inline':
        if (/^<br\s*\/?>$/i.test(token.content)) out += '\n';
        break;
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
  return out;
}

/** Visible text of an HTML fragment: tags dropped, block ends as line breaks, entities decoded. */
export function htmlToText(html: string): string {
  const withBreaks = html
    .replace(/<(script|style|iframe)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h[1-6]|table|ul|ol)>/gi, '\n')
    .replace(/<\/t[dh]>/gi, ' | ')
    .replace(/<[^>]*>/g, '');
  return md.utils.unescapeAll(withBreaks).replace(/ \| \n/g, '\n');
}

function tidy(s: string): string {
  return s
    .replace(/[\u200B\uFEFF]/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
