/**
 * Past events in zones whose rules changed (test/fixtures/changed-zones), built by the CLI bundle and
 * read back by ical.js (Thunderbird's parser, which reads the VTIMEZONE rather than its own tz
 * database): each at the instant it had, with the rules of its own year. .ci/run checks the same
 * build with python icalendar, vobject, khal and node-ical.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readCalendar } from '../ical';
import { CHANGED_ZONES } from '../changed-zones';
import { ROOT, runCli } from '../cli';

describe('past events in zones whose rules changed, through the CLI bundle', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'calpub-zones-'));
  const r = runCli([
    'build',
    '--content',
    path.join(ROOT, 'test', 'fixtures', 'changed-zones'),
    '--out',
    out,
    '--now',
    '2026-11-29T12:00:00Z',
    '--strict',
  ]);

  it('builds them without a problem', () => {
    expect([r.status, r.stderr]).toEqual([0, '']);
  });

  it('puts each at its instant in ical.js, in the site calendar and in its own .ics', () => {
    const site = Object.fromEntries(
      readCalendar(readFileSync(path.join(out, 'calendar.ics'), 'utf8')).events.map((e) => [
        e.uid.replace(/^event\/|@.*$/g, ''),
        e.start,
      ]),
    );
    expect(site).toEqual(CHANGED_ZONES);
    for (const [slug, start] of Object.entries(CHANGED_ZONES)) {
      expect([
        slug,
        readCalendar(readFileSync(path.join(out, 'event', `${slug}.ics`), 'utf8')).events[0].start,
      ]).toEqual([slug, start]);
    }
  });

  it("gives each calendar the rules of its events' years only", () => {
    const own = readFileSync(path.join(out, 'event', 'sao-paulo-2018.ics'), 'utf8');
    expect(own.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    expect(own).toMatch(/BEGIN:DAYLIGHT\r\nDTSTART:20181104T000000\r\nTZOFFSETFROM:-0300\r\nTZOFFSETTO:-0200\r\n/);
    expect(own).not.toMatch(/DTSTART:20(1[0-7]|2\d)/); // nothing of other years
  });
});
