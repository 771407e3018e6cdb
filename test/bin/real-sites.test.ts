/**
 * Real Hugo sites as they are, with no calpub.yaml: `calpub build --site` through the CLI bundle, checked
 * against what Hugo itself makes of the same site (../shared/tools/hugo-oracle: each page's permalink,
 * the tag pages, the time each page shows). The calendar says what the site says: every event and tag
 * link is a page Hugo makes, each of Hugo's event pages is published once, each start is the time the
 * site shows, in the venue's zone.
 *
 * Sites: the sample page's own site (../shared/corpus/sites/ssphub: `baseURL: /`, no zone, Z times,
 * removePathAccents, `/tag/:slug/`), and two fixtures of ours modelled on real ones
 * (test/fixtures/real-shapes: a Hugo Blox site with `+02:00` on winter dates and Belgian addresses; a
 * Wowchemy site in Quebec with an old content folder outside its `contentDir`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT, runCli } from '../cli';

const SHARED = path.join(ROOT, '..', 'shared');
const ORACLE = path.join(SHARED, 'tools', 'hugo-oracle', 'hugo_oracle.py');
const SSPHUB = path.join(SHARED, 'corpus', 'sites', 'ssphub');
const NOW = '2026-11-29T12:00:00Z';

const missing = [
  existsSync(ORACLE) ? null : '../shared/tools/hugo-oracle',
  spawnSync('hugo', ['version']).status === 0 ? null : 'hugo (apt-get install hugo)',
  spawnSync('python3', ['-c', 'import yaml']).status === 0 ? null : 'python3 with PyYAML',
].filter(Boolean);
if (missing.length) {
  if (process.env.CI) throw new Error(`CI needs ${missing.join(', ')} for the real-site tests`);
  console.warn(`real-sites.test.ts skipped: needs ${missing.join(', ')}`);
}
const describeWithOracle = missing.length ? describe.skip : describe;

/** A copy of a site in a new temporary folder. */
function copyOf(site: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'calpub-real-'));
  cpSync(site, dir, { recursive: true });
  return dir;
}

interface HugoPages {
  /** Event pages: path → the time the page shows (`YYYY-MM-DDTHH:MM`, Hugo's digits). */
  readonly events: Map<string, string>;
  /** Tag pages, by path. */
  readonly tags: Set<string>;
}

/** What Hugo makes of the site (the oracle's lines), paths only: a site built with `-b` moves the host, not the paths. */
function hugoPages(site: string): HugoPages {
  const dir = copyOf(site);
  execFileSync('python3', [ORACLE, dir]);
  execFileSync('hugo', ['--quiet', '--noBuildLock', '-d', 'public'], { cwd: dir });
  const events = new Map<string, string>();
  const tags = new Set<string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name === 'index.html') {
        for (const line of readFileSync(file, 'utf8').split('\n')) {
          const [permalink, section, kind, shown] = line.split('|');
          const at = new URL(permalink ?? '', 'https://relative.invalid').pathname;
          if (kind === 'page' && ['event', 'events', 'talk', 'talks'].includes(section)) events.set(at, shown);
          if (kind === 'term' && section === 'tags') tags.add(at);
        }
      }
    }
  };
  walk(path.join(dir, 'public'));
  return { events, tags };
}

interface Published {
  readonly url: string;
  readonly start: string;
  readonly allDay: boolean;
  readonly timeZone: string;
}

/** calpub's build of the site: every language's schedule.json, its events and its tags' pages. */
function calpubBuild(
  site: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): { status: number | null; stderr: string; stdout: string; events: Published[]; tagPages: string[]; out: string } {
  const out = mkdtempSync(path.join(tmpdir(), 'calpub-real-out-'));
  const r = runCli(
    [
      'build',
      '--site',
      site,
      '--out',
      out,
      '--now',
      NOW,
      '--report',
      path.join(out, '..', `${path.basename(out)}.json`),
      ...args,
    ],
    { env: { ...env } },
  );
  const report = JSON.parse(readFileSync(path.join(out, '..', `${path.basename(out)}.json`), 'utf8')) as {
    languages: Array<{ folder: string }>;
  };
  const events: Published[] = [];
  const tagPages: string[] = [];
  for (const { folder } of report.languages) {
    const schedule = JSON.parse(readFileSync(path.join(out, folder, 'schedule.json'), 'utf8')) as {
      events: Published[];
      tags: Array<{ page: string | null }>;
    };
    events.push(...schedule.events);
    tagPages.push(...schedule.tags.map((t) => t.page as string));
  }
  return { status: r.status, stderr: r.stderr, stdout: r.stdout, events, tagPages, out };
}

/** The event's start as the site shows it: the wall clock in its zone (schedule.json writes it with the zone's offset). */
const shown = (e: Published) => (e.allDay ? e.start : e.start.slice(0, 16));

/** Checks a build against Hugo's pages: the links, each page once, the hour. */
function expectSameAsHugo(built: ReturnType<typeof calpubBuild>, hugo: HugoPages, host: string): void {
  const paths = built.events.map((e) => new URL(e.url).pathname);
  expect(built.events.map((e) => new URL(e.url).origin)).toEqual(built.events.map(() => host));
  expect([...paths].sort()).toEqual([...hugo.events.keys()].sort());
  for (const e of built.events) {
    const hugoShows = hugo.events.get(new URL(e.url).pathname) as string;
    expect([e.url, shown(e)]).toEqual([e.url, e.allDay ? hugoShows.slice(0, 10) : hugoShows]);
  }
  for (const page of built.tagPages) expect([page, hugo.tags.has(new URL(page).pathname)]).toEqual([page, true]);
  expect(built.tagPages.length).toBeGreaterThan(0);
}

