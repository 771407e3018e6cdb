/** A calpub.yaml with an error is never applied: the last good one is, or nothing is built. */
import { EMPTY_MEMORY } from '../../../lambda/core/memory';
import { readCalendar } from '../../ical';
import { build, NOW, output, yamlPage } from '../../helpers';

describe('a calpub.yaml with an error is never applied', () => {
  const page = yamlPage('event/a/index.md', "title: A\ndate: '2027-01-10T18:00:00'");
  const good = 'uidDomain: example.org\ntimeZone: Europe/Paris\n';
  const bad = 'uidDomain: example.org\ntimeZone: Mars/Olympus_Mons\n';
  const startOf = (r: ReturnType<typeof build>) => readCalendar(output(r, 'calendar.ics')).events[0].start;

  it('keeps building with the last good configuration, reporting the errors', () => {
    const first = build([page], { config: good });
    expect(first.memory.lastGoodConfig).toBe(good);
    const second = build([page], { config: bad, memory: first.memory, now: NOW + 1000 });
    expect(second.stopped).toBe(false);
    expect(second.configRejected).toBe(true);
    expect(second.config.timeZone).toBe('Europe/Paris');
    expect(startOf(second)).toBe(startOf(first)); // 18:00 in Paris, not 18:00 UTC
    expect(output(second, 'calendar.ics')).toBe(output(first, 'calendar.ics'));
    expect(second.problems).toEqual([
      {
        file: 'calpub.yaml',
        severity: 'error',
        field: 'timeZone',
        message: expect.stringMatching(/"Mars\/Olympus_Mons" is not an IANA time zone/),
      },
      {
        file: 'calpub.yaml',
        severity: 'warning',
        field: null,
        message: expect.stringMatching(/not applied: the site is built with the last configuration without errors/),
      },
    ]);
    expect(second.memory.lastGoodConfig).toBe(good);
  });

  it('applies the fixed configuration as soon as the errors are gone', () => {
    const first = build([page], { config: good });
    const fixed = 'uidDomain: example.org\ntimeZone: America/New_York\n';
    const third = build([page], { config: fixed, memory: build([page], { config: bad, memory: first.memory }).memory });
    expect(third.config.timeZone).toBe('America/New_York');
    expect(third.memory.lastGoodConfig).toBe(fixed);
  });

  it('stops a first build: no output at all, the memory as it was, the errors saying why', () => {
    const result = build([page], { config: bad });
    expect(result.stopped).toBe(true);
    expect(result).toMatchObject({ configRejected: true, published: [], languages: [], skipped: [], pages: 1 });
    expect(result.paths()).toEqual([]);
    expect([...result.outputs]).toEqual([]);
    expect(result.memory).toEqual(EMPTY_MEMORY);
    expect(result.problems.map((p) => [p.severity, p.field])).toEqual([
      ['error', 'timeZone'],
      ['error', null],
    ]);
    expect(result.problems[1].message).toMatch(/nothing is built until they are fixed/);
  });

  it('treats YAML that does not parse like any other error', () => {
    const first = build([page], { config: good });
    const broken = build([page], { config: 'timeZone: [Europe/Paris\n', memory: first.memory });
    expect(broken.config.timeZone).toBe('Europe/Paris');
    expect(broken.problems[0]).toMatchObject({
      severity: 'error',
      message: expect.stringMatching(/does not parse as YAML/),
    });
  });

  it('remembers "no file" (the defaults) as a good configuration', () => {
    const first = build([page], { config: null });
    expect(first.memory.lastGoodConfig).toBeNull();
    expect(build([page], { config: bad, memory: first.memory }).config.timeZone).toBe('UTC');
  });
});
