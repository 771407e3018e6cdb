/**
 * Hugo shortcodes (`{{% callout %}}…{{% /callout %}}`, `{{< youtube ID >}}`...) rewritten as plain
 * Markdown before rendering, so no `{{%` or `{{<` ever reaches an output. Known ones get a sensible
 * equivalent; for unknown ones the inner content is kept and the delimiters removed.
 */

/** One shortcode call: its name and its arguments (positional and named). */
export interface ShortcodeCall {
  readonly name: string;
  readonly positional: readonly string[];
  readonly named: Readonly<Record<string, string>>;
}

/** Renders a paired shortcode (with inner Markdown) or a single one (`inner` null) as Markdown. */
export type ShortcodeRenderer = (call: ShortcodeCall, inner: string | null) => string;

const TAG = /\{\{([<%])\s*(\/?)\s*([\w.-]+)((?:[^}]|\}(?!\}))*?)\s*([>%])\}\}/g;

/**
 * Marks an aside (a callout) in Markdown with two paragraphs that only the renderer can recognise:
 * the marker embeds a key derived from the document, which the document cannot contain.
 */
export function asideMarkers(key: string): { open: string; close: string } {
  return { open: `CALPUBASIDE${key}OPEN`, close: `CALPUBASIDE${key}CLOSE` };
}

/** Markdown equivalents of shortcodes; callouts become marked asides when `asideKey` is given. */
export function markdownShortcodes(asideKey: string | null): ShortcodeRenderer {
  return (call, inner) => {
    if (asideKey && inner !== null && ['callout', 'alert', 'notice'].includes(call.name)) {
      const { open, close } = asideMarkers(asideKey);
      return `\n\n${open}\n\n${inner}\n\n${close}\n\n`;
    }
    return TEXT_SHORTCODES(call, inner);
  };
}

/** Markdown equivalents used for text outputs (the calendar's DESCRIPTION). */
const TEXT_SHORTCODES: ShortcodeRenderer = (call, inner) => {
  const arg = (name: string, index: number) => call.named[name] ?? call.positional[index] ?? '';
  switch (call.name) {
    case 'youtube': {
      const id = arg('id', 0);
      return id ? `\n\n[Video on YouTube](https://www.youtube.com/watch?v=${encodeURIComponent(id)})\n\n` : '';
    }
    case 'vimeo': {
      const id = arg('id', 0);
      return id ? `\n\n[Video on Vimeo](https://vimeo.com/${encodeURIComponent(id)})\n\n` : '';
    }
    case 'video':
    case 'audio': {
      const src = arg('src', 0);
      return /^https?:\/\//.test(src) ? `\n\n[${call.name === 'video' ? 'Video' : 'Audio'}](${src})\n\n` : '';
    }
    case 'staticref':
    case 'ref':
    case 'relref': {
      const target = arg('src', 0);
      const label = inner ?? '';
      return /^https?:\/\//.test(target) && label ? `[${label}](${target})` : label;
    }
    case 'figure': {
      const caption = arg('caption', -1) || arg('title', -1) || arg('alt', -1);
      return caption ? `\n\n${caption}\n\n` : '';
    }
    default:
      // callout, alert, notice, rawhtml and every shortcode calpub does not know: its text, as paragraphs.
      return inner === null ? '' : `\n\n${inner}\n\n`;
  }
};

// Hugo's way of writing a shortcode as text: {{</* name */>}} shows {{< name >}}.
const ESCAPED = /\{\{([<%])\/\*([\s\S]*?)\*\/([>%])\}\}/g;

/**
 * Replaces every shortcode in `markdown` with what `render` makes of it; an escaped one (its
 * delimiters holding a comment, as pages about Hugo write them: see ESCAPED) is shown as text, as
 * Hugo shows it. Never throws.
 */
