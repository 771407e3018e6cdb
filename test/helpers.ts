/** Shared fixture builders: pages from front-matter text, and a fixed clock. */
import { buildSite, type BuildResult } from '../lambda/core/build';
import { DEFAULT_CONFIG } from '../lambda/core/read/config';
import type { EventTime, Memory, OutputFile, Session, SiteConfig, SourceFile } from '../lambda/core/model';
import { readMemory } from '../lambda/core/memory';
import { agendaClock, agendaOf, placeSessions } from '../lambda/core/read/agenda';
import { parseMarkdown, renderHtml, renderText } from '../lambda/core/read/markdown';

/** The fixed clock of every test: 2026-11-29T12:00:00Z. */
export const NOW = Date.parse('2026-11-29T12:00:00Z');

/** A YAML page from front-matter lines and a body. */
export function yamlPage(path: string, frontMatter: string, body = ''): SourceFile {
  return { path, text: `---\n${frontMatter.trim()}\n---\n${body}` };
}

/**
 * A site config for tests: Europe/Paris, a fixed uidDomain and siteUrl, and `Z` times that really are
 * UTC (`wallClockZ: false`), so that tests of other things can write instants with `Z`. The default
 * reading of `Z` (the wall clock the site shows) has its own tests.
 */
export const TEST_CONFIG_YAML =
  'title: Test events\nsiteUrl: https://events.example.org/\nuidDomain: example.org\ntimeZone: Europe/Paris\nwallClockZ: false\n';

export const TEST_CONFIG: SiteConfig = {
  ...DEFAULT_CONFIG,
  title: 'Test events',
  siteUrl: 'https://events.example.org/',
  uidDomain: 'example.org',
  timeZone: 'Europe/Paris',
  wallClockZ: false,
  explicit: ['title', 'siteUrl', 'uidDomain', 'timeZone', 'wallClockZ'],
};

/** Runs the core on in-memory files. */
export function build(
  files: SourceFile[],
  options: { config?: string | null; memory?: Memory | null; now?: number } = {},
): BuildResult {
  return buildSite({
    pages: files,
    configText: options.config === undefined ? TEST_CONFIG_YAML : options.config,
    memory: options.memory ?? null,
    now: options.now ?? NOW,
  });
}

/** The body of one output file, or throws. */
export function output(result: BuildResult, path: string): string {
  const all = [...result.outputs];
  const file = all.find((o) => o.path === path);
  if (!file) throw new Error(`no output ${path}; have ${all.map((o) => o.path).join(', ')}`);
  return textOf(file);
}

/** The whole text of an output file. */
export function textOf(file: Pick<OutputFile, 'chunks'>): string {
  return [...file.chunks].join('');
}

/** A saved memory's text read back (`readMemory`), whatever its status. */
export function parseMemory(text: string | null): Memory {
  return readMemory(text).memory;
}

/** An event's sessions from its texts, as a page's outcome reads and places them (page.ts). */
export function sessionsOf(texts: string | readonly string[], time: EventTime): Session[] {
  const lines = agendaOf(texts);
  return lines.length ? placeSessions(lines, time, agendaClock(time).at) : [];
}

/** Markdown as plain text (calendars), as a page's outcome renders it (page.ts). */
export function markdownToText(source: string, baseUrl: string): string {
  return renderText(parseMarkdown(source, baseUrl));
}

/** Markdown as sanitized HTML with absolute URLs (feeds, pages), as a page's outcome renders it. */
export function markdownToHtml(source: string, baseUrl: string): string {
  return renderHtml(parseMarkdown(source, baseUrl));
}
