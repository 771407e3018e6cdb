import { parseFrontMatter } from '../../../lambda/core/read/frontmatter';
import type { CalEvent, Problem } from '../../../lambda/core/model';
import { normalizePage } from '../../../lambda/core/read/normalize';
import { TEST_CONFIG } from '../../helpers';

/** Normalizes one YAML page (fixtures written for calpub, modelled on the real corpus quirks). */
function normalize(
  frontMatter: string,
  config = TEST_CONFIG,
  path = 'event/x/index.md',
): { event: CalEvent | null; problems: readonly Problem[] } {
  const parsed = parseFrontMatter({ path, text: `---\n${frontMatter}\n---\n` });
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return normalizePage(parsed.page, config);
}
const iso = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());
const timed = (e: CalEvent | null) => {
  if (e?.time.kind !== 'timed') throw new Error(`not timed: ${JSON.stringify(e?.time)}`);
  return { start: iso(e.time.start), end: iso(e.time.end), zone: e.time.timeZone };
};

describe('normalizePage: time', () => {
  it('publishes a Paris event written with Z as wall clock when wallClockZ is set (the seed case)', () => {
    const { event } = normalize("title: T\ndate: '2022-12-05T14:00:00Z'\ndate_end: '2022-12-05T18:00:00Z'", {
      ...TEST_CONFIG,
      wallClockZ: true,
    });
    expect(timed(event)).toEqual({
      start: '2022-12-05T13:00:00.000Z',
      end: '2022-12-05T17:00:00.000Z',
      zone: 'Europe/Paris',
    });
  });

  it('reads unquoted CMS timestamps with milliseconds like quoted ones', () => {
    const a = normalize('title: T\ndate: 2022-09-09T19:00:01.050Z').event;
    const b = normalize("title: T\ndate: '2022-09-09T19:00:01.050Z'").event;
    expect(timed(a)).toEqual(timed(b));
  });

  it('uses the page `timezone` for naive times', () => {
    const { event } = normalize("title: T\ntimezone: America/Santiago\ndate: '2022-09-09T19:00:00'");
    expect(timed(event)).toEqual({ start: '2022-09-09T23:00:00.000Z', end: null, zone: 'America/Santiago' });
  });

  it('rejects an unknown `timezone`', () => {
    expect(normalize("title: T\ntimezone: Mars/Olympus\ndate: '2022-09-09T19:00:00'").problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        field: 'timezone',
        message: expect.stringMatching(/not an IANA time zone/),
      }),
    ]);
  });

  it('makes date-only values an all-day event with an inclusive last day', () => {
    expect(normalize("title: T\ndate: '2027-03-22'\ndate_end: '2027-03-24'").event?.time).toEqual({
      kind: 'allDay',
      startDate: '2027-03-22',
      endDate: '2027-03-24',
      timeZone: 'Europe/Paris',
    });
  });

  it('makes all_day: true with clock times an all-day event on the dates as written', () => {
    expect(
      normalize('title: T\nall_day: true\ndate: 2023-11-28T02:00:00.000Z\ndate_end: 2023-11-28T04:00:00.000Z').event
        ?.time,
    ).toEqual({ kind: 'allDay', startDate: '2023-11-28', endDate: '2023-11-28', timeZone: 'Europe/Paris' });
  });

  it('reads legacy talk pages from time_start/time_end; their date is the page date', () => {
    const { event } = normalize(
      'title: T\ndate: 2021-08-17T17:05:00\ntime_start: 2021-03-26T11:20:00\ntime_end: 2021-03-26T11:40:00',
    );
    expect(timed(event)).toEqual({
      start: '2021-03-26T10:20:00.000Z',
      end: '2021-03-26T10:40:00.000Z',
      zone: 'Europe/Paris',
    });
    expect(iso(event?.pageDate)).toBe('2021-08-17T15:05:00.000Z');
  });

  it('reads record-style pages from start_date; their date is a record timestamp', () => {
    const { event } = normalize("title: P2P\ndate: '2019-12-27T14:47:56.000Z'\nstart_date: '2019-09-04'");
    expect(event?.time).toEqual({
      kind: 'allDay',
      startDate: '2019-09-04',
      endDate: '2019-09-04',
      timeZone: 'Europe/Paris',
    });
  });

  it('uses a free-text `time: "3--4pm"` on the day of `date`', () => {
    const { event } = normalize('title: T\ndate: "2021-05-18T09:00:00-00:00"\ntime: "3--4pm"');
    expect(timed(event)).toEqual({
      start: '2021-05-18T13:00:00.000Z',
      end: '2021-05-18T14:00:00.000Z',
      zone: 'Europe/Paris',
    });
  });

  it('warns about a free-text `time` it cannot read and keeps `date`', () => {
    const { event, problems } = normalize('title: T\ndate: "2021-05-18T09:00:00Z"\ntime: "after lunch"');
    expect(timed(event).start).toBe('2021-05-18T09:00:00.000Z');
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', field: 'time' })]);
  });

  it('publishes an event whose end is before its start without the end, with a warning naming the field', () => {
    const { event, problems } = normalize("title: T\ndate: '2020-02-08T16:30:00Z'\ndate_end: '2012-02-08T17:30:00Z'");
    expect(timed(event)).toEqual({ start: '2020-02-08T16:30:00.000Z', end: null, zone: 'Europe/Paris' });
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'date_end',
        message: expect.stringMatching(
          /`date_end` \(2012-02-08 17:30Z\) is before `date`.*published without an end; fix the end/,
        ),
      }),
    ]);
    const legacy = normalize(
      'title: T\ndate: 2021-08-17T17:05:00\ntime_start: 2020-10-20T16:00:00\ntime_end: 2020-10-01T17:15:00',
    );
    expect(timed(legacy.event).end).toBeNull();
    expect(legacy.problems[0]).toMatchObject({ severity: 'warning', field: 'time_end' });
  });

  it('moves an end a few hours "before" an evening start to the next day (an event ending after midnight)', () => {
    const { event, problems } = normalize("title: Party\ndate: '2026-06-20T21:00:00'\ndate_end: '2026-06-20T01:00:00'");
    expect(timed(event)).toEqual({
      start: '2026-06-20T19:00:00.000Z',
      end: '2026-06-20T23:00:00.000Z',
      zone: 'Europe/Paris',
    });
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'date_end',
        message: expect.stringMatching(/read as the next day, 2026-06-21.*write that date in `date_end`/),
      }),
    ]);
  });

  it('does not take a morning end before an afternoon start for an overnight slip (12 h or more)', () => {
    const { event, problems } = normalize("title: T\ndate: '2026-06-20T14:00:00'\ndate_end: '2026-06-20T02:00:00'");
    expect(timed(event).end).toBeNull();
    expect(problems[0].message).toMatch(/published without an end/);
  });

  it('publishes an all-day event whose end date is before its start on its first day, with a warning', () => {
    const { event, problems } = normalize("title: T\ndate: '2026-03-22'\ndate_end: '2025-03-24'");
    expect(event?.time).toEqual({
      kind: 'allDay',
      startDate: '2026-03-22',
      endDate: '2026-03-22',
      timeZone: 'Europe/Paris',
    });
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'date_end',
        message: expect.stringMatching(/before `date`.*first day only/),
      }),
    ]);
  });

  it('publishes an event lasting more than a year with a warning, not silently', () => {
    const timedLong = normalize("title: T\ndate: '2019-09-01T09:00:00'\ndate_end: '2025-09-01T17:00:00'");
    expect(timed(timedLong.event).end).toBe('2025-09-01T15:00:00.000Z');
    expect(timedLong.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'date_end',
        message: expect.stringMatching(/last 2192 days, more than a year/),
      }),
    ]);
    const allDayLong = normalize("title: T\ndate: '2019-09-01'\ndate_end: '2025-08-31'");
    expect(allDayLong.problems).toEqual([
      expect.objectContaining({ field: 'date_end', message: expect.stringMatching(/last 2192 days/) }),
    ]);
    expect(normalize("title: T\ndate: '2026-01-01'\ndate_end: '2026-12-31'").problems).toEqual([]);
  });

  it('publishes a zero-length event without an end, with a warning', () => {
    const { event, problems } = normalize("title: T\ndate: '2019-01-01T10:00:00Z'\ndate_end: '2019-01-01T10:00:00Z'");
    expect(timed(event).end).toBeNull();
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', field: 'date_end' })]);
  });

  it('rejects placeholders, impossible offsets and impossible dates', () => {
    expect(normalize("title: T\ndate: 'TBA'\ndate_end: 'TBA'").problems[0]).toMatchObject({
      severity: 'error',
      field: 'date',
    });
    expect(normalize("title: T\ndate: '2025-02-24T14:00:00+15:00'").problems[0]).toMatchObject({
      severity: 'error',
      field: 'date',
    });
    expect(normalize("title: T\ndate: '2025-02-30'").problems[0]).toMatchObject({ severity: 'error', field: 'date' });
  });

  it('publishes an event whose end is not a date (a typo) without its end: the start is clear', () => {
    for (const end of ['soon', '2026-26-04T18:00:00', '2026-02-30']) {
      const { event, problems } = normalize(`title: T\ndate: '2026-04-26T16:00:00'\ndate_end: '${end}'`);
      expect(event?.time).toMatchObject({ kind: 'timed', end: null });
      expect(problems).toEqual([
        expect.objectContaining({
          severity: 'warning',
          field: 'date_end',
          message: expect.stringMatching(/published without an end until it is fixed/),
        }),
      ]);
    }
  });

  it('rejects a page with no date or no title', () => {
    expect(normalize('title: T').problems[0]).toMatchObject({
      severity: 'error',
      field: 'date',
      message: expect.stringMatching(/missing/),
    });
    expect(normalize("date: '2020-01-01'").problems[0]).toMatchObject({ severity: 'error', field: 'title' });
  });

  it('treats commented-out and empty date_end as absent', () => {
    expect(
      timed(normalize("title: T\ndate: '2024-09-05T15:30:00+05:30'\n#date_end: '2024-06-08T18:00:00+05:30'").event).end,
    ).toBeNull();
    expect(timed(normalize("title: T\ndate: '2024-09-05T15:30:00+05:30'\ndate_end:").event).end).toBeNull();
  });

  it('reads publishDate, expiryDate and lastmod with the same rules; a placeholder publishDate is an error', () => {
    const { event } = normalize(
      "title: T\ndate: '2024-01-01'\npublishDate: '2023-01-15T00:00:00Z'\nexpiryDate: 2030-01-01\nlastmod: 2023-02-01T10:00:00+01:00",
    );
    expect([iso(event?.publishDate), iso(event?.expiryDate), iso(event?.lastmod)]).toEqual([
      '2023-01-15T00:00:00.000Z',
      '2029-12-31T23:00:00.000Z',
      '2023-02-01T09:00:00.000Z',
    ]);
  });

  it('publishes, as Hugo does, a page whose publishDate or expiryDate it cannot read, with a warning', () => {
    for (const [key, value] of [
      ['publishDate', 'TBA'],
      ['publishDate', '2019-12.19T10:00:00Z'],
      ['expiryDate', '2019-13-01'],
    ]) {
      const { event, problems } = normalize(`title: T\ndate: '2024-01-01'\n${key}: '${value}'`);
      expect([event?.publishDate, event?.expiryDate]).toEqual([null, null]);
      expect(problems).toEqual([
        expect.objectContaining({
          severity: 'warning',
          field: key,
          message: expect.stringMatching(/it is ignored \(Hugo ignores it too\)/),
        }),
      ]);
    }
  });
});

