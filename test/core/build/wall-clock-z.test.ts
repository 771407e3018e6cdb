/**
 * Times written with `Z`: read as the clock the site shows unless the site says its Z is UTC, and one
 * warning on calpub.yaml that says which reading was made and how to confirm or change it.
 */
import type { Problem } from '../../../lambda/core/model';
import { build, yamlPage } from '../../helpers';

const SITE =
  'title: Test events\nsiteUrl: https://events.example.org/\nuidDomain: example.org\ntimeZone: Europe/Paris\n';

const zWarnings = (problems: readonly Problem[]) => problems.filter((p) => p.field === 'wallClockZ');

describe('Z times read as the wall clock (the default)', () => {
  it('publishes the hour written and says so once, with an example and the zones used', () => {
    const result = build(
      [
        yamlPage('event/a/index.md', "title: A\ndate: '2027-06-10T14:00:00Z'"),
        yamlPage('event/b/index.md', "title: B\ndate: '2027-06-11 09:30:00-00:00'"),
        yamlPage('event/c/index.md', "title: C\ntimezone: America/New_York\ndate: '2027-06-12T18:00:00Z'"),
      ],
      { config: SITE },
    );
    expect(result.published).toEqual(['event/a', 'event/b', 'event/c']);
    expect(zWarnings(result.problems)).toEqual([
      {
        file: 'calpub.yaml',
        severity: 'warning',
        field: 'wallClockZ',
        message:
          '3 page(s) write their times with Z (e.g. event/a/index.md: 14:00Z): a Hugo site shows such a time as written ("14:00"), so calpub publishes 14:00 in the event\'s zone (America/New_York, Europe/Paris). If your Z times really are UTC, set `wallClockZ: false` in calpub.yaml; set `wallClockZ: true` to confirm and silence this',
      },
    ]);
  });

  it('names three zones at most', () => {
    const zones = ['Asia/Tokyo', 'America/Chicago', 'Europe/Berlin', 'Europe/Paris'];
    const result = build(
      zones.map((zone, i) =>
        yamlPage(`event/e${i}/index.md`, `title: E\ntimezone: ${zone}\ndate: '2027-06-1${i}T10:00:00Z'`),
      ),
      { config: SITE },
    );
    expect(zWarnings(result.problems)[0].message).toContain(
      "in the event's zone (America/Chicago, Asia/Tokyo, Europe/Berlin, …). ",
    );
    const three = build(
      zones
        .slice(0, 3)
        .map((zone, i) =>
          yamlPage(`event/e${i}/index.md`, `title: E\ntimezone: ${zone}\ndate: '2027-06-1${i}T10:00:00Z'`),
        ),
      { config: SITE },
    );
    expect(zWarnings(three.problems)[0].message).toContain(
      "in the event's zone (America/Chicago, Asia/Tokyo, Europe/Berlin). ",
    );
  });

  it('counts only timed starts written in UTC, in zones that are not UTC', () => {
    const result = build(
      [
        yamlPage('event/offset/index.md', "title: O\ndate: '2027-06-10T14:00:00+02:00'"),
        yamlPage('event/naive/index.md', "title: N\ndate: '2027-06-10T14:00:00'"),
        yamlPage('event/day/index.md', "title: D\ndate: '2027-06-10'"),
        yamlPage('event/utc/index.md', "title: U\ntimezone: UTC\ndate: '2027-06-10T14:00:00Z'"),
      ],
      { config: SITE },
    );
    expect(result.published).toHaveLength(4);
    expect(zWarnings(result.problems)).toEqual([]);
  });

  it('counts Z and -0000 however written (spaces after, no colon), and not all-day events', () => {
    const result = build(
      [
        yamlPage('event/a/index.md', "title: A\ndate: '2027-06-10T14:00:00Z  '"),
        yamlPage('event/b/index.md', "title: B\ndate: '2027-06-11T14:00:00-0000'"),
        yamlPage('event/c/index.md', "title: C\nall_day: true\ndate: '2027-06-12T14:00:00Z'"),
      ],
      { config: SITE },
    );
    expect(result.published).toHaveLength(3);
    expect(zWarnings(result.problems).map((p) => p.message)).toEqual([expect.stringMatching(/^2 page\(s\) write/)]);
  });

  it('is silent once the site says `wallClockZ: true`', () => {
    const result = build([yamlPage('event/a/index.md', "title: A\ndate: '2027-06-10T14:00:00Z'")], {
      config: `${SITE}wallClockZ: true\n`,
    });
    expect(zWarnings(result.problems)).toEqual([]);
  });
});

describe('Z times read as UTC (`wallClockZ: false`)', () => {
  const page = (date: string, programme: string) =>
    yamlPage('event/final/index.md', `title: Final\ndate: '${date}'`, `## Programme\n\n${programme}\n`);

  it("hints at `wallClockZ: true` when the page's own programme gives the Z time as its clock", () => {
    const result = build([page('2027-01-10T14:00:00Z', '- 14:00 Welcome\n- 15:00 Talks')], {
      config: `${SITE}wallClockZ: false\n`,
    });
    expect(zWarnings(result.problems)).toEqual([
      {
        file: 'calpub.yaml',
        severity: 'warning',
        field: 'wallClockZ',
        message:
          '1 page(s) write times with Z that their own programme gives as local clock times (e.g. event/final/index.md: 14:00Z, programme from 14:00): a Hugo theme shows them as written, so they likely mean 14:00 in Europe/Paris. If so, set `wallClockZ: true` in calpub.yaml (every Z time then reads as Europe/Paris wall clock; check one event after)',
      },
    ]);
  });

  it('says nothing when the programme starts at the zone clock of that instant, or at another hour', () => {
    for (const programme of ['- 15:00 Welcome\n- 16:00 Talks', '- 09:00 Welcome\n- 10:00 Talks']) {
      const result = build([page('2027-01-10T14:00:00Z', programme)], { config: `${SITE}wallClockZ: false\n` });
      expect(zWarnings(result.problems)).toEqual([]);
    }
  });
});
