import { buildSite, siteConfigOf, type BuildInput, type PreparedItems } from '../../lambda/core/build';
import { configKeyOf, itemFormats, prerender, type ItemFormat } from '../../lambda/core/event-items';
import type { BuildState, SourceFile } from '../../lambda/core/model';
import { processPage, slimPieces, type PageOutcome } from '../../lambda/core/page';
import { cacheLine } from '../../lambda/core/page-cache';
import { encodeParts, SharedText } from '../../lambda/core/parts';
import { NOW, TEST_CONFIG_YAML, yamlPage } from '../helpers';

const CONFIG = `${TEST_CONFIG_YAML}outputs: [calendars, feeds, schedule]\n`;
const pages: SourceFile[] = [
  yamlPage('event/evening/index.md', 'title: Évening talk\ndate: "2026-12-01T19:00:00"\ndate_end: "2026-12-01T21:00:00"\ntags: [Talks, Data]\nsummary: "A **talk**"', '## 19h00-19h30 : Accueil\n\nSome [text](/about/).'),
  yamlPage('event/fair.md', 'title: Fair\ndate: 2026-12-10\ndate_end: 2026-12-12\ntags: [Data]\nabstract: Three days'),
  yamlPage('event/draft.md', 'title: Draft\ndate: "2026-12-02T10:00:00"\ndraft: true'),
  yamlPage('event/broken.md', 'title: Broken\ndate: "TBA"'),
];

/** What a page thread hands over: each page's items prerendered, encoded, by path. */
function prepare(files: readonly SourceFile[], state: BuildState | null, now: number, text = (t: string) => t): Map<string, PreparedItems> {
  const config = siteConfigOf(CONFIG);
  const prepared = new Map<string, PreparedItems>();
  for (const file of files) {
    const outcome = processPage(file, config);
    const ahead = prerender(outcome, outcome.event ? state?.events[outcome.event.id] : undefined, config, configKeyOf(config), now);
    if (ahead) prepared.set(file.path, { key: ahead.key, parts: new Map([...ahead.texts].map(([f, t]) => [f, new SharedText(text(t))])) });
  }
  return prepared;
}

const run = (input: Partial<BuildInput>) => buildSite({ files: pages, configText: CONFIG, state: null, now: NOW, ...input });
const files = (result: ReturnType<typeof buildSite>) => new Map([...result.outputs].map((o) => [o.path, o.body]));
const digests = (result: ReturnType<typeof buildSite>) => new Map([...result.outputs].map((o) => [o.path, encodeParts(o.parts ?? [o.body]).digest]));

describe('items rendered ahead by the page threads', () => {
  it('are the items the assembly would render: same bytes, same digests, with or without them', () => {
    const prepared = prepare(pages, null, NOW);
    expect([...prepared.keys()].sort()).toEqual(['event/evening/index.md', 'event/fair.md']); // no draft, no broken page
    expect(files(run({ prepared }))).toEqual(files(run({})));
    expect(digests(run({ prepared }))).toEqual(digests(run({})));
  });

  it('are used when made for the same memory and clock, and ignored otherwise', () => {
    const marked = (now: number, state: BuildState | null = null) => prepare(pages, state, now, (t) => t.replace('Fair', 'MARKED'));
    const used = files(run({ prepared: marked(NOW) }));
    expect(used.get('calendar.ics')).toContain('SUMMARY:MARKED');
    expect(used.get('event/fair.ics')).toContain('NAME:MARKED');
    expect(used.get('rss.xml')).toContain('<title>MARKED</title>');
    expect(used.get('schedule.json')).toContain('"title":"MARKED"');
    // Made for an earlier build (the event's memory differs: changed since): rendered again.
    const state = run({}).state;
    const edited = pages.map((p) => (p.path === 'event/fair.md' ? { ...p, text: p.text.replace('Three days', 'Four days') } : p));
    const stale = files(buildSite({ files: edited, configText: CONFIG, state, now: NOW + 3_600_000, prepared: marked(NOW) }));
    expect(stale.get('calendar.ics')).not.toContain('MARKED');
    expect(stale.get('calendar.ics')).toContain('SEQUENCE:1');
    // Made with the previous memory and the same clock: used.
    const fresh = files(buildSite({ files: edited, configText: CONFIG, state, now: NOW + 3_600_000, prepared: prepare(edited, state, NOW + 3_600_000, (t) => t.replace('Fair', 'MARKED')) }));
    expect(fresh.get('calendar.ics')).toContain('SUMMARY:MARKED');
  });

  it('let the assembly hold slim pieces, and ask for the full ones only to render items itself', () => {
    const config = siteConfigOf(CONFIG);
    const outcomes = new Map(pages.map((p) => [p.path, processPage(p, config)]));
    const slim = new Map([...outcomes].map(([path, o]) => [path, o.pieces ? { ...o, pieces: slimPieces(o.pieces, false) } : o]));
    const full = (file: string) => outcomes.get(file)?.pieces ?? null;
    const asked: string[] = [];
    const fullPieces = (file: string) => (asked.push(file), full(file));
    const expected = files(run({}));
    // Items prepared: the slim pieces are enough.
    expect(files(run({ outcomes: slim, prepared: prepare(pages, null, NOW), fullPieces }))).toEqual(expected);
    expect(asked).toEqual([]);
    // No items prepared (or made for another build): the full pieces are asked for, and used.
    expect(files(run({ outcomes: slim, fullPieces }))).toEqual(expected);
    expect(asked.sort()).toEqual(['event/evening/index.md', 'event/fair.md']);
    expect(() => run({ outcomes: slim })).toThrow(/full pieces of event\/\S+ are missing/);
    expect(() => cacheLine('event/fair.md', '1', slim.get('event/fair.md') as PageOutcome)).toThrow(/would lack its texts/);
  });

  it('cover the formats the site publishes', () => {
    const formats = (outputs: string): ItemFormat[] => itemFormats(siteConfigOf(`${TEST_CONFIG_YAML}outputs: [${outputs}]\n`));
    expect(formats('calendars')).toEqual(['vevent', 'ics-head']);
    expect(formats('calendars, schedule')).toEqual(['vevent', 'ics-head', 'schedule']);
    expect(formats('calendars, feeds, schedule, pages')).toEqual(['vevent', 'ics-head', 'rss', 'rss-short', 'atom', 'json', 'schedule']);
  });
});