describe('normalizePage: the other dates, written badly', () => {
  it('ignores a lastmod it cannot read, with a warning, and says when a date-time has a one-digit hour', () => {
    const { event, problems } = normalize(
      "title: T\ndate: '2024-01-01'\nlastmod: '2024-13-01'\npublishDate: '2023-12-01T9:00:00Z'",
    );
    expect(event?.lastmod).toBeNull();
    expect(iso(event?.publishDate)).toBe('2023-12-01T09:00:00.000Z');
    expect(problems).toEqual([
      {
        file: 'event/x/index.md',
        severity: 'warning',
        field: 'publishDate',
        message:
          "`publishDate`: '2023-12-01T9:00:00Z' has a one-digit hour, read as 09:00; write two digits ('2023-12-01T09:00…')",
      },
      {
        file: 'event/x/index.md',
        severity: 'warning',
        field: 'lastmod',
        message: "`lastmod`: '2024-13-01': 2024-13-01 is not a day of the calendar; it is ignored",
      },
    ]);
  });

  it("ignores a legacy talk page's date it cannot read (the page date), with a warning, and keeps the event", () => {
    const { event, problems } = normalize(
      "title: T\ndate: 'soon'\ntime_start: '2024-05-17T14:00:00Z'",
      TEST_CONFIG,
      'talk/x.md',
    );
    expect(event?.pageDate).toBeNull();
    expect(timed(event).start).toBe('2024-05-17T14:00:00.000Z');
    expect(problems).toEqual([
      expect.objectContaining({ field: 'date', message: expect.stringMatching(/; the page date is ignored$/) }),
    ]);
  });

  it('reads a page date written well', () => {
    const { event } = normalize(
      "title: T\ndate: '2024-05-01'\ntime_start: '2024-05-17T14:00:00Z'",
      TEST_CONFIG,
      'talk/x.md',
    );
    expect(iso(event?.pageDate)).toBe('2024-04-30T22:00:00.000Z');
  });
});

