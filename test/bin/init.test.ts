/** `calpub init` and the wall-clock hint, through the CLI bundle. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import yaml from 'js-yaml';
import { ROOT, runCli } from '../cli';

const runIn = (cwd: string, ...args: string[]) => runCli(args, { cwd, env: { TZ: 'Europe/Paris' } });

/** A content folder like the seed's site: `Z` times that its programme gives as Paris wall clock, a venue in Paris. */
function wallClockSite(config: string | null): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'calpub-init-'));
  for (const [slug, day] of [
    ['final', '05'],
    ['start', '12'],
  ]) {
    mkdirSync(path.join(dir, 'content', 'event', slug), { recursive: true });
    writeFileSync(
      path.join(dir, 'content', 'event', slug, 'index.md'),
      `---\ntitle: Session ${slug}\nlocation: Lieu de la transformation publique, Paris\ndate: '2022-12-${day}T14:00:00Z'\ndate_end: '2022-12-${day}T18:00:00Z'\n---\n\n## 14h00-15h00 : Pitchs des projets\n\n## 15h00-16h00 : Table ronde\n`,
    );
  }
  if (config !== null)
    writeFileSync(
      path.join(dir, 'content', 'calpub.yaml'),
      `title: Seed-like\nsiteUrl: https://events.example.org/\nuidDomain: example.org\ntimeZone: Europe/Paris\n${config}`,
    );
  return dir;
}

describe('Z times', () => {
  it('are read as the hour the site shows by default, 14:00 Paris, said once per site', () => {
    const dir = wallClockSite('');
    const r = runIn(dir, 'build', '--now', '2026-11-29T12:00:00Z');
    expect(r.stderr.match(/\[wallClockZ\]/g)).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^calpub\.yaml\n {2}warning \[wallClockZ\] 2 page\(s\) write their times with Z \(e\.g\. event\/final\/index\.md: 14:00Z\): a Hugo site shows such a time as written \("14:00"\), so calpub publishes 14:00 in the event's zone \(Europe\/Paris\)\. If your Z times really are UTC, set `wallClockZ: false`/m,
    );
    expect(readFileSync(path.join(dir, 'public', 'event', 'final.ics'), 'utf8')).toContain(
      '\r\nDTSTART;TZID=Europe/Paris:20221205T140000\r\n',
    );
  });

  it('with `wallClockZ: false`, are UTC, and the programme that says otherwise is pointed out once per site', () => {
    const dir = wallClockSite('wallClockZ: false\n');
    for (const command of ['check', 'build']) {
      const r = runIn(dir, command, '--now', '2026-11-29T12:00:00Z');
      const output = command === 'check' ? r.stdout : r.stderr;
      expect(output.match(/\[wallClockZ\]/g)).toHaveLength(1);
      expect(output).toMatch(
        /^calpub\.yaml\n {2}warning \[wallClockZ\] 2 page\(s\) write times with Z that their own programme gives as local clock times \(e\.g\. event\/final\/index\.md: 14:00Z, programme from 14:00\): .*they likely mean 14:00 in Europe\/Paris\. If so, set `wallClockZ: true`/m,
      );
    }
  });

  it('are silent once `wallClockZ: true` is set, and the event is at 14:00 Paris', () => {
    const dir = wallClockSite('wallClockZ: true\n');
    const r = runIn(dir, 'build', '--now', '2026-11-29T12:00:00Z');
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path.join(dir, 'public', 'event', 'final.ics'), 'utf8')).toContain(
      '\r\nDTSTART;TZID=Europe/Paris:20221205T140000\r\n',
    );
  });
});

