/** `calpub init` and the wall-clock hint, through the CLI bundle. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import yaml from 'js-yaml';

const ROOT = path.join(__dirname, '..', '..');
const runIn = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin', 'run.cjs'), ...args], { encoding: 'utf8', cwd, env: { ...process.env, TZ: 'Europe/Paris' } });

/** A content folder like the seed's site: `Z` times that its programme gives as Paris wall clock. */
function wallClockSite(withConfig: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'calpub-init-'));
  for (const [slug, day] of [['final', '05'], ['start', '12']]) {
    mkdirSync(path.join(dir, 'content', 'event', slug), { recursive: true });
    writeFileSync(
      path.join(dir, 'content', 'event', slug, 'index.md'),
      `---\ntitle: Session ${slug}\ndate: '2022-12-${day}T14:00:00Z'\ndate_end: '2022-12-${day}T18:00:00Z'\n---\n\n## 14h00-15h00 : Pitchs des projets\n\n## 15h00-16h00 : Table ronde\n`,
    );
  }
  if (withConfig) writeFileSync(path.join(dir, 'content', 'calpub.yaml'), 'title: Seed-like\nsiteUrl: https://events.example.org/\nuidDomain: example.org\ntimeZone: Europe/Paris\n');
  return dir;
}

describe('the wall-clock hint', () => {
  it('warns once per site, naming an example and suggesting wallClockZ: true', () => {
    const dir = wallClockSite(true);
    for (const command of ['check', 'build']) {
      const r = runIn(dir, command, '--now', '2026-11-29T12:00:00Z');
      const output = command === 'check' ? r.stdout : r.stderr;
      expect(output.match(/\[wallClockZ\]/g)).toHaveLength(1);
      expect(output).toMatch(/^calpub\.yaml\n {2}warning \[wallClockZ\] 2 page\(s\) write times with Z that their own programme gives as local clock times \(e\.g\. event\/final\/index\.md: 14:00Z, programme from 14:00\): .*they likely mean 14:00 in Europe\/Paris\. If so, set `wallClockZ: true`/m);
    }
  });

  it('is silent once wallClockZ is set, and the event is then at 14:00 Paris', () => {
    const dir = wallClockSite(true);
    writeFileSync(path.join(dir, 'content', 'calpub.yaml'), `${readFileSync(path.join(dir, 'content', 'calpub.yaml'), 'utf8')}wallClockZ: true\n`);
    const r = runIn(dir, 'build', '--now', '2026-11-29T12:00:00Z');
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(readFileSync(path.join(dir, 'public', 'event', 'final.ics'), 'utf8')).toContain('\r\nDTSTART;TZID=Europe/Paris:20221205T140000\r\n');
  });
});

describe('calpub init', () => {
  it('writes a commented starter calpub.yaml that sets wallClockZ when the pages need it, and builds without warnings', () => {
    const dir = wallClockSite(false);
    const r = runIn(dir, 'init');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^calpub: wrote content\/calpub\.yaml: read it \(every key has a comment\), then run `calpub build --content content`\n$/);
    const text = readFileSync(path.join(dir, 'content', 'calpub.yaml'), 'utf8');
    expect(text).toMatch(/^# calpub configuration/);
    expect(text).toMatch(/# Your pages write times with Z that their programmes give as local times \(event\/final\/index\.md: 14:00Z, programme from 14:00\): Z is read as Europe\/Paris wall clock\.\nwallClockZ: true\n/);
    const config = yaml.load(text) as Record<string, unknown>;
    expect(config).toMatchObject({ timeZone: 'Europe/Paris', wallClockZ: true, uidDomain: 'events.example.org', outputs: ['calendars', 'feeds', 'schedule', 'pages', 'widget'] });
    // Every key has its comment line above it.
    const lines = text.split('\n').filter(Boolean);
    lines.forEach((line, i) => {
      if (!line.startsWith('#')) expect([line, lines[i - 1]?.startsWith('#')]).toEqual([line, true]);
    });
    const build = runIn(dir, 'build', '--now', '2026-11-29T12:00:00Z');
    expect(build.stderr).toBe('');
  });

  it('never replaces an existing calpub.yaml without --force', () => {
    const dir = wallClockSite(true);
    const before = readFileSync(path.join(dir, 'content', 'calpub.yaml'), 'utf8');
    const r = runIn(dir, 'init');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('calpub: content/calpub.yaml exists: edit it, or pass --force to replace it with a starter file\n');
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
    expect(yaml.load(text)).toMatchObject({ uidDomain: 'lab.example.org', wallClockZ: false });
    expect(runIn(dir, 'build', '--site', '.', '--out', 'after', '--now', '2026-11-29T12:00:00Z').status).toBe(0);
    const calendar = (out: string) => readFileSync(path.join(dir, out, 'calendar.ics'), 'utf8');
    expect(calendar('after')).toBe(calendar('before'));
  });
});