describe('normalizePage: other fields', () => {
  const base = "title: T\ndate: '2024-01-01T10:00:00Z'\n";

  it('reads address parts of any scalar type, skipping empty ones', () => {
    const { event } = normalize(
      `${base}address:\n  street: 1 Rd\n  city: null\n  region: Maharashtra\n  postcode: 67100 \n  country: ''`,
    );
    expect(event?.address).toEqual({ street: '1 Rd', region: 'Maharashtra', postcode: '67100' });
  });

  it('flattens multi-line locations and Markdown links', () => {
    expect(normalize(`${base}location: |\n  Building 303\n  Room 101`).event?.location).toBe('Building 303, Room 101');
    expect(normalize(`${base}location: '[Zoom](https://zoom.us/j/1)'`).event?.location).toBe(
      'Zoom (https://zoom.us/j/1)',
    );
    expect(normalize(`${base}location: ''`).event?.location).toBeNull();
  });

  it('reads event_url as a URL, a list of {title, url}, or a placeholder meaning none', () => {
    expect(normalize(`${base}event_url: https://ex.org/e`).event?.seriesUrl).toBe('https://ex.org/e');
    expect(normalize(`${base}event_url:\n- title: Page\n  url: https://ex.org/list`).event?.seriesUrl).toBe(
      'https://ex.org/list',
    );
    for (const v of ["'.'", "''", ''])
      expect(normalize(`${base}event_url: ${v}`)).toMatchObject({ event: { seriesUrl: null }, problems: [] });
  });

  it('reads tags given as one string, numbers or a list; links null or a list', () => {
    expect(normalize(`${base}tags: Meetup`).event?.tags).toEqual(['Meetup']);
    expect(normalize(`${base}tags:\n- 2024\n- Data\n- Data`).event?.tags).toEqual(['2024', 'Data']);
    expect(normalize(`${base}links:\nurl_slides: https://ex.org/s.pdf`).event?.links).toEqual([
      { name: 'Slides', url: 'https://ex.org/s.pdf' },
    ]);
    expect(normalize(`${base}links:\n- name: Code\n  url: https://ex.org/code`).event?.links).toEqual([
      { name: 'Code', url: 'https://ex.org/code' },
    ]);
  });

  it('warns about bundle-relative url_* files, which calpub does not publish', () => {
    expect(normalize(`${base}url_pdf: files/paper.pdf`).problems).toEqual([
      expect.objectContaining({ severity: 'warning', field: 'url_pdf' }),
    ]);
  });

  it('reads status, defaulting to confirmed with a warning for unknown values', () => {
    expect(normalize(`${base}status: Canceled`).event?.status).toBe('CANCELLED');
    const odd = normalize(`${base}status: maybe`);
    expect(odd.event?.status).toBe('CONFIRMED');
    expect(odd.problems[0]).toMatchObject({ severity: 'warning', field: 'status' });
  });

  it('joins a title wrapped over lines and removes zero-width spaces', () => {
    expect(normalize("title: 'First line\n  second\u200B line'\ndate: '2024-01-01'").event?.title).toBe(
      'First line second line',
    );
  });

  it('builds the URL from permalinkBase when set, else siteUrl', () => {
    expect(normalize(base).event?.url).toBe('https://events.example.org/event/x/');
    expect(normalize(base, { ...TEST_CONFIG, permalinkBase: 'https://site.example.org/' }).event?.url).toBe(
      'https://site.example.org/event/x/',
    );
  });

  it('reads geo and rejects out-of-range values', () => {
    expect(normalize(`${base}geo: {lat: 48.85, lon: 2.35}`).event?.geo).toEqual({ lat: 48.85, lon: 2.35 });
    expect(normalize(`${base}geo: {lat: 148, lon: 2}`).problems[0]).toMatchObject({ field: 'geo' });
  });
});

