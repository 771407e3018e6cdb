/**
 * `calpub init`: writes a starter `calpub.yaml`, with a comment on every key, from what it finds: a
 * Hugo site's title, URL, language and time zone; the computer's time zone otherwise; and whether the
 * pages write `Z` times their programmes give as local times (then `wallClockZ: true`).
 */
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSite } from '../../lambda/core/build';
import { EMPTY_MEMORY } from '../../lambda/core/memory';
import { CONFIG_FILE, parseConfig } from '../../lambda/core/read/config';
import type { SiteConfig } from '../../lambda/core/model';
import { contentFolder, hugoSite, readSourcePages, sourcePages, type ContentSource } from './content-source';

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
  const zone = found.timeZone !== 'UTC' ? found.timeZone : (Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC');
  const hint = wallClockHinted(source, { ...found, timeZone: zone });
  // On a Hugo site, what Hugo's configuration says is shown commented out: it stays the one place to change it.
  const fromHugo = (line: string) => (hugo ? `# ${line}   # from Hugo's configuration` : line);
  const q = (v: string) => JSON.stringify(v);
  const lines = [
    '# calpub configuration (docs/configuration.md lists every key).',
    hugo ? "# Hugo's configuration gives the commented values: uncomment a key to override it for calpub." : null,
    "# The calendars' and feeds' name, as subscribers see it.",
    fromHugo(`title: ${q(found.title)}`),
    '# A line about them, shown by calendar apps and feed readers.',
    fromHugo(`description: ${q(found.description)}`),
    '# Where the calendars and feeds are published.',
    fromHugo(`siteUrl: ${q(found.siteUrl)}`),
    "# Part of every event's UID: a domain you control. Set it once, before anyone subscribes, and never change it",
    hugo ? "# (written out even on a Hugo site: if baseURL moves one day, the UIDs must not)." : null,
    found.uidDomain !== 'calpub.local' ? `uidDomain: ${q(found.uidDomain)}` : 'uidDomain: events.example.org   # change me',
    `# The zone of times written without an offset${found.timeZone === 'UTC' ? " (this computer's: check it)" : ''}.`,
    found.timeZone !== 'UTC' ? fromHugo(`timeZone: ${q(zone)}`) : `timeZone: ${q(zone)}`,
    '# The language of the labels, the calendars and the feeds (en, fr, de, es, pt, it and ja are translated).',
    fromHugo(`language: ${q(found.language)}`),
    hint
      ? `# Your pages write times with Z that their programmes give as local times (${hint}): Z is read as ${zone} wall clock.`
      : '# true when pages write local times with a Z (a Hugo theme shows `14:00:00Z` as "14:00").',
    `wallClockZ: ${hint ? 'true' : 'false'}`,
    "# How often subscribers' apps check for changes.",
    `refreshInterval: ${q(found.refreshInterval)}`,
    '# Content folders whose pages are events.',
    `sections: [${found.sections.join(', ')}]`,
    hugo ? '# Hugo makes the pages; calpub adds the calendars, the feeds and the schedule beside them.' : '# calendars, feeds, schedule, pages (the HTML pages need feeds and schedule).',
    hugo ? fromHugo(`outputs: [${found.outputs.join(', ')}]`) : `outputs: [${found.outputs.join(', ')}]`,
    found.permalinkBase ? `# Event links go to the site's own pages.\n${fromHugo(`permalinkBase: ${q(found.permalinkBase)}`)}` : null,
  ];
  return `${lines.filter((l) => l !== null).join('\n')}\n`;
}

/** The page that makes the build hint at `wallClockZ`, as `file: 14:00Z`, or null. */
function wallClockHinted(source: ContentSource, config: SiteConfig): string | null {
  const pages = readSourcePages(sourcePages(source));
  // Built with the configuration init writes (its zone): the hint compares clocks in that zone.
  const configText = JSON.stringify(config);
  const result = buildSite({ pages, configText, memory: { ...EMPTY_MEMORY, lastGoodConfig: null }, now: Date.now() });
  const hint = result.problems.find((p) => p.field === 'wallClockZ' && p.file === CONFIG_FILE);
  return hint ? (/\(e\.g\. ([^)]*)\)/.exec(hint.message)?.[1] ?? 'a page') : null;
}