describeWithOracle("the sample page's own site (ssphub), as it is in its repository", () => {
  const hasSite = existsSync(SSPHUB);
  if (!hasSite) console.warn('ssphub tests skipped: ../shared/corpus/sites/ssphub is missing');
  const itWithSite = hasSite ? it : it.skip;
  const hugo = hasSite ? hugoPages(SSPHUB) : { events: new Map(), tags: new Set<string>() };

  itWithSite(
    'with `-b` as Netlify builds it: every link is a page Hugo makes, each start the time the site shows, in Paris',
    () => {
      const built = calpubBuild(SSPHUB, ['-b', 'https://ssphub.netlify.app/', '--strict']);
      expect(built.status).toBe(0);
      expect(hugo.events.size).toBe(18);
      expectSameAsHugo(built, hugo, 'https://ssphub.netlify.app');
      expect(new Set(built.events.filter((e) => !e.allDay).map((e) => e.timeZone))).toEqual(new Set(['Europe/Paris']));
      // The seed page: its programme starts at 14h00, the site shows 2:00 PM.
      expect(
        built.events.find((e) => e.url.endsWith('/talk/evenement-de-cloture-de-la-saison-1-du-programme-10/'))?.start,
      ).toBe('2022-12-05T14:00:00+01:00');
      expect(built.stderr).toMatch(
        /warning \[timeZone\] no time zone is set: times are read in Europe\/Paris, where 2 page\(s\) place their venue \("Paris" ×2\)/,
      );
      const calendar = readFileSync(path.join(built.out, 'calendar.ics'), 'utf8');
      expect(calendar).toContain(
        '\r\nUID:event/10-pourcent-final-season1@ssphub.netlify.app\r\nDTSTART;TZID=Europe/Paris:20221205T140000\r\n',
      );
    },
  );

  itWithSite('takes the base URL from HUGO_BASEURL as Hugo does', () => {
    const built = calpubBuild(SSPHUB, ['--strict'], { HUGO_BASEURL: 'https://ssphub.netlify.app/' });
    expect(built.status).toBe(0);
    expectSameAsHugo(built, hugo, 'https://ssphub.netlify.app');
  });

  itWithSite("without a base URL: Hugo's paths on a placeholder host, a warning, and --strict fails", () => {
    const built = calpubBuild(SSPHUB, ['--strict'], { HUGO_BASEURL: '' });
    expect(built.status).toBe(1);
    expectSameAsHugo(built, hugo, 'https://baseurl.invalid');
    expect(built.stderr).toMatch(
      /warning \[baseURL\] Hugo's `baseURL` is "\/", not an absolute URL, so calpub cannot know the site's address: links go to Hugo's paths on https:\/\/baseurl\.invalid\/, a placeholder\. Give the address Hugo builds with: `calpub build --site \. -b https:\/\/your\.site\/`/,
    );
    expect(built.stdout).toMatch(/\(--strict fails: calpub guessed `baseURL`\)/);
  });
});

describeWithOracle('a Hugo Blox site with a summer offset on every date, Belgian addresses', () => {
  const site = path.join(ROOT, 'test', 'fixtures', 'real-shapes', 'blox-be');
  const hugo = hugoPages(site);

  it('publishes each event at the hour the site shows, in Brussels, with links to its pages and tags', () => {
    const built = calpubBuild(site, ['--strict']);
    expect(built.status).toBe(0);
    expect(hugo.events.size).toBe(6);
    expectSameAsHugo(built, hugo, 'https://asbl.example.be');
    expect(new Set(built.events.map((e) => e.timeZone))).toEqual(new Set(['Europe/Brussels']));
    expect(built.events.find((e) => e.url.endsWith('/event/assemblee-generale-2025/'))?.start).toBe(
      '2025-01-16T18:00:00+01:00',
    );
    expect(built.stderr.match(/the offset Europe\/Brussels has at another time of year/g)).toHaveLength(5);
  });
});

describeWithOracle('a Wowchemy site in Quebec, two languages in their own folders, an old copy beside them', () => {
  const site = path.join(ROOT, 'test', 'fixtures', 'real-shapes', 'wowchemy-qc');
  const hugo = hugoPages(site);

  it("publishes Hugo's pages only, each at the hour the site shows in its venue's zone", () => {
    const built = calpubBuild(site, ['--strict']);
    expect(built.status).toBe(0);
    expect(hugo.events.size).toBe(5);
    expectSameAsHugo(built, hugo, 'https://labo.example.ca');
    const zones = Object.fromEntries(built.events.map((e) => [new URL(e.url).pathname, `${e.start} ${e.timeZone}`]));
    expect(zones).toMatchObject({
      '/evenement/seminaire-graphes-et-reseaux/': '2024-11-14T12:00:00-05:00 America/Toronto',
      '/en/evenement/seminar-graphs-and-networks/': '2024-11-14T12:00:00-05:00 America/Toronto',
      '/evenement/conference-invitee-a-vancouver/': '2024-10-03T10:00:00-07:00 America/Vancouver',
    });
    // The old copy in content/bu_fr/ is in no language's contentDir: not read, not reported.
    expect(built.events.some((e) => e.start.startsWith('2022'))).toBe(false);
    expect(built.stderr).not.toMatch(/bu_fr/);
    // A venue whose name contains the city keeps the city.
    const calendar = readFileSync(path.join(built.out, 'calendar.ics'), 'utf8').replace(/\r\n /g, '');
    expect(calendar).toContain(
      'LOCATION:Université de Montréal\\, 2920 chemin de la Tour\\, Montréal\\, QC\\, H3T 1J4\\, Canada\r\n',
    );
  });
});