describe('normalizePage: what Hugo accepts is published, with what to fix', () => {
  it('publishes a one-digit hour with a warning on the field', () => {
    const { event, problems } = normalize("title: T\ndate: '2021-09-21T9:00:00Z'");
    expect(timed(event).start).toBe('2021-09-21T09:00:00.000Z');
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'date',
        message: expect.stringMatching(/one-digit hour.*write two digits/),
      }),
    ]);
  });
});

describe('normalizePage: a written offset that is not the zone offset', () => {
  it('reads an offset the zone has in another season as the hour the site shows, and warns on the start field', () => {
    const parsed = parseFrontMatter({
      path: 'event/x/index.md',
      text: "---\ntitle: T\ndate: '2025-02-10T18:00:00+02:00'\ndate_end: '2025-02-10T20:00:00+02:00'\n---\nAccueil à 18h.\n",
    });
    if (!parsed.ok) throw new Error('parse');
    const { event, problems } = normalizePage(parsed.page, TEST_CONFIG);
    expect([timed(event).start, timed(event).end]).toEqual(['2025-02-10T17:00:00.000Z', '2025-02-10T19:00:00.000Z']);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'date',
        message: expect.stringMatching(
          /\+02:00, the offset Europe\/Paris has at another time of year, but on 2025-02-10 Europe\/Paris is at \+01:00: the site shows 18:00, so it is published at 18:00 Europe\/Paris time/,
        ),
      }),
    ]);
  });

  it('honours an offset no season of the zone has (another venue), and warns with what the body says', () => {
    const parsed = parseFrontMatter({
      path: 'event/x/index.md',
      text: "---\ntitle: T\ndate: '2025-02-10T18:00:00-05:00'\n---\nWelcome at 6 pm.\n",
    });
    if (!parsed.ok) throw new Error('parse');
    const { event, problems } = normalizePage(parsed.page, TEST_CONFIG);
    expect(timed(event).start).toBe('2025-02-10T23:00:00.000Z');
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'date',
        message: expect.stringMatching(/-05:00, but Europe\/Paris is at \+01:00.*The text says 18:00/),
      }),
    ]);
  });

  it('uses the event `timezone` when it has one, and stays quiet for a site with no zone', () => {
    expect(normalize("title: T\ntimezone: Asia/Kolkata\ndate: '2025-02-10T18:00:00+05:30'").problems).toEqual([]);
    expect(
      normalize("title: T\ndate: '2025-02-10T18:00:00+02:00'", { ...TEST_CONFIG, timeZone: 'UTC' }).problems,
    ).toEqual([]);
  });
});

