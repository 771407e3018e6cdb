/**
 * Which lines of a Markdown text are written as agenda entries. Only lines that stand out are read:
 * headings; bold-prefixed lines; a paragraph of one line; and the lines of a block that reads as a
 * programme, that is at least two of them start with a time: list items (nested too), quote lines,
 * table rows (first cell), and the lines of a paragraph broken with `<br>` or a Markdown hard break.
 * Prose, a lone timed list item, code and HTML blocks never become sessions.
 */

/** A candidate line's text, and whether it is an entry alone (a heading) or only as part of a programme. */
export interface CandidateLine {
  readonly text: string;
  readonly alone: boolean;
}

/** A group of candidates: entries when one is `alone`, or when at least two of the group parse. */
export type CandidateGroup = readonly CandidateLine[];

const HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const BOLD_PREFIX = /^ {0,3}(\*\*|__)(.+?)\1(.*)$/;
const FENCE = /^ {0,3}(```|~~~)/;
/** A list item (`- `, `* `, `+ `, `1. `) or quote line (`> `), possibly nested, with its text. */
const ITEM = /^[ \t]*((?:>[ \t]?)+(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?|(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+))(.*)$/;
const TABLE_ROW = /^ {0,3}\|(.*)\|?[ \t]*$/;
const TABLE_RULE = /^[\s|:-]+$/;
/** An HTML block (a line starting with a tag other than inline formatting) is not read. */
const HTML_BLOCK = /^ {0,3}<(?!(?:b|strong|i|em|span|a|u|mark)[\s>])/i;
const HARD_BREAK = /(<br\s*\/?>|\\| {2,})\s*$/i;

type BlockKind = 'list' | 'table' | 'paragraph' | 'html';

/** The candidate groups of a Markdown text, in order. */
export function candidateGroups(markdown: string): CandidateGroup[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const groups: CandidateGroup[] = [];
  let block: { kind: BlockKind; lines: string[] } | null = null;
  const flush = () => {
    if (block) groups.push(...groupsOf(block.kind, block.lines));
    block = null;
  };
  let inFence = false;
  for (const line of lines) {
    if (FENCE.test(line)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const kind = kindOf(line, block);
    if (kind === 'end') {
      flush();
      continue;
    }
    if (kind === 'heading') {
      flush();
      groups.push([{ text: unwrapEmphasis(HEADING.exec(line)?.[1] ?? ''), alone: true }]);
      continue;
    }
    if (kind === 'continue' && block) {
      (block as { lines: string[] }).lines.push(line);
      continue;
    }
    if (!block || block.kind !== kind) {
      flush();
      block = { kind: kind as BlockKind, lines: [] };
    }
    (block as { lines: string[] }).lines.push(line);
  }
  flush();
  return groups;
}

type LineKind = BlockKind | 'heading' | 'continue' | 'end';

function kindOf(line: string, block: { kind: BlockKind } | null): LineKind {
  const blank = line.trim() === '';
  if (block?.kind === 'list' && (blank || /^( {2,}|\t)/.test(line)) && !ITEM.test(line)) return 'continue';
  if (blank) return 'end';
  if (ITEM.test(line) && (block?.kind === 'list' || /^ {0,3}\S/.test(line))) return 'list';
  if (/^( {4,}|\t)/.test(line) && block?.kind !== 'paragraph') return 'end'; // indented code
  if (HEADING.test(line)) return 'heading';
  if (TABLE_ROW.test(line)) return 'table';
  if (HTML_BLOCK.test(line) && block?.kind !== 'paragraph') return 'html';
  return block?.kind === 'html' ? 'html' : 'paragraph';
}

function groupsOf(kind: BlockKind, lines: readonly string[]): CandidateGroup[] {
  switch (kind) {
    case 'list':
      return [
        lines.flatMap((l) => {
          const item = ITEM.exec(l);
          return item ? [{ text: entryText(item[2]), alone: false }] : [];
        }),
      ];
    case 'table':
      return [lines.filter((l) => !TABLE_RULE.test(l)).map((l) => ({ text: tableRowText(l), alone: false }))];
    case 'paragraph':
      return paragraphGroups(lines);
    case 'html':
      return [];
  }
}

/**
 * A paragraph: a line of its own is an entry; a bold-prefixed line is one wherever it is; the lines
 * that start after a hard break make a programme.
 */
function paragraphGroups(lines: readonly string[]): CandidateGroup[] {
  if (lines.length === 1) return [[{ text: entryText(lines[0]), alone: true }]];
  const bold = lines.filter((l) => BOLD_PREFIX.test(l)).map((l) => [{ text: entryText(l), alone: true }]);
  const broken = lines.filter((l, i) => !BOLD_PREFIX.test(l) && (i === 0 || HARD_BREAK.test(lines[i - 1])));
  return [...bold, broken.map((l) => ({ text: entryText(l), alone: false }))];
}

/** `**10:00** Title`, `<b>19:00:</b> Title<br>`, `**13:00 – 15:00 | Receso**` as `10:00 Title`... */
function entryText(raw: string): string {
  const text = raw
    .replace(HARD_BREAK, '')
    .replace(/<(b|strong)>(.*?)<\/\1>/gi, '**$2**')
    .trim();
  const bold = BOLD_PREFIX.exec(text);
  if (!bold) return text;
  const rest = bold[3];
  return `${bold[2]}${rest.startsWith(' ') || /^[:\-–—|]/.test(rest) ? '' : ' '}${rest}`.trim();
}

/** `| 9h30-9h45 | Accueil café |` as `9h30-9h45 | Accueil café`. */
function tableRowText(row: string): string {
  // Empty cells are left out, the ones before the first bar and after the last included.
  const cells = row
    .split('|')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  return cells.map(entryText).join(' | ');
}

/** `**18:30** Welcome` inside a heading reads as `18:30 Welcome`. */
function unwrapEmphasis(text: string): string {
  const m = /^(\*\*|__|\*|_)(.+?)\1(.*)/.exec(text);
  return m ? `${m[2]}${m[3]}` : text;
}
