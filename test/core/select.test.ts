import type { EventTime } from '../../lambda/core/model';
import { farAheadProblems, skipReason, unbuiltPageProblem } from '../../lambda/core/select';
import { NOW } from '../helpers';

const DAY = 24 * 3600 * 1000;
const FIVE_YEARS = 5 * 365.25 * DAY;

const timed = (start: number, timeZone = 'Europe/Paris'): EventTime => ({
  kind: 'timed',
  start,
  end: null,
  timeZone,
  writtenOffset: null,
});
const selectable = (fields: Partial<Parameters<typeof skipReason>[0]> = {}) => ({
  draft: false,
  publishDate: null,
  expiryDate: null,
  pageDate: null,
  ...fields,
});

describe('skipReason: what Hugo leaves out at the build clock', () => {
  it('publishes a page with no draft flag and no dates', () => {
    expect(skipReason(selectable(), NOW)).toBeNull();
  });

  it('leaves out a draft, whatever its dates', () => {
    expect(skipReason(selectable({ draft: true, publishDate: NOW - DAY }), NOW)).toBe('draft');
  });

  it('schedules a page whose publishDate is ahead, and publishes it from that instant on', () => {
    expect(skipReason(selectable({ publishDate: NOW + 1 }), NOW)).toBe('scheduled');
    expect(skipReason(selectable({ publishDate: NOW }), NOW)).toBeNull();
    expect(skipReason(selectable({ publishDate: NOW - 1 }), NOW)).toBeNull();
  });

  it('takes the page date as the publish date when there is no publishDate (legacy talk pages)', () => {
    expect(skipReason(selectable({ pageDate: NOW + DAY }), NOW)).toBe('scheduled');
    // publishDate wins over the page date, both ways.
    expect(skipReason(selectable({ pageDate: NOW + DAY, publishDate: NOW - DAY }), NOW)).toBeNull();
    expect(skipReason(selectable({ pageDate: NOW - DAY, publishDate: NOW + DAY }), NOW)).toBe('scheduled');
  });

  it('expires a page at its expiryDate (that instant included), not before', () => {
    expect(skipReason(selectable({ expiryDate: NOW }), NOW)).toBe('expired');
    expect(skipReason(selectable({ expiryDate: NOW - 1 }), NOW)).toBe('expired');
    expect(skipReason(selectable({ expiryDate: NOW + 1 }), NOW)).toBeNull();
  });

  it('says scheduled before expired when both apply', () => {
    expect(skipReason(selectable({ publishDate: NOW + DAY, expiryDate: NOW - DAY }), NOW)).toBe('scheduled');
  });
});

describe('farAheadProblems: dates more than five years ahead', () => {
  const dated = (fields: Partial<Parameters<typeof farAheadProblems>[0]> = {}) => ({
    file: 'event/far/index.md',
    time: timed(NOW + DAY),
    publishDate: null,
    pageDate: null,
    startField: 'date',
    pageDateField: null,
    ...fields,
  });

  it('says nothing of dates up to five years ahead', () => {
    expect(farAheadProblems(dated({ time: timed(NOW + FIVE_YEARS) }), NOW)).toEqual([]);
  });

  it('warns of a start just over five years ahead, naming the field and the day in the event zone', () => {
    // 2031-11-29T23:30Z is already 30 November in Paris.
    const start = Date.parse('2031-11-29T23:30:00Z');
    expect(start - NOW).toBeGreaterThan(FIVE_YEARS);
    const [problem, ...rest] = farAheadProblems(dated({ time: timed(start) }), NOW);
    expect(rest).toEqual([]);
    expect(problem).toEqual({
      file: 'event/far/index.md',
      severity: 'warning',
      field: 'date',
      message: expect.stringContaining('`date` is 2031-11-30, more than 5 years ahead'),
    });
    expect(problem.message).toContain('set `draft: true`');
  });

  it("shows an all-day event's start as its own date and its other dates in the event's zone", () => {
    const allDay: EventTime = {
      kind: 'allDay',
      startDate: '3018-01-01',
      endDate: '3018-01-01',
      timeZone: 'America/Los_Angeles',
    };
    const pageDate = Date.parse('3018-01-03T05:00:00Z'); // 2 January in Los Angeles
    const problems = farAheadProblems(
      dated({ time: allDay, startField: 'time_start', pageDate, pageDateField: 'date' }),
      NOW,
    );
    expect(problems.map((p) => [p.field, p.message.split(',')[0]])).toEqual([
      ['time_start', '`time_start` is 3018-01-01'],
      ['date', '`date` is 3018-01-02'],
    ]);
  });

  it('names each far date: start, page date and publishDate', () => {
    const far = NOW + FIVE_YEARS + DAY;
    const problems = farAheadProblems(
      dated({ time: timed(far), pageDate: far, pageDateField: 'date', startField: 'time_start', publishDate: far }),
      NOW,
    );
    expect(problems.map((p) => p.field)).toEqual(['time_start', 'date', 'publishDate']);
  });

  it('leaves out a page date that no field gave, and a near publishDate', () => {
    const far = NOW + FIVE_YEARS + DAY;
    const problems = farAheadProblems(
      dated({ time: timed(NOW), pageDate: far, pageDateField: null, publishDate: NOW + DAY }),
      NOW,
    );
    expect(problems).toEqual([]);
  });
});

describe('unbuiltPageProblem: a link to a Hugo page that does not exist yet', () => {
  const linked = (fields: Partial<Parameters<typeof unbuiltPageProblem>[0]> = {}) => ({
    file: 'event/soon/index.md',
    time: timed(NOW + DAY),
    publishDate: null,
    pageDate: null,
    url: 'https://example.org/event/soon/',
    ...fields,
  });
  const hugo = { buildFuture: false, permalinkBase: 'https://example.org/' };

  it('warns when the page date is ahead on a Hugo site that does not build the future', () => {
    expect(unbuiltPageProblem(linked(), NOW, hugo)).toEqual({
      file: 'event/soon/index.md',
      severity: 'warning',
      field: 'publishDate',
      message: expect.stringContaining('so https://example.org/event/soon/ does not exist until the event'),
    });
  });

  it('takes the page date before the start, and says nothing once that date is reached', () => {
    expect(unbuiltPageProblem(linked({ pageDate: NOW - DAY }), NOW, hugo)).toBeNull();
    expect(unbuiltPageProblem(linked({ time: timed(NOW) }), NOW, hugo)).toBeNull();
    expect(unbuiltPageProblem(linked({ time: timed(NOW - DAY), pageDate: NOW + 1 }), NOW, hugo)).not.toBeNull();
  });

  it('says nothing with buildFuture, without a Hugo site, or when publishDate is set', () => {
    expect(unbuiltPageProblem(linked(), NOW, { ...hugo, buildFuture: true })).toBeNull();
    expect(unbuiltPageProblem(linked(), NOW, { buildFuture: false, permalinkBase: null })).toBeNull();
    expect(unbuiltPageProblem(linked({ publishDate: NOW - DAY }), NOW, hugo)).toBeNull();
  });
});