describe('calpub init', () => {
  it("writes a commented starter calpub.yaml with the zone the pages' venues are in, and builds without warnings", () => {
    const dir = wallClockSite(null);
    const r = runIn(dir, 'init');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^calpub: wrote content\/calpub\.yaml: read it \(every key has a comment\), then run `calpub build --content content`\n$/,
    );
    const text = readFileSync(path.join(dir, 'content', 'calpub.yaml'), 'utf8');
    expect(text).toMatch(/^# calpub configuration/);
    expect(text).toMatch(
      /# The venues' time zone, found from your pages \(2 page\(s\): "Paris" ×2\): check it\.\ntimeZone: "Europe\/Paris"\n/,
    );
    expect(text).toMatch(/\nwallClockZ: true\n/);
    const config = yaml.load(text) as Record<string, unknown>;
    expect(config).toMatchObject({
      timeZone: 'Europe/Paris',
      wallClockZ: true,
      outputs: ['calendars', 'feeds', 'schedule', 'pages', 'widget'],
    });
    // No placeholder UID domain that would silence the warning: the user sets it.
    expect(config).not.toHaveProperty('uidDomain');
    expect(text).toMatch(/\n# uidDomain: "events\.your-domain\.org" {3}# set it: a domain you control\n/);
    // Every key has its comment line above it.
    const lines = text.split('\n').filter(Boolean);
    lines.forEach((line, i) => {
      if (!line.startsWith('#')) expect([line, lines[i - 1]?.startsWith('#')]).toEqual([line, true]);
    });
    const build = runIn(dir, 'build', '--now', '2026-11-29T12:00:00Z');
    expect(build.stderr).toMatch(/^calpub\.yaml\n {2}warning \[uidDomain\] `uidDomain` is not set[^\n]*\n$/);
    writeFileSync(
      path.join(dir, 'content', 'calpub.yaml'),
      text.replace('# uidDomain: "events.your-domain.org"', 'uidDomain: lab.example.org'),
    );
    expect(runIn(dir, 'build', '--now', '2026-11-29T12:00:00Z').stderr).toBe('');
  });

  it('makes the content folder in an empty project, and says no page gives a zone', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'calpub-init-'));
    const r = runIn(dir, 'init');
    expect([r.status, r.stderr]).toEqual([0, '']);
    const text = readFileSync(path.join(dir, 'content', 'calpub.yaml'), 'utf8');
    expect(text).toMatch(
      /\n# No page says where its events are: set the zone of your venues \(times are read as UTC until then\)\.\n# timeZone: "Europe\/Paris"\n/,
    );
    expect(yaml.load(text)).not.toHaveProperty('timeZone');
  });

  it('never replaces an existing calpub.yaml without --force', () => {
    const dir = wallClockSite('');
    const before = readFileSync(path.join(dir, 'content', 'calpub.yaml'), 'utf8');
    const r = runIn(dir, 'init');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      'calpub: content/calpub.yaml exists: edit it, or pass --force to replace it with a starter file\n',
    );
    expect(readFileSync(path.join(dir, 'content', 'calpub.yaml'), 'utf8')).toBe(before);
    expect(runIn(dir, 'init', '--force').status).toBe(0);
    expect(readFileSync(path.join(dir, 'content', 'calpub.yaml'), 'utf8')).not.toBe(before);
  });

  it("on a Hugo site: shows Hugo's values commented out, pins the UID domain, changes no output", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'calpub-init-'));
    cpSync(path.join(ROOT, 'test', 'fixtures', 'hugo-site'), dir, { recursive: true });
    expect(runIn(dir, 'build', '--site', '.', '--out', 'before', '--now', '2026-11-29T12:00:00Z').status).toBe(0);
    expect(runIn(dir, 'init', '--site', '.').status).toBe(0);
    const text = readFileSync(path.join(dir, 'calpub.yaml'), 'utf8');
    expect(text).toContain('# title: "Example Lab"   # from Hugo\'s configuration\n');
    expect(text).toContain('# timeZone: "Europe/Paris"   # from Hugo\'s configuration\n');
    expect(text).toContain('\nuidDomain: "lab.example.org"\n');
    expect(yaml.load(text)).toMatchObject({ uidDomain: 'lab.example.org', wallClockZ: true });
    expect(runIn(dir, 'build', '--site', '.', '--out', 'after', '--now', '2026-11-29T12:00:00Z').status).toBe(0);
    const calendar = (out: string) => readFileSync(path.join(dir, out, 'calendar.ics'), 'utf8');
    expect(calendar('after')).toBe(calendar('before'));
  });
});
