/**
 * An existing Hugo Academic-style site (test/fixtures/hugo-site: split configuration, two languages
 * with their own content folders, permalinks, posts, publications, authors, widget pages), built the
 * way its CI would: `hugo`, then `calpub build --site . --out public`, through the CLI bundle.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readCalendar } from '../ical';
import { ROOT, runCli } from '../cli';

const NOW = '2026-12-01T12:00:00Z';
const runIn = (cwd: string, ...args: string[]) => runCli(args, { cwd });
const HAS_HUGO = spawnSync('hugo', ['version']).status === 0;
if (!HAS_HUGO && process.env.CI) throw new Error('CI needs Hugo (.ci/run installs the Debian package `hugo`)');

function site(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'calpub-hugo-'));
  cpSync(path.join(ROOT, 'test', 'fixtures', 'hugo-site'), dir, { recursive: true });
  return dir;
}

/** Every file under `dir` with its SHA-1, `.calpub/` left out. */
function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const file = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.calpub') walk(file);
      } else
        out.set(
          file,
          createHash('sha1')
            .update(readFileSync(path.join(dir, file)))
            .digest('hex'),
        );
    }
  };
  walk('');
  return out;
}

/** The event URLs of a calendar, with the UIDs. */
const eventLinks = (ics: string) => readCalendar(ics).events.map((e) => [e.uid, e.url]);

