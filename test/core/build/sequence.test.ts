/** SEQUENCE and LAST-MODIFIED across builds: they move exactly when what is published changes. */
import { readCalendar } from '../../ical';
import { build, NOW, output, yamlPage } from '../../helpers';

describe('SEQUENCE and LAST-MODIFIED across builds', () => {
  const a = yamlPage('event/a/index.md', "title: A\ndate: '2027-01-10T10:00:00Z'\npublishDate: '2026-01-01T00:00:00Z'");
  const b = yamlPage('event/b/index.md', "title: B\ndate: '2027-01-11T10:00:00Z'\npublishDate: '2026-01-01T00:00:00Z'");

  it('raises SEQUENCE and moves DTSTAMP only for the edited event', () => {
    const first = build([a, b]);
    const edited = { ...a, text: a.text.replace('title: A', 'title: A (new room)') };
    const later = NOW + 3_600_000;
    const second = build([edited, b], { memory: first.memory, now: later });
    const events = Object.fromEntries(readCalendar(output(second, 'calendar.ics')).events.map((e) => [e.uid, e]));
    expect(events['event/a@example.org']).toMatchObject({
      sequence: 1,
      summary: 'A (new room)',
      dtstamp: new Date(later).toISOString(),
    });
    expect(events['event/b@example.org']).toMatchObject({ sequence: 0, dtstamp: '2026-01-01T00:00:00.000Z' });
    expect(output(second, 'event/b.ics')).toBe(output(first, 'event/b.ics'));
    // An unchanged rebuild keeps everything, including the raised sequence.
    const third = build([edited, b], { memory: second.memory, now: later + 3_600_000 });
    expect([...third.outputs]).toEqual([...second.outputs]);
  });

  it('does not raise SEQUENCE for edits that change nothing published (a comment, an unused key)', () => {
    const first = build([a]);
    const second = build([{ ...a, text: a.text.replace('---\n', '---\n# a comment\nfeatured: true\n') }], {
      memory: first.memory,
      now: NOW + 1000,
    });
    expect([...second.outputs]).toEqual([...first.outputs]);
  });

  it('counts a change to any published field, even one only the feeds and schedule show', () => {
    const page = yamlPage(
      'event/s/index.md',
      "title: S\ndate: '2027-01-10T10:00:00Z'\nsummary: Short one\nabstract: The long text",
    );
    const first = build([page]);
    const second = build([{ ...page, text: page.text.replace('Short one', 'Short two') }], {
      memory: first.memory,
      now: NOW + 5000,
    });
    const entry = (r: typeof first) => JSON.parse(output(r, 'schedule.json')).events[0];
    expect(entry(second)).toMatchObject({ summary: 'Short two', sequence: 1 });
    expect(entry(first)).toMatchObject({ summary: 'Short one', sequence: 0 });
  });

  it('does not raise SEQUENCE when the site changes which outputs it publishes', () => {
    const page = yamlPage(
      'event/s/index.md',
      "title: S\ndate: '2027-01-10T10:00:00Z'\nsummary: Short\nabstract: Long",
      'Body with a [link](/x).',
    );
    const config = 'uidDomain: example.org\npermalinkBase: https://www.example.org/\n';
    const all = build([page], { config });
    const calendarsOnly = build([page], {
      config: `${config}outputs: [calendars]\n`,
      memory: all.memory,
      now: NOW + 5000,
    });
    expect(calendarsOnly.memory.events).toEqual(all.memory.events);
    const back = build([{ ...page, text: page.text.replace('Body with', 'Body, edited, with') }], {
      config: `${config}outputs: [calendars]\n`,
      memory: all.memory,
      now: NOW + 5000,
    });
    expect(back.memory.events['event/s'].sequence).toBe(1);
  });

  it('keeps counting when an event leaves and comes back', () => {
    const first = build([a]);
    const gone = build([], { memory: first.memory });
    const back = build([{ ...a, text: a.text.replace('title: A', 'title: A2') }], {
      memory: gone.memory,
      now: NOW + 5000,
    });
    expect(readCalendar(output(back, 'calendar.ics')).events[0].sequence).toBe(1);
  });
});
