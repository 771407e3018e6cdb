/**
 * `calpub init`: writes a starter `calpub.yaml`, with a comment on every key, from what it finds: a
 * Hugo site's title, URL, language and time zone; the computer's time zone otherwise; and whether the
 * pages write `Z` times their programmes give as local times (then `wallClockZ: true`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSite } from '../../lambda/core/build';
import { EMPTY_MEMORY } from '../../lambda/core/memory';
import { CONFIG_FILE, parseConfig } from '../../lambda/core/read/config';
import { decodePage } from '../../lambda/core/read/decode';
import { contentFolder, hugoSite, sourcePages, type ContentSource } from './content-source';

/** What `init` needs. */
export interface InitOptions {
  readonly site: string | null;
  readonly content: string | null;
  readonly force: boolean;
  readonly log: (line: string) => void;
}

/** Writes the starter file; exit code 1 when one exists (without --force). */
export function runInit(options: InitOptions): number {
  const source = options.site !== null ? hugoSite(options.site) : contentFolder(options.content ?? 'content');
  const target = path.join(options.site ?? options.content ?? 'content', CONFIG_FILE);
  if (existsSync(target) && !options.force) {
    options.log(`calpub: ${target} exists: edit it, or pass --force to replace it with a starter file`);
    return 1;
  }
  writeFileSync(target, starterConfig(source));
  options.log(`calpub: wrote ${target}: read it (every key has a comment), then run \`calpub build ${source.label}\``);
  return 0;
}

/** The text of a starter `calpub.yaml` for `source`. */
export function starterConfig(source: ContentSource): string {
  const found = parseConfig(source.configText).config;
  const hugo = source.siteRoot !== null;
  const hint = wallClockHinted(source);
  const zone = found.timeZone !== 'UTC' ? found.timeZone : (Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC');
  const q = (v: string) => JSON.stringify(v);
  const lines = [
    '# calpub configuration (docs/configuration.md lists every key).',
    hugo ? '# Values from the Hugo configuration need not be repeated: keys here override them.' : null,
    `title: ${q(found.title)}`,
    `description: ${q(found.description)}`,
    '# Where the calendars and feeds are published (the Hugo site when they go beside its pages).',
    `siteUrl: ${q(found.siteUrl)}`,
    '# Part of every event\'s UID: a domain you control. Set it once, before anyone subscribes, and never change it.',
    found.uidDomain !== 'calpub.local' ? `uidDomain: ${q(found.uidDomain)}` : '# uidDomain: events.example.org',
    `# The zone of times written without an offset${hugo && found.timeZone !== 'UTC' ? ' (from Hugo\'s timeZone)' : found.timeZone === 'UTC' ? ' (this computer\'s; check it)' : ''}.`,
    `timeZone: ${q(zone)}`,
    `language: ${q(found.language)}`,
    hint
      ? `# Your pages write times with Z that their programmes give as local times (e.g. ${hint}): read Z as ${zone} wall clock.`
      : '# true when pages write local times with a Z (a Hugo theme shows `14:00:00Z` as "14:00").',
    `wallClockZ: ${hint ? 'true' : 'false'}`,
    '# How often subscribers\' apps should check for changes.',
    `refreshInterval: ${q(found.refreshInterval)}`,
    '# Content folders whose pages are events.',
    `sections: [${found.sections.join(', ')}]`,
    hugo ? '# Hugo makes the pages; calpub adds the calendars, the feeds and the schedule beside them.' : '# calendars, feeds, schedule, pages (the HTML pages need feeds and schedule).',
    `outputs: [${found.outputs.join(', ')}]`,
    found.permalinkBase ? `# Event links go to the site's own pages.\npermalinkBase: ${q(found.permalinkBase)}` : null,
  ];
  return `${lines.filter((l) => l !== null).join('\n')}\n`;
}

/** The page that makes the build hint at `wallClockZ`, as `file: 14:00Z`, or null. */
function wallClockHinted(source: ContentSource): string | null {
  const pages = sourcePages(source).map((p) => ({ ...decodePage(p.path, readFileSync(p.file)), ...(p.language ? { language: p.language } : {}) }));
  const result = buildSite({ pages, configText: source.configText, memory: { ...EMPTY_MEMORY, lastGoodConfig: null }, now: Date.now() });
  const hint = result.problems.find((p) => p.field === 'wallClockZ' && p.file === CONFIG_FILE);
  return hint ? (/\(e\.g\. ([^)]*)\)/.exec(hint.message)?.[1]?.split(', programme')[0] ?? 'a page') : null;
}