describe("normalizePage: the venue's zone", () => {
  const site = { ...TEST_CONFIG, wallClockZ: true };
  it('reads an event whose address is in another zone in that zone, with the warning, and shows it there', () => {
    const { event, problems } = normalize(
      "title: T\nlocation: Austin, TX\ndate: '2027-03-10T18:00:00Z'\ndate_end: '2027-03-10T20:00:00Z'",
      site,
    );
    expect(timed(event)).toEqual({
      start: '2027-03-11T00:00:00.000Z',
      end: '2027-03-11T02:00:00.000Z',
      zone: 'America/Chicago',
    }); // 18:00 CST
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'timezone',
        message: expect.stringMatching(
          /^the venue \(Austin, TX\) is in America\/Chicago, not in the site's zone \(Europe\/Paris\)/,
        ),
      }),
    ]);
  });

  it("lets the page's `timezone` win, silently", () => {
    const { event, problems } = normalize(
      "title: T\ntimezone: Europe/Paris\nlocation: Austin, TX\ndate: '2027-03-10T18:00:00'",
      site,
    );
    expect([timed(event).zone, problems]).toEqual(['Europe/Paris', []]);
  });

  it('keeps all-day events in their venue zone too (their agenda is on that clock)', () => {
    const { event } = normalize(
      "title: T\naddress: {city: Montréal, region: QC, country: Canada}\ndate: '2027-03-10'",
      site,
    );
    expect(event?.time).toEqual({
      kind: 'allDay',
      startDate: '2027-03-10',
      endDate: '2027-03-10',
      timeZone: 'America/Toronto',
    });
  });
});

