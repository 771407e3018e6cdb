/** The CLI's memory (.calpub/state.json): lost is said, unreadable is recovered from the copy its last save kept. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readCalendar } from '../ical';
import { ROOT, runCli } from '../cli';

describe("the CLI's memory", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'calpub-memory-'));
  const content = path.join(dir, 'content');
  cpSync(path.join(ROOT, 'test', 'fixtures', 'site'), content, { recursive: true });
  const build = () =>
    runCli(['build', '--content', content, '--out', path.join(dir, 'public'), '--now', '2026-11-29T12:00:00Z']);
  const page = path.join(content, 'event', 'paris-evening', 'index.md');
  const sequence = () =>
    readCalendar(readFileSync(path.join(dir, 'public', 'calendar.ics'), 'utf8')).events.find((e) =>
      e.uid.startsWith('event/paris-evening@'),
    )?.sequence;

  it('is recovered from the copy when unreadable, keeping SEQUENCE, with a warning; said when missing', () => {
    expect(build().status).toBe(0);
    writeFileSync(
      page,
      readFileSync(page, 'utf8')
        .replace('title:', 'subtitle: x\ntitle:')
        .replace(/\n---\n/, '\nlocation: Salle 2\n---\n'),
    );
    expect(build().status).toBe(0);
    expect(sequence()).toBe(1);
    writeFileSync(
      path.join(content, 'event', 'three-days', 'index.md'),
      `${readFileSync(path.join(content, 'event', 'three-days', 'index.md'), 'utf8')}\nMore.\n`,
    );
    expect(build().status).toBe(0); // the state with paris-evening at 1 is the copy now
    writeFileSync(path.join(dir, 'public', '.calpub', 'state.json'), '{"version": 2, "events": ');
    const recovered = build();
    expect(recovered.stderr).toMatch(
      /public\/\.calpub\/state\.json\n {2}warning memory unreadable: recovered from the copy of the one before it \(state\.previous\.json\)/,
    );
    expect(sequence()).toBe(1);
    rmSync(path.join(dir, 'public', '.calpub', 'state.json'));
    rmSync(path.join(dir, 'public', '.calpub', 'state.previous.json'));
    expect(build().stderr).toMatch(
      /warning memory missing although an earlier build wrote this site: SEQUENCE restarts/,
    );
    expect(sequence()).toBe(0);
  });
});
