import { existsSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { foreignFiles, listPages, readConfigText, safeJoin, writeSite } from '../../lambda/adapters/fs';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'calpub-fs-'));
const file = (p: string, body: string) => ({
  path: p,
  contentType: 'text/calendar',
  chunks: [body.slice(0, 3), body.slice(3)],
});

describe('safeJoin', () => {
  it('resolves plain relative paths inside the root', () => {
    expect(safeJoin('/site', 'event/a.ics')).toBe(path.resolve('/site/event/a.ics'));
  });
  it.each(['../x', 'a/../../x', '/etc/passwd', 'a\\..\\x', 'a//b', '', 'a/\0b', 'a/..'])('refuses %j', (p) => {
    expect(() => safeJoin('/site', p)).toThrow(/refusing to write/);
  });
});

describe('writeSite', () => {
  it('writes new files, skips unchanged ones, deletes only files it wrote before', async () => {
    const out = tmp();
    writeFileSync(path.join(out, 'keep-me.txt'), 'not ours');
    const first = writeSite(out, [file('calendar.ics', 'A'), file('event/x.ics', 'X'), file('event/y.ics', 'Y')]);
    expect(first.written.sort()).toEqual(['calendar.ics', 'event/x.ics', 'event/y.ics']);
    const mtime = statSync(path.join(out, 'event/x.ics')).mtimeMs;

    const second = writeSite(out, [file('calendar.ics', 'A2'), file('event/x.ics', 'X')]);
    expect(second).toEqual({ written: ['calendar.ics'], deleted: ['event/y.ics'], unchanged: 1 });
    expect(statSync(path.join(out, 'event/x.ics')).mtimeMs).toBe(mtime);
    expect(existsSync(path.join(out, 'event/y.ics'))).toBe(false);
    expect(readFileSync(path.join(out, 'keep-me.txt'), 'utf8')).toBe('not ours');
  });

  it('replaces a changed file atomically: a reader holding the old file keeps reading it whole', () => {
    const out = tmp();
    writeSite(out, [file('calendar.ics', 'A'.repeat(100_000))]);
    const fd = require('node:fs').openSync(path.join(out, 'calendar.ics'), 'r');
    writeSite(out, [file('calendar.ics', 'B'.repeat(50_000))]);
    const old = Buffer.alloc(100_000);
    expect(require('node:fs').readSync(fd, old, 0, old.length, 0)).toBe(100_000);
    expect(old.toString()).toBe('A'.repeat(100_000));
    require('node:fs').closeSync(fd);
    expect(readFileSync(path.join(out, 'calendar.ics'), 'utf8')).toBe('B'.repeat(50_000));
    expect(
      require('node:fs')
        .readdirSync(out)
        .filter((n: string) => n.endsWith('.tmp')),
    ).toEqual([]);
  });

  it('rewrites a file that was removed by hand even if its bytes did not change', async () => {
    const out = tmp();
    writeSite(out, [file('calendar.ics', 'A')]);
    require('node:fs').rmSync(path.join(out, 'calendar.ics'));
    expect(writeSite(out, [file('calendar.ics', 'A')]).written).toEqual(['calendar.ics']);
  });

  it('refuses a path that escapes the output folder and writes nothing outside it', async () => {
    const out = tmp();
    expect(() => writeSite(out, [file('../escape.ics', 'B')])).toThrow(/refusing/);
    expect(existsSync(path.join(path.dirname(out), 'escape.ics'))).toBe(false);
  });
});

describe('foreignFiles', () => {
  const outputs = [file('calendar.ics', 'BEGIN:VCALENDAR new'), file('rss.xml', '<rss/>')];
  const paths = outputs.map((o) => o.path);

  it('names a file calpub did not write whose bytes differ from its output; a file already equal is fine', () => {
    const out = tmp();
    writeFileSync(path.join(out, 'calendar.ics'), 'from another tool');
    writeFileSync(path.join(out, 'rss.xml'), '<rss/>');
    expect(foreignFiles(out, paths, outputs)).toEqual(['calendar.ics']);
  });

  it('names a file calpub wrote that another tool changed since, and writeSite rewrites it when told to', () => {
    const out = tmp();
    writeSite(out, outputs);
    expect(foreignFiles(out, paths, outputs)).toEqual([]);
    const later = new Date(Date.now() + 5000);
    // Touched only (same bytes): still calpub's.
    utimesSync(path.join(out, 'rss.xml'), later, later);
    expect(foreignFiles(out, paths, outputs)).toEqual([]);
    writeFileSync(path.join(out, 'calendar.ics'), 'from another tool');
    utimesSync(path.join(out, 'calendar.ics'), later, later);
    expect(foreignFiles(out, paths, outputs)).toEqual(['calendar.ics']);
    expect(writeSite(out, outputs).written).toEqual([]); // the manifest alone says it is up to date
    expect(writeSite(out, outputs, new Set(['calendar.ics'])).written).toEqual(['calendar.ics']);
    expect(readFileSync(path.join(out, 'calendar.ics'), 'utf8')).toBe('BEGIN:VCALENDAR new');
  });
});

describe('listPages and readConfigText', () => {
  it('reads candidate pages and calpub.yaml, skipping _ and . folders', async () => {
    const dir = tmp();
    for (const [p, body] of [
      ['event/a/index.md', 'A'],
      ['event/_index.md', 'S'],
      ['_hidden/b.md', 'B'],
      ['.git/c.md', 'C'],
      ['event/a/featured.jpg', 'J'],
      ['calpub.yaml', 'title: T'],
    ]) {
      require('node:fs').mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
      writeFileSync(path.join(dir, p), body);
    }
    expect(listPages(dir)).toEqual(['event/a/index.md']);
    expect(readConfigText(dir)).toBe('title: T');
  });
});