describe('normalizePage: an end far from the one day the text names', () => {
  it('warns when the event lasts weeks but its text names one day (a typo in the month of the end)', () => {
    const { problems } = normalize(
      "title: T\ndate: '2026-04-04T18:00:00'\ndate_end: '2026-05-09T20:00:00'\nsummary: Rendez-vous le 4 avril à 18h.",
    );
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'date_end',
        message: expect.stringMatching(
          /^`date_end` makes the event last 36 days \(until 2026-05-09\), but its text names one day only \(April 4\): if the end has a wrong month or year, fix it$/,
        ),
      }),
    ]);
  });

  it('is silent for short events, and for long ones whose text names their days or none', () => {
    expect(normalize("title: T\ndate: '2026-04-04'\ndate_end: '2026-04-10'\nsummary: Le 4 avril.").problems).toEqual(
      [],
    );
    expect(
      normalize("title: T\ndate: '2026-04-04'\ndate_end: '2026-05-09'\nsummary: Du 4 avril au 9 mai.").problems,
    ).toEqual([]);
    expect(normalize("title: T\ndate: '2026-04-04'\ndate_end: '2026-05-09'\nsummary: An exhibition.").problems).toEqual(
      [],
    );
  });
});

describe('normalizePage: times that cannot be as written', () => {
  it('rejects a year before 1000 (a typo), naming the field, and never moves it to the 1900s', () => {
    expect(normalize("title: T\ndate: '0026-09-15T18:00:00'").problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        field: 'date',
        message: expect.stringMatching(/the year 0026 is before 1000, surely a typo/),
      }),
    ]);
    const { event, problems } = normalize("title: T\ndate: '2026-09-15T18:00:00'\ndate_end: '0026-09-15T20:00:00'");
    expect([timed(event).end, problems[0]?.field]).toEqual([null, 'date_end']);
  });

  it('takes the first of an autumn time shown twice, with a warning', () => {
    const { event, problems } = normalize("title: T\ndate: '2026-10-25T02:30:00'\ndate_end: '2026-10-25T04:00:00'");
    expect(timed(event).start).toBe('2026-10-25T00:30:00.000Z');
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'date',
        message: expect.stringMatching(/2026-10-25 02:30 happens twice in Europe\/Paris.*the first is published/),
      }),
    ]);
  });

  it("moves a spring-night time that does not exist forward by the gap, keeping the event's length", () => {
    const { event, problems } = normalize("title: T\ndate: '2026-03-29T02:30:00'\ndate_end: '2026-03-29T03:30:00'");
    expect(timed(event)).toMatchObject({ start: '2026-03-29T01:30:00.000Z', end: '2026-03-29T02:30:00.000Z' }); // 03:30–04:30 CEST: one hour, as written
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'date',
        message: expect.stringMatching(
          /2026-03-29 02:30 does not exist in Europe\/Paris \(the clocks skip 60 minutes that night\)/,
        ),
      }),
    ]);
  });
});
