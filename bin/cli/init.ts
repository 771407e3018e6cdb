/**
 * `calpub init`: writes a starter `calpub.yaml`, with a comment on every key, from what it finds: a
 * Hugo site's title, URL and language; the venues' time zone (Hugo's, else found from the pages,
 * never the computer's: CI machines run in UTC); `wallClockZ: true`, the hour the site shows.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSite } from '../../lambda/core/build';
import { EMPTY_MEMORY } from '../../lambda/core/memory';
import { CONFIG_FILE, parseConfig } from '../../lambda/core/read/config';
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
  // In an empty project, `calpub init` makes the content folder it will read.
  if (options.site === null) mkdirSync(options.content ?? 'content', { recursive: true });
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
function starterConfig(source: ContentSource): string {
  const applied = parseConfig(source.configText).config;
  // The site as calpub reads it now: its zone found from the pages' venues when nothing sets one.
  const built = buildSite({
    pages: readSourcePages(sourcePages(source)),
    configText: source.configText,
    memory: { ...EMPTY_MEMORY, lastGoodConfig: null },
    now: Date.now(),
  });
  const found = built.config;
  const zoneNote = built.problems.find((p) => p.file === CONFIG_FILE && p.field === 'timeZone');
  const hugo = source.siteRoot !== null;
  // What Hugo's configuration says is shown commented out: it stays the one place to change it.
  const given = (key: string) => hugo && applied.explicit.includes(key);
  const line = (key: string, value: string) =>
    given(key) ? `# ${key}: ${value}   # from Hugo's configuration` : `${key}: ${value}`;
  const q = (v: string) => JSON.stringify(v);
  const zoneLines = given('timeZone')
    ? ["# The venues' time zone: times written without an offset are its clock.", line('timeZone', q(found.timeZone))]
    : zoneNote?.strict
      ? [
          '# No page says where its events are: set the zone of your venues (times are read as UTC until then).',
          '# timeZone: "Europe/Paris"',
        ]
      : [
          `# The venues' time zone, found from your pages (${
            /where (\d+ page\(s\)) place their venue \(([^)]*)\)/
              .exec(zoneNote?.message ?? '')
              ?.slice(1)
              .join(': ') ?? 'their addresses'
          }): check it.`,
          `timeZone: ${q(found.timeZone)}`,
        ];
  const uid =
    found.uidDomain !== 'calpub.local'
      ? `uidDomain: ${q(found.uidDomain)}`
      : '# uidDomain: "events.your-domain.org"   # set it: a domain you control';
  const lines = [
    '# calpub configuration (docs/configuration.md lists every key).',
    hugo ? "# Hugo's configuration gives the commented values: uncomment a key to override it for calpub." : null,
    "# The calendars' and feeds' name, as subscribers see it.",
    line('title', q(found.title)),
    '# A line about them, shown by calendar apps and feed readers.',
    line('description', q(found.description)),
    '# Where the calendars and feeds are published.',
    given('siteUrl') ? line('siteUrl', q(found.siteUrl)) : `siteUrl: ${q(found.siteUrl)}`,
    "# Part of every event's UID: a domain you control. Set it once, before anyone subscribes, and never change it",
    hugo ? '# (written out even on a Hugo site: if baseURL moves one day, the UIDs must not).' : null,
    uid,
    ...zoneLines,
    '# The language of the labels, the calendars and the feeds (en, fr, de, es, pt, it and ja are translated).',
    line('language', q(found.language)),
    '# Times written with Z are the clock time the site shows (Hugo shows `14:00:00Z` as "14:00"); false if they really are UTC.',
    'wallClockZ: true',
    "# How often subscribers' apps check for changes.",
    `refreshInterval: ${q(found.refreshInterval)}`,
    '# Content folders whose pages are events.',
    `sections: [${found.sections.join(', ')}]`,
    hugo
      ? '# Hugo makes the pages; calpub adds the calendars, the feeds and the schedule beside them.'
      : '# calendars, feeds, schedule, pages (the HTML pages need feeds and schedule).',
    hugo
      ? `# outputs: [${found.outputs.join(', ')}]   # calpub's default for a Hugo site`
      : `outputs: [${found.outputs.join(', ')}]`,
    found.permalinkBase
      ? `# Event links go to the site's own pages.\n${line('permalinkBase', q(found.permalinkBase))}`
      : null,
  ];
  return `${lines.filter((l) => l !== null).join('\n')}\n`;
}
