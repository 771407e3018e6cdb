/**
 * The outputs table: every kind of file calpub publishes, as data — its path (`<event>` stands for an
 * event's identity, `<tag>` for a tag's slug), its content type, the `outputs` group that publishes
 * it, and whether other sites' pages may read it (CORS). The CLI writer and local server, the S3
 * writer, `emulate` and the CloudFront behaviours (lib/site-delivery.ts) read it; how each kind is
 * rendered is site.ts. It imports no code, so the CDK app reads it without loading the core.
 */
import type { OutputGroup } from './model';

/** One kind of output file. */
export interface OutputSpec {
  readonly path: string;
  readonly contentType: string;
  readonly group: OutputGroup;
  /** Readable by scripts of other sites (a widget reading schedule.json, a web calendar client). */
  readonly cors: boolean;
  /** A calendar apps subscribe to: its links also exist as `webcal:` (urls.ts `webcalOf`). */
  readonly webcal?: true;
}

/**
 * The folder of the embeddable pages (the widget), at the site's root and in each language's folder:
 * other sites may frame what is under it (`frame-ancestors *`), and nothing else.
 */
export const EMBED_FOLDER = 'embed';

const ICS = 'text/calendar; charset=utf-8';
const HTML = 'text/html; charset=utf-8';
const RSS = 'application/rss+xml; charset=utf-8';

/** Every kind of output, in the order a build writes them: one event's or tag's files before the files that list them all. */
export const OUTPUTS = {
  eventCalendar: { path: '<event>.ics', contentType: ICS, group: 'calendars', cors: true, webcal: true },
  tagCalendar: { path: 'tags/<tag>/calendar.ics', contentType: ICS, group: 'calendars', cors: true, webcal: true },
  calendar: { path: 'calendar.ics', contentType: ICS, group: 'calendars', cors: true, webcal: true },
  tagRss: { path: 'tags/<tag>/rss.xml', contentType: RSS, group: 'feeds', cors: false },
  rss: { path: 'rss.xml', contentType: RSS, group: 'feeds', cors: false },
  atom: { path: 'atom.xml', contentType: 'application/atom+xml; charset=utf-8', group: 'feeds', cors: false },
  jsonFeed: { path: 'feed.json', contentType: 'application/feed+json; charset=utf-8', group: 'feeds', cors: true },
  schedule: { path: 'schedule.json', contentType: 'application/json; charset=utf-8', group: 'schedule', cors: true },
  scheduleSchema: {
    path: 'schedule.schema.json',
    contentType: 'application/schema+json; charset=utf-8',
    group: 'schedule',
    cors: true,
  },
  eventPage: { path: '<event>/index.html', contentType: HTML, group: 'pages', cors: false },
  tagPage: { path: 'tags/<tag>/index.html', contentType: HTML, group: 'pages', cors: false },
  index: { path: 'index.html', contentType: HTML, group: 'pages', cors: false },
  notFound: { path: '404.html', contentType: HTML, group: 'pages', cors: false },
  stylesheet: { path: 'assets/calpub.css', contentType: 'text/css; charset=utf-8', group: 'pages', cors: false },
  script: { path: 'assets/calpub.js', contentType: 'text/javascript; charset=utf-8', group: 'pages', cors: false },
  favicon: { path: 'assets/favicon.svg', contentType: 'image/svg+xml', group: 'pages', cors: false },
  embed: { path: `${EMBED_FOLDER}/index.html`, contentType: HTML, group: 'widget', cors: false },
  tagEmbed: { path: `${EMBED_FOLDER}/tags/<tag>/index.html`, contentType: HTML, group: 'widget', cors: false },
  embedStylesheet: { path: 'assets/embed.css', contentType: 'text/css; charset=utf-8', group: 'widget', cors: false },
  embedScript: { path: 'assets/embed.js', contentType: 'text/javascript; charset=utf-8', group: 'widget', cors: false },
  sitemap: { path: 'sitemap.xml', contentType: 'application/xml; charset=utf-8', group: 'pages', cors: false },
  robots: { path: 'robots.txt', contentType: 'text/plain; charset=utf-8', group: 'pages', cors: false },
} as const satisfies Record<string, OutputSpec>;

/** The name of a kind of output. */
export type OutputName = keyof typeof OUTPUTS;

/** The path of one output: its kind's path with `<event>` and `<tag>` filled in. */
export function outputPath(name: OutputName, fill: { event?: string; tag?: string } = {}): string {
  // Replaced by functions: an identity or slug holding `$&` is written as it is.
  return OUTPUTS[name].path
    .replace('<event>', () => fill.event ?? '<event>')
    .replace('<tag>', () => fill.tag ?? '<tag>');
}

const patterns = (Object.entries(OUTPUTS) as Array<[OutputName, OutputSpec]>)
  // Fixed paths first, then tags, then events (whose identity may look like anything).
  .sort(([, a], [, b]) => rank(a.path) - rank(b.path))
  .map(([name, spec]) => ({
    name,
    regex: new RegExp(
      `^${spec.path
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace('<tag>', '[^/]+')
        .replace('<event>', '.+')}$`,
    ),
  }));

// An event's identity may hold slashes and any name (`<event>` matches anything), so its kinds are tried
// last; no fixed path or tag path matches another kind's pattern.
function rank(path: string): number {
  return path.includes('<event>') ? 1 : 0;
}

/** The kind of output at `path` (relative to the site root), or null when calpub publishes no such file. */
export function outputAt(path: string): OutputName | null {
  return patterns.find((p) => p.regex.test(path))?.name ?? null;
}

/** CloudFront path patterns (`*.ics`) of the kinds of output other sites may read. */
export function corsPathPatterns(): string[] {
  const extensions = Object.values(OUTPUTS as Record<string, OutputSpec>)
    .filter((o) => o.cors)
    .map((o) => o.path.slice(o.path.lastIndexOf('.')));
  return [...new Set(extensions)].map((ext) => `*${ext}`);
}

/** CloudFront path patterns of the embeddable pages: the root's folder and every language's. */
export function embedPathPatterns(): string[] {
  return [`${EMBED_FOLDER}/*`, `*/${EMBED_FOLDER}/*`];
}

/** Whether a site path (relative to the root) is an embeddable page: what `embedPathPatterns` match. */
export function isEmbedPath(path: string): boolean {
  return path.startsWith(`${EMBED_FOLDER}/`) || path.includes(`/${EMBED_FOLDER}/`);
}