export function expandShortcodes(markdown: string, render: ShortcodeRenderer = TEXT_SHORTCODES): string {
  if (!markdown.includes('{{')) return markdown;
  if (!/\{\{[<%]\/\*/.test(markdown)) return expandCalls(markdown, render);
  let out = '';
  let pos = 0;
  for (const m of markdown.matchAll(ESCAPED)) {
    out += `${expandCalls(markdown.slice(pos, m.index), render)}{{${m[1]}${m[2]}${m[3]}}}`;
    pos = (m.index as number) + m[0].length;
  }
  return out + expandCalls(markdown.slice(pos), render);
}

/**
 * How deep shortcodes may nest: real pages nest two or three (a callout in a callout); each level
 * copies its inner text, so a page of thousands nested would cost minutes and gigabytes. Deeper ones
 * are dropped, their text kept (`shortcodeDepth` lets the page be warned).
 */
export const MAX_SHORTCODE_DEPTH = 20;

type Tag = {
  readonly start: number;
  readonly end: number;
  readonly closing: boolean;
  readonly selfClosing: boolean;
  readonly call: ShortcodeCall;
};

/** Expands the shortcodes of `markdown`: its tags are found once, and each nesting level works on its range of them. */
function expandCalls(markdown: string, render: ShortcodeRenderer): string {
  if (!markdown.includes('{{')) return markdown;
  const tags: Tag[] = [...markdown.matchAll(TAG)].map((m) => ({
    start: m.index as number,
    end: (m.index as number) + m[0].length,
    closing: m[2] === '/',
    selfClosing: /\/\s*$/.test(m[4]),
    call: parseCall(m[3], m[4]),
  }));
  return expandRange(markdown, tags, partners(tags), 0, tags.length, 0, markdown.length, render, 0);
}

/**
 * For each opening tag, the index of the tag that closes it (the next closing tag of its name, nesting
 * of that name respected), or -1: found in one pass, whatever the number of tags.
 */
function partners(tags: readonly Tag[]): number[] {
  const partner = tags.map(() => -1);
  const open = new Map<string, number[]>();
  tags.forEach((tag, i) => {
    if (tag.selfClosing) return;
    let stack = open.get(tag.call.name);
    if (!stack) open.set(tag.call.name, (stack = []));
    if (!tag.closing) stack.push(i);
    else if (stack.length) partner[stack.pop() as number] = i;
  });
  return partner;
}

/** The text from `from` to `to`, holding `tags[first..last)`, with them expanded. */
function expandRange(
  markdown: string,
  tags: readonly Tag[],
  partner: readonly number[],
  first: number,
  last: number,
  from: number,
  to: number,
  render: ShortcodeRenderer,
  depth: number,
): string {
  let out = '';
  let pos = from;
  for (let i = first; i < last; i++) {
    const tag = tags[i];
    if (tag.start < pos) continue;
    out += markdown.slice(pos, tag.start);
    pos = tag.end;
    if (tag.closing || depth >= MAX_SHORTCODE_DEPTH) continue; // a stray closing tag, or one too deep: dropped
    const close = partner[i] < last ? partner[i] : -1; // a partner outside this range does not close it here
    if (close < 0) {
      out += render(tag.call, null);
      continue;
    }
    const inner = expandRange(markdown, tags, partner, i + 1, close, tag.end, tags[close].start, render, depth + 1);
    out += render(tag.call, inner.trim());
    pos = tags[close].end;
  }
  return out + markdown.slice(pos, to);
}

/** How deep the shortcodes of `markdown` nest (a paired one in another is 2). */
export function shortcodeDepth(markdown: string): number {
  if (!markdown.includes('{{')) return 0;
  const tags = [...markdown.matchAll(TAG)];
  // Only names that are closed somewhere pair up: `{{< youtube x >}}` alone nests nothing.
  const paired = new Set(tags.filter((m) => m[2] === '/').map((m) => m[3].toLowerCase()));
  const open: string[] = [];
  let deepest = 0;
  for (const m of tags) {
    const name = m[3].toLowerCase();
    if (/\/\s*$/.test(m[4]) || !paired.has(name)) continue;
    if (m[2] !== '/') {
      open.push(name);
      deepest = Math.max(deepest, open.length);
    } else {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
    }
  }
  return deepest;
}

const ARG = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|(\S+))|"((?:[^"\\]|\\.)*)"|`([^`]*)`|(\S+)/g;

function parseCall(name: string, args: string): ShortcodeCall {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  for (const m of args.replace(/\/\s*$/, '').matchAll(ARG)) {
    if (m[1] !== undefined) named[m[1]] = m[2] ?? m[3] ?? m[4] ?? '';
    else positional.push(m[5] ?? m[6] ?? m[7] ?? '');
  }
  return { name: name.toLowerCase(), positional, named };
}

const REF_ARG = String.raw`\{\{[<%]\s*(?:rel)?ref\s+(?:"([^"]*)"|'([^']*)'|([^\s>%]+))\s*[>%]\}\}`;
const REF_LINK = new RegExp(String.raw`\[([^\]]*)\]\(\s*${REF_ARG}\s*\)`, 'g');
const REF_BARE = new RegExp(REF_ARG, 'g');

/**
 * Hugo's `ref`/`relref` shortcodes point to another page of the Hugo site (`[Jane]({{< relref
 * "/authors/jane" >}})`). With the site's address (`permalinkBase`) they become links to that page's
 * usual permalink (`/authors/jane/`); without it the link is dropped and its text kept (a link to
 * nowhere, or to the event itself, would mislead).
 */
export function resolveRefs(markdown: string, siteBase: string | null): string {
  if (!markdown.includes('ref')) return markdown;
  const url = (...targets: Array<string | undefined>) =>
    siteBase ? permalinkOf(targets.find((t) => t !== undefined) ?? '', siteBase) : null;
  return markdown
    .replace(REF_LINK, (_m, label: string, a?: string, b?: string, c?: string) => {
      const href = url(a, b, c);
      return href ? `[${label}](${href})` : label;
    })
    .replace(REF_BARE, (_m, a?: string, b?: string, c?: string) => url(a, b, c) ?? '');
}

/** The usual permalink of a content path: `/authors/jane`, `post/x.md`, `talk/y/index.md#slides` → `/authors/jane/`... */
function permalinkOf(target: string, siteBase: string): string | null {
  const [pathPart, anchor] = target.split('#', 2);
  const path = pathPart
    .replace(/^\/+/, '')
    .replace(/(^|\/)_?index(\.[a-z-]+)?\.md$/i, '$1')
    .replace(/\.md$/i, '')
    .replace(/\/*$/, '/');
  try {
    return new URL(`${path === '/' ? '' : path}${anchor ? `#${anchor}` : ''}`, siteBase).href;
  } catch {
    return null;
  }
}
