import { agendaClock } from '../../../lambda/core/read/agenda';
import { describeEvent } from '../../../lambda/core/formats/describe';
import { labelsFor } from '../../../lambda/core/i18n/labels';
import type { CalEvent, EventTime } from '../../../lambda/core/model';

const time: EventTime = {
  kind: 'timed',
  start: Date.parse('2027-01-10T13:00:00Z'),
  end: Date.parse('2027-01-10T17:00:00Z'),
  timeZone: 'Europe/Paris',
  writtenOffset: null,
};
const event = (extra: Partial<CalEvent> = {}) =>
  ({
    status: 'CONFIRMED',
    series: null,
    seriesUrl: null,
    links: [],
    url: 'https://events.example.org/event/a/',
    time,
    ...extra,
  }) as unknown as CalEvent;
const clock = agendaClock(time);
const en = labelsFor('en');
const sessions = [
  { start: time.start, end: time.start + 3_600_000, title: 'Talk' },
  { start: time.start + 3_600_000, end: time.start + 3_600_000, title: 'Drinks' },
];

describe('describeEvent: the plain text calendars show', () => {
  it('says, in order: cancelled, the lead, the agenda, the body, the series, the links, the page', () => {
    const text = describeEvent(
      event({
        status: 'CANCELLED',
        series: 'PyData',
        seriesUrl: 'https://pydata.org/',
        links: [{ name: 'Slides', url: 'https://x.org/s.pdf' }],
      } as Partial<CalEvent>),
      { lead: 'Lead.', body: 'Body.' },
      sessions,
      clock,
      en,
    );
    expect(text).toBe(
      [
        en.text.cancelled,
        'Lead.',
        `${en.text.agenda}\n14:00–15:00 Talk\n15:00 Drinks`,
        'Body.',
        `${en.text.partOf('PyData (https://pydata.org/)')}\nSlides: https://x.org/s.pdf\n${en.text.details('https://events.example.org/event/a/')}`,
      ].join('\n\n'),
    );
  });

  it('names a series without its site, or the event site alone, and leaves out what is empty', () => {
    const details = en.text.details('https://events.example.org/event/a/');
    expect(describeEvent(event({ series: 'PyData' }), { lead: '', body: '' }, [], clock, en)).toBe(
      `${en.text.partOf('PyData')}\n${details}`,
    );
    expect(describeEvent(event({ seriesUrl: 'https://pydata.org/' }), { lead: '', body: '' }, [], clock, en)).toBe(
      `${en.text.eventSite('https://pydata.org/')}\n${details}`,
    );
    expect(describeEvent(event(), { lead: '', body: 'Body.' }, [], clock, en)).toBe(`Body.\n\n${details}`);
  });
});
