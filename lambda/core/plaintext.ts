/**
 * Markdown (with Hugo shortcodes and stray HTML) to readable plain text, for the calendar's DESCRIPTION.
 * markdown-it does the parsing; we walk its tokens and write what a person would type in an e-mail:
 * headings on their own line, `- ` bullets, links as "text (url)", HTML tags removed.
 */
import MarkdownIt from 'markdown-it';
import { expandShortcodes } from './shortcodes';

const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
type Token = MarkdownIt.Token;

/** Plain text of a Markdown document; blank lines separate blocks, no trailing whitespace. */
export function markdownToText(markdown: string): string {
  const source = expandShortcodes(markdown);
  if (!/[*_`#<>[\]&|\\-]|^\s*\d+\./m.test(source)) return tidy(source);
  const tokens = md.parse(source, {});
  return tidy(renderBlocks(tokens));
}

function renderBlocks(tokens: Token[]): string {
  let out = '';
  const lists: Array<{ ordered: boolean; n: number }> = [];
  let pendingPrefix = '';
  for (const token of tokens) {
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
        const line = renderInline(token.children ?? []);
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
      case 'hr':
        out += '\n';
        break;
      case 'th_close':
      case 'td_close':
        out += ' | ';
        break;
      case 'tr_close':
        out = `${out.replace(/ \| $/, '')}\n`;
        break;
      case 'table_close':
        out += '\n';
        break;
      default:
        break;
    }
  }
  return out;
}

function renderInline(tokens: Token[]): string {
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
