/** A CLI that explains itself: help, defaults, refusals and problem listings, run through the bundle users run. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT, runCli } from '../cli';

const runIn = (cwd: string, ...args: string[]) => runCli(args, { cwd });
const run = (...args: string[]) => runIn(ROOT, ...args);

/** A folder holding `content/` (the fixture site, or nothing) for commands run with their defaults. */
function project(withFixture = true): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'calpub-cli-'));
  if (withFixture) cpSync(path.join(ROOT, 'test', 'fixtures', 'site'), path.join(dir, 'content'), { recursive: true });
  return dir;
}

describe('calpub help', () => {
  it.each([['--help'], ['-h'], ['help'], []])('prints every command with `calpub %s`, exit 0', (...args) => {
    const r = run(...args);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(
      /^calpub: publish Hugo event pages as subscribable calendars and feeds\.\n\nusage: calpub <command> \[options\]/,
    );
    for (const command of ['build', 'check', 'serve', 'init', 'emulate'])
      expect(r.stdout).toMatch(new RegExp(`\\n  ${command} +\\S`));
  });

  it.each(['build', 'check', 'serve', 'init', 'emulate'])(
    'explains %s: what it does, its options, an example (help <command> and <command> --help)',
    (command) => {
      const r = run('help', command);
      expect([r.status, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toMatch(
        new RegExp(
          `^[A-Z][^\\n]+\\.\\n\\nusage: calpub ${command}[^\\n]*\\n\\noptions:\\n {2}--[\\s\\S]*\\nexample:\\n {2}calpub ${command}`,
        ),
      );
      expect(run(command, '--help').stdout).toBe(r.stdout);
      expect(run(command, '-h').stdout).toBe(r.stdout);
    },
  );

  it('answers an unknown command or option with the help that applies, exit 2', () => {
    const unknown = run('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^calpub: unknown command `frobnicate`\n\ncalpub: publish/);
    const option = run('build', '--outdir', 'x');
    expect(option.status).toBe(2);
    expect(option.stderr).toMatch(
      /^calpub: Unknown option '--outdir'[^\n]*\n\nBuild the calendars[\s\S]*usage: calpub build/,
    );
    expect(run('help', 'nope').status).toBe(2);
    expect(run('build', '--content', 'a', '--site', 'b').stderr).toMatch(
      /^calpub: give --content <dir> or --site <dir>, not both\n/,
    );
  });
});

describe('calpub build defaults and refusals', () => {
  it('builds content/ into public/ when given no folders', () => {
    const dir = project();
    const r = runIn(dir, 'build', '--now', '2026-11-29T12:00:00Z');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^calpub: published 5, /);
    expect(existsSync(path.join(dir, 'public', 'calendar.ics'))).toBe(true);
  });

  it.each([
    [
      'the content folder itself',
      'content',
      /^calpub: --out content is a folder calpub reads pages from: its files would be read back as content; choose a folder outside it \(e\.g\. public\)\n/,
    ],
    [
      'a folder inside it',
      'content/public',
      /^calpub: --out content\/public is inside content, a folder calpub reads pages from/,
    ],
  ])('refuses an --out that is %s, writing nothing (exit 2)', (_, out, message) => {
    const dir = project();
    const r = runIn(dir, 'build', '--content', 'content', '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(path.join(dir, 'content', 'public'))).toBe(false);
    expect(existsSync(path.join(dir, 'content', '.calpub'))).toBe(false);
  });

  it('warns that UIDs use a placeholder domain when there is no calpub.yaml', () => {
    const dir = project();
    rmSync(path.join(dir, 'content', 'calpub.yaml'));
    const r = runIn(dir, 'build', '--now', '2026-11-29T12:00:00Z');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /^calpub\.yaml\n {2}warning \[uidDomain\] there is no calpub\.yaml, so UIDs end in `@calpub\.local`, a placeholder[^\n]*run `calpub init`/m,
    );
    // The fixture's pages say they are in Paris and write Z times: both readings are announced.
    expect(r.stderr).toMatch(
      /^ {2}warning \[timeZone\] no time zone is set: times are read in Europe\/Paris, where 1 page\(s\) place their venue \("France, Paris"\)/m,
    );
    expect(r.stderr).toMatch(/^ {2}warning \[wallClockZ\] 1 page\(s\) write their times with Z/m);
    expect(r.stdout).toMatch(/warnings 3/);
  });

  it('prints the first 20 problems grouped by file, then how many more and where to see them', () => {
    const dir = project();
    for (let i = 0; i < 25; i++) {
      mkdirSync(path.join(dir, 'content', 'event', `broken-${String(i).padStart(2, '0')}`));
      writeFileSync(
        path.join(dir, 'content', 'event', `broken-${String(i).padStart(2, '0')}`, 'index.md'),
        "---\ntitle: Broken\ndate: 'TBA'\n---\n",
      );
    }
    const r = runIn(dir, 'build', '--now', '2026-11-29T12:00:00Z');
    expect(r.status).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith("  error   [date] `date`: 'TBA' is a placeholder"))).toHaveLength(20);
    expect(lines.filter((l) => /^event\/broken-\d\d\/index\.md$/.test(l))).toHaveLength(20);
    expect(lines[0]).toBe('event/broken-00/index.md');
    expect(lines.at(-1)).toBe(
      '... and 5 more problem(s): run `calpub check` or add --report <file.json> to see them all',
    );
    expect(r.stdout).toMatch(/^calpub: published 5, rejected 25, warnings 0 in /);
    const withReport = runIn(dir, 'build', '--now', '2026-11-29T12:00:00Z', '--report', 'report.json');
    expect(withReport.stderr.trimEnd().split('\n').at(-1)).toBe('... and 5 more problem(s): all are in report.json');
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')).problems).toHaveLength(25);
    // check lists them all.
    expect(runIn(dir, 'check').stdout.match(/ {2}error {3}\[date\]/g)).toHaveLength(25);
  });

  it('stops with a message when the content folder does not exist', () => {
    const dir = project(false);
    const r = runIn(dir, 'build');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'calpub: --content content: no such folder; check that the --content folder exists (the folder holding event/, talk/...)\n',
    );
    expect(existsSync(path.join(dir, 'public'))).toBe(false);
  });
});