describe('calpub build --site <a Hugo site>', () => {
  const dir = site();
  const build = runIn(dir, 'build', '--site', '.', '--now', NOW);

  it('reads only the event and talk sections, with nothing to report', () => {
    expect([build.status, build.stderr]).toEqual([0, '']);
    expect(build.stdout).toMatch(/^calpub: published 5, rejected 0, warnings 0 in /);
  });

  it('links every event to the page Hugo makes of it: url, the section pattern, slug, language folder', () => {
    expect(eventLinks(readFileSync(path.join(dir, 'public', 'calendar.ics'), 'utf8'))).toEqual([
      ['event/old-workshop@lab.example.org', 'https://lab.example.org/workshops/2026-old/'],
      ['event/spring-seminar@lab.example.org', 'https://lab.example.org/events/2027/spring-seminar-graphs-calendars/'],
      ['talk/keynote@lab.example.org', 'https://lab.example.org/talks/keynote/'],
      ['event/summer-school-2027@lab.example.org', 'https://lab.example.org/events/2027/summer-school-2027/'],
    ]);
    expect(eventLinks(readFileSync(path.join(dir, 'public', 'fr', 'calendar.ics'), 'utf8'))).toEqual([
      [
        'fr/event/seminaire-printemps@lab.example.org',
        'https://lab.example.org/fr/events/2027/s%C3%A9minaire-de-printemps-graphes-et-calendriers/',
      ],
    ]);
  });

  it('writes calendars, feeds, the schedule and the widget per language, each in its language, and no pages', () => {
    const files = [...hashes(path.join(dir, 'public')).keys()].sort();
    expect(files.filter((f) => f.endsWith('.html') && !/^(fr\/)?embed\//.test(f))).toEqual([]);
    for (const prefix of ['', 'fr/']) {
      for (const file of ['calendar.ics', 'rss.xml', 'atom.xml', 'feed.json', 'schedule.json'])
        expect(files).toContain(`${prefix}${file}`);
    }
    const fr = readFileSync(path.join(dir, 'public', 'fr', 'calendar.ics'), 'utf8');
    expect(fr).toContain('\r\nNAME:Laboratoire Exemple\r\n');
    expect(fr).toContain('\r\nURL;VALUE=URI:https://lab.example.org/fr/\r\n');
    expect(readCalendar(fr).events[0].description).toContain('Programme :\n14:00–14:15 Accueil');
    expect(readFileSync(path.join(dir, 'public', 'fr', 'rss.xml'), 'utf8')).toMatch(/<language>fr<\/language>/);
    const en = readFileSync(path.join(dir, 'public', 'calendar.ics'), 'utf8');
    expect(en).toContain(
      '\r\nNAME:Example Lab\r\nX-WR-CALNAME:Example Lab\r\nDESCRIPTION:Seminars\\, workshops and talks of the Example Lab\r\n',
    );
    expect(en).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT2H\r\n'); // from the params' calpub: map
    expect(en).toContain('\r\nDTSTART;TZID=Europe/Paris:20270310T140000\r\n'); // Hugo's timeZone for naive times
  });

  it("gives the site the widget, linking to Hugo's pages and subscribing to the calendar", () => {
    const embed = readFileSync(path.join(dir, 'public', 'embed', 'index.html'), 'utf8');
    expect(embed).toContain(
      '<a class="what" href="https://lab.example.org/events/2027/spring-seminar-graphs-calendars/">Spring Seminar: Graphs &amp; Calendars</a>',
    );
    expect(embed).toContain('<a class="ics" href="https://lab.example.org/event/spring-seminar.ics"');
    expect(embed).toContain(
      '<p class="more"><a href="webcal://lab.example.org/calendar.ics">Subscribe to Example Lab</a></p>',
    );
    expect(readFileSync(path.join(dir, 'public', 'fr', 'embed', 'index.html'), 'utf8')).toContain(
      '<p class="more"><a href="webcal://lab.example.org/fr/calendar.ics">S’abonner à Laboratoire Exemple</a></p>',
    );
  });

  it('lets calpub.yaml at the site root override Hugo and the params', () => {
    const other = site();
    writeFileSync(path.join(other, 'calpub.yaml'), 'title: Lab calendar\nrefreshInterval: PT30M\n');
    expect(runIn(other, 'build', '--site', '.', '--now', NOW).status).toBe(0);
    const en = readFileSync(path.join(other, 'public', 'calendar.ics'), 'utf8');
    expect(en).toContain('\r\nNAME:Lab calendar\r\n');
    expect(en).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT30M\r\n');
  });

  it('names a problem by the file under the site root', () => {
    const other = site();
    const page = path.join(other, 'content', 'fr', 'event', 'seminaire-printemps', 'index.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace("date: '2027-03-10T14:00:00'", "date: 'TBA'"));
    const r = runIn(other, 'check', '--site', '.', '--now', NOW);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^content\/fr\/event\/seminaire-printemps\/index\.md\n {2}error {3}\[date\]/);
  });

  it('warns when Hugo will not build a future event page (no publishDate, no buildFuture)', () => {
    const other = site();
    const page = path.join(other, 'content', 'en', 'event', 'spring-seminar', 'index.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace(/^publishDate: .*\n/m, ''));
    const r = runIn(other, 'check', '--site', '.', '--now', NOW);
    expect(r.stdout).toMatch(
      /content\/en\/event\/spring-seminar\/index\.md\n {2}warning \[publishDate\] Hugo builds no page before its date unless the site sets `buildFuture`, so https:\/\/lab\.example\.org\/events\/2027\/spring-seminar-graphs-calendars\/ does not exist/,
    );
    writeFileSync(
      path.join(other, 'config', '_default', 'hugo.toml'),
      `buildFuture = true\n${readFileSync(path.join(other, 'config', '_default', 'hugo.toml'), 'utf8')}`,
    );
    expect(runIn(other, 'check', '--site', '.', '--now', NOW).stdout).not.toMatch(/publishDate/);
  });

  it('says what --site needs when the folder is not a Hugo site', () => {
    const r = runIn(dir, 'build', '--site', 'content');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^calpub: --site content: no Hugo configuration there \(hugo\.toml, hugo\.yaml, config\.toml or config\/_default\/\): give the root of a Hugo site, or use --content/,
    );
  });
});

(HAS_HUGO ? describe : describe.skip)('after `hugo`: calpub build --site . --out public', () => {
  const dir = site();
  const hugo = spawnSync('hugo', ['--quiet'], { cwd: dir, encoding: 'utf8' });
  const before = hashes(path.join(dir, 'public'));
  const build = runIn(dir, 'build', '--site', '.', '--out', 'public', '--now', NOW);
  const after = hashes(path.join(dir, 'public'));

  it('adds the calendars, feeds and schedule and leaves every file Hugo wrote untouched', () => {
    expect([hugo.status, hugo.stderr]).toEqual([0, '']);
    expect(before.size).toBeGreaterThan(20);
    expect([build.status, build.stderr]).toEqual([0, '']);
    for (const [file, hash] of before) expect([file, after.get(file)]).toEqual([file, hash]);
    const added = [...after.keys()].filter((f) => !before.has(f));
    expect(added).toEqual(
      expect.arrayContaining([
        'calendar.ics',
        'rss.xml',
        'schedule.json',
        'fr/calendar.ics',
        'tags/seminar/calendar.ics',
      ]),
    );
  });

  it('links every event to a page Hugo wrote', () => {
    for (const calendar of ['calendar.ics', 'fr/calendar.ics']) {
      for (const [uid, url] of eventLinks(readFileSync(path.join(dir, 'public', calendar), 'utf8'))) {
        const page = `${decodeURIComponent(new URL(url as string).pathname).slice(1)}index.html`;
        expect([uid, page, existsSync(path.join(dir, 'public', page))]).toEqual([uid, page, true]);
      }
    }
  });

  it("links every tag's feed and schedule entry to the tag's page Hugo wrote", () => {
    for (const prefix of ['', 'fr/']) {
      const tags = JSON.parse(readFileSync(path.join(dir, 'public', prefix, 'schedule.json'), 'utf8')).tags as Array<{
        name: string;
        page: string;
      }>;
      expect(tags.length).toBeGreaterThan(0);
      for (const tag of tags) {
        const page = `${decodeURIComponent(new URL(tag.page).pathname).slice(1)}index.html`;
        expect([tag.name, page, existsSync(path.join(dir, 'public', page))]).toEqual([tag.name, page, true]);
      }
    }
  });

  it('refuses to overwrite a file another tool wrote at one of its paths, unless --force', () => {
    writeFileSync(path.join(dir, 'public', 'schedule.json'), '{"from":"another tool"}\n');
    const refused = runIn(dir, 'build', '--site', '.', '--out', 'public', '--now', NOW);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(
      /^calpub: nothing written: 1 file\(s\) in public that calpub did not write would be overwritten \(schedule\.json\); another tool \(Hugo\?\) wrote them\. Choose another --out, leave out `schedule` \(`outputs: \[calendars, feeds, widget\]` in calpub\.yaml\), or pass --force to overwrite them\n$/,
    );
    expect(readFileSync(path.join(dir, 'public', 'schedule.json'), 'utf8')).toBe('{"from":"another tool"}\n');
    const forced = runIn(dir, 'build', '--site', '.', '--out', 'public', '--now', NOW, '--force');
    expect(forced.status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'public', 'schedule.json'), 'utf8')).events).toBeDefined();
  });

  it('builds again after `hugo` with the same bytes', () => {
    execFileSync('hugo', ['--quiet'], { cwd: dir });
    const again = runIn(dir, 'build', '--site', '.', '--out', 'public', '--now', NOW);
    expect(again.stdout).toMatch(/0 files written, 0 deleted/);
  });
});
