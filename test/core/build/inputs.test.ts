/**
 * What a build takes besides the pages' texts: a site URL given by the adapter, a site without a zone
 * (found from its venues), pages in a language's content folder, a memory made by hand.
 */
import { buildSite } from '../../../lambda/core/build';
import type { Memory, SourceFile } from '../../../lambda/core/model';
import { build, NOW, output, TEST_CONFIG_YAML, yamlPage } from '../../helpers';

const good = yamlPage('event/a/index.md', "title: A\ndate: '2027-01-10T10:00:00Z'");
const broken = yamlPage('event/a/index.md', "title: A\ndate: 'TBA'");

describe('a site URL given by the adapter (the Lambda, the local server)', () => {
  it('is the URL of every link, over the one calpub.yaml gives', () => {
    const result = buildSite({
      pages: [good],
      configText: TEST_CONFIG_YAML,
      memory: null,
      now: NOW,
      siteUrl: 'http://127.0.0.1:8080/',
    });
    expect(result.config.siteUrl).toBe('http://127.0.0.1:8080/');
    expect(JSON.parse(output(result, 'schedule.json')).events[0].url).toBe('http://127.0.0.1:8080/event/a/');
  });

  it('does not keep a build from stopping on its configuration', () => {
    const result = buildSite({
      pages: [good],
      configText: 'timeZone: [',
      memory: null,
      now: NOW,
      siteUrl: 'http://x/',
    });
    expect(result.stopped).toBe(true);
    expect([...result.outputs]).toEqual([]);
  });
});

describe('a site that names no zone', () => {
  it('publishes at the clock of the zone its venues point to, and says so', () => {
    const config = 'title: T\nsiteUrl: https://events.example.org/\nuidDomain: example.org\nwallClockZ: false\n';
    const pages = ['Lyon', 'Bordeaux, France', 'Paris'].map((city, i) =>
      yamlPage(`event/e${i}/index.md`, `title: E\nlocation: ${city}\ndate: '2027-01-1${i}T18:00:00'`),
    );
    const result = build(pages, { config });
    expect(result.config.timeZone).toBe('Europe/Paris');
    expect(JSON.parse(output(result, 'schedule.json')).events[0].start).toBe('2027-01-10T18:00:00+01:00');
    expect(result.problems).toContainEqual(
      expect.objectContaining({ file: 'calpub.yaml', field: 'timeZone', severity: 'warning' }),
    );
  });
});

describe('a Hugo site that builds no future page (`buildFuture: false`)', () => {
  const config = `${TEST_CONFIG_YAML}permalinkBase: https://lab.example.org/\nbuildFuture: false\noutputs: [calendars, feeds, schedule]\n`;
  it('warns that a future event without publishDate has no page on the Hugo site yet', () => {
    const result = build([good], { config });
    expect(result.problems).toEqual([expect.objectContaining({ file: 'event/a/index.md', field: 'publishDate' })]);
    const dated = yamlPage('event/a/index.md', "title: A\ndate: '2027-01-10T10:00:00Z'\npublishDate: '2026-11-01'");
    expect(build([dated], { config }).problems).toEqual([]);
  });
});

describe('a broken page in a language folder', () => {
  it('keeps its last good version in its language', () => {
    const page = (text: string): SourceFile => ({ path: 'fr/event/a/index.md', text, language: 'fr' });
    const first = build([page(good.text)]);
    expect(first.published).toEqual(['fr/event/a']);
    const second = build([page(broken.text)], { memory: first.memory, now: NOW + 1000 });
    expect(second.published).toEqual(['fr/event/a']);
    expect(output(second, 'fr/calendar.ics')).toBe(output(first, 'fr/calendar.ics'));
  });
});

describe('a remembered text that no longer makes an event', () => {
  it('gives the broken outcome, without saying that the version published before stays', () => {
    const memory: Memory = {
      version: 2,
      events: {},
      lastGood: { 'event/a/index.md': broken.text.replace('TBA', 'soon') },
      lastGoodConfig: null,
    };
    const result = build([broken], { memory });
    expect(result.published).toEqual([]);
    expect(result.problems.map((p) => [p.file, p.severity, p.field])).toEqual([['event/a/index.md', 'error', 'date']]);
  });
});

describe('pages with one identity', () => {
  it('are all rejected, each naming the others', () => {
    const pages = [
      yamlPage('event/x.md', "title: One\ndate: '2027-01-10T10:00:00Z'"),
      yamlPage('event/x/index.md', "title: Two\ndate: '2027-01-10T10:00:00Z'"),
      yamlPage('event/y/index.md', "title: Three\nslug: x\ndate: '2027-01-10T10:00:00Z'"),
    ];
    const result = build(pages);
    expect(result.published).toEqual([]);
    const message = (others: string) =>
      `has the same identity \`event/x\` (so the same UID and URL) as ${others}; rename one page or give it another \`slug\``;
    expect(result.problems).toEqual([
      { file: 'event/x.md', severity: 'error', field: 'slug', message: message('event/x/index.md, event/y/index.md') },
      { file: 'event/x/index.md', severity: 'error', field: 'slug', message: message('event/x.md, event/y/index.md') },
      { file: 'event/y/index.md', severity: 'error', field: 'slug', message: message('event/x.md, event/x/index.md') },
    ]);
  });
});
