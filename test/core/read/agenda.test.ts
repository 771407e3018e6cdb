import {
  agendaClock,
  agendaOf,
  looksWallClock,
  parseEntry,
  placeSessions,
  readAgenda,
} from '../../../lambda/core/read/agenda';
import type { EventTime } from '../../../lambda/core/model';
import { sessionsOf } from '../../helpers';

const entry = (text: string) => {
  const e = parseEntry(text);
  return (
    e &&
    `${String(e.start.hour).padStart(2, '0')}:${String(e.start.minute).padStart(2, '0')}${e.end ? `-${String(e.end.hour).padStart(2, '0')}:${String(e.end.minute).padStart(2, '0')}` : ''} ${e.title}`
  );
};

describe('readAgenda: the shapes real pages use', () => {
  it.each([
    ['## 14h00-15h00 : Pitchs des projets', '14:00-15:00 Pitchs des projets'],
    ['## 15h00 - 16h00 - Table ronde : talents', '15:00-16:00 Table ronde : talents'],
    ['## 16h00: Pot final', '16:00 Pot final'],
    ['#### **18:30** Welcome', '18:30 Welcome'],
    ['### 18:30 Welcome', '18:30 Welcome'],
    ['### 14:45-14:55: Login', '14:45-14:55 Login'],
    ['**19:15 - 19:30**: Setup and introductions', '19:15-19:30 Setup and introductions'],
    ['16h00: Pot final', '16:00 Pot final'],
    ['2:30 PM – 3 PM Closing remarks', '14:30-15:00 Closing remarks'],
    ['10am to 12pm Workshop', '10:00-12:00 Workshop'],
    ['14h00 à 15h00 Atelier', '14:00-15:00 Atelier'],
    ['9:00—9:30 Café', '09:00-09:30 Café'],
  ])('%s', (line, expected) => {
    expect(
      readAgenda(`Intro paragraph.\n\n${line}\n\nMore text.`).map(
        (l) =>
          `${String(l.start.hour).padStart(2, '0')}:${String(l.start.minute).padStart(2, '0')}${l.end ? `-${String(l.end.hour).padStart(2, '0')}:${String(l.end.minute).padStart(2, '0')}` : ''} ${l.title}`,
      ),
    ).toEqual([expected]);
  });
});

describe('readAgenda: programmes written as lists or quotes', () => {
  const read = (md: string) =>
    readAgenda(md).map(
      (l) =>
        `${String(l.start.hour).padStart(2, '0')}:${String(l.start.minute).padStart(2, '0')}${l.end ? `-${String(l.end.hour).padStart(2, '0')}:${String(l.end.minute).padStart(2, '0')}` : ''} ${l.title}`,
    );

  it.each([
    ['- 18:00 Introduction\n- 18:30 Talk\n- 20:00 Drinks', ['18:00 Introduction', '18:30 Talk', '20:00 Drinks']],
    ['* 19h : Accueil\n* 19h30 : Conférence', ['19:00 Accueil', '19:30 Conférence']],
    ['* **10:00 – 11:00** | Keynote\n* **11:00 – 12:00** | Panel', ['10:00-11:00 Keynote', '11:00-12:00 Panel']],
    ['> **13:00 – 15:00 | Receso**\n>\n> **15:00 – 17:00 | Taller**', ['13:00-15:00 Receso', '15:00-17:00 Taller']],
    ['1. 9am Registration\n2. 10am Opening', ['09:00 Registration', '10:00 Opening']],
    [
      '- 18:00 Doors\n\n- 18:30 Loose list item\n  continued on a second line',
      ['18:00 Doors', '18:30 Loose list item'],
    ],
  ])('%j', (md, expected) => {
    expect(read(`Programme :\n\n${md}\n\nÀ bientôt.`)).toEqual(expected);
  });

  it.each([
    [
      'a paragraph broken with <br>',
      'Cronograma:<br>\n19:00: Presentación<br>\n19:10: Eduardo Zavala<br>\n20:40: Cierre',
      ['19:00 Presentación', '19:10 Eduardo Zavala', '20:40 Cierre'],
    ],
    [
      'HTML bold times',
      'Cronograma:<br>\n<b>19:00:</b> Presentación<br>\n<b>19.05:</b> Dr. Carmona: "Síntesis"<br>\n<b>20:45:</b> Cierre',
      ['19:00 Presentación', '19:05 Dr. Carmona: "Síntesis"', '20:45 Cierre'],
    ],
    [
      'Markdown hard breaks',
      '18:00 Accueil  \n18:30 Talk\\\n19:30 Apéro',
      ['18:00 Accueil', '18:30 Talk', '19:30 Apéro'],
    ],
    [
      'a table',
      '| Horaire | Programme |\n|---|---|\n| 9h30-9h45 | Accueil café |\n| 12h-13h30 | Pause Déjeuner |',
      ['09:30-09:45 Accueil café', '12:00-13:30 Pause Déjeuner'],
    ],
    ['a nested list', '- Day one\n  - 10:00 Keynote\n  - 11:00 Panel\n- Day two', ['10:00 Keynote', '11:00 Panel']],
  ])('%s', (_, md, expected) => {
    expect(read(`Intro.\n\n${md}\n\nOutro.`)).toEqual(expected);
  });

  it('does not read media timestamps, broken prose or HTML blocks', () => {
    expect(read('* 00:01:45 Projects\n* 00:05:30 Internet bank\n* 01:02:46 Spring Boot')).toEqual([]);
    expect(read('Doors at 18:00,<br>\nthen talks at 18:30.')).toEqual([]);
    expect(read('<div>\n18:00 Doors\n18:30 Talks\n</div>')).toEqual([]);
    expect(read('The schedule:\n18:00 Doors\n18:30 Talks')).toEqual([]); // one visual line in Markdown
  });

  it('keeps list sessions in body order with headings around them', () => {
    expect(read('## 09:00 Welcome\n\n- 10:00 A\n- 11:00 B\n\n## 12:00 Lunch')).toEqual([
      '09:00 Welcome',
      '10:00 A',
      '11:00 B',
      '12:00 Lunch',
    ]);
  });

  it('does not read a list where fewer than two items start with a time', () => {
    expect(read('- 18:00 Doors open\n- Bring a laptop\n- Talks in room 101')).toEqual([]);
    expect(read('- Doors open at 18:15\n- Talks start at 18:30')).toEqual([]);
  });

  it('does not read lists of prices, years or numbers', () => {
    expect(read('- 10.50 euros: members\n- 12.00 euros: others')).toEqual([]);
    expect(read('- 2019: founded\n- 2023: first meetup')).toEqual([]);
    expect(read('1. 3 people per team\n2. 2 laptops each')).toEqual([]);
  });

  it('treats two lists separated by a paragraph as two lists', () => {
    expect(read('- 18:00 One\n\nSome prose.\n\n- 19:00 Two')).toEqual([]);
  });
});

describe('readAgenda: never invents sessions', () => {
  it.each([
    'Doors open at 18:15 and talks start at 18:30.', // time inside prose
    '## 2. Regards croisés', // numbered heading
    '## 2023 programme', // a year
    '## 10.50 euros per ticket', // a price
    '## 100% remote', // a percentage
    '- 14:00 a list item', // a lone timed list item is not an agenda
    '1. 14:00 ordered item',
    '> 14:00 quoted',
    '    14:00 indented code',
    '```\n14:00 in a fence\n```',
    '## 14:00', // no title
    '## 14:00 — 15:00', // no title
    '**Note**: bring a laptop', // bold prefix without a time
    '| 14:00 | table cell |',
    'Lien: https://example.org/14h00',
  ])('%j', (text) => {
    expect(readAgenda(`Intro.\n\n${text}\n\nOutro.`)).toEqual([]);
  });

  it('does not read a time line that is part of a paragraph', () => {
    expect(readAgenda('The schedule is:\n16h00: Pot final\nand more.')).toEqual([]);
  });

  it('reads agenda entries inside callouts', () => {
    expect(readAgenda('{{% callout %}}\n\n## 14h00 : Inside\n\n{{% /callout %}}').map((l) => l.title)).toEqual([
      'Inside',
    ]);
  });

  it.each(['14:00pm-ish talk', '16h00abc'])('rejects glued text %j', (t) => expect(entry(t)).toBeNull());
});

describe('placeSessions', () => {
  const paris: EventTime = {
    kind: 'timed',
    start: Date.parse('2022-12-05T13:00:00Z'),
    end: Date.parse('2022-12-05T17:00:00Z'),
    timeZone: 'Europe/Paris',
    writtenOffset: null,
  };

  it('ends a session at the next start, the last at the event end, on the event clock', () => {
    const sessions = sessionsOf('## 14h00-15h00 : A\n\n## 15h00 - B\n\n16h00: C', paris);
    const clock = agendaClock(paris);
    expect(sessions.map((s) => `${clock.format(s.start)}-${clock.format(s.end)} ${s.title}`)).toEqual([
      '14:00-15:00 A',
      '15:00-16:00 B',
      '16:00-18:00 C',
    ]);
    expect(new Date(sessions[0].start).toISOString()).toBe('2022-12-05T13:00:00.000Z');
  });

  it('reads times at the offset the start was written with', () => {
    const kolkata: EventTime = {
      kind: 'timed',
      start: Date.parse('2024-12-03T04:00:00Z'),
      end: Date.parse('2024-12-03T12:30:00Z'),
      timeZone: 'Europe/Paris',
      writtenOffset: 330,
    };
    const [s] = sessionsOf('## 10:00 Keynote', kolkata);
    expect(new Date(s.start).toISOString()).toBe('2024-12-03T04:30:00.000Z');
  });

  it('reads the abstract and the body, an entry both repeat once', () => {
    const sessions = sessionsOf(['Cronograma:<br>\n14:00: A<br>\n15:00: B', '## 15:00 B\n\n## 16:00 C'], paris);
    expect(sessions.map((s) => s.title)).toEqual(['A', 'B', 'C']);
  });

  it('leaves out sessions outside the event', () => {
    expect(sessionsOf('## 09:00 Too early\n\n## 14:30 Inside\n\n## 19:00 Too late', paris).map((s) => s.title)).toEqual(
      ['Inside'],
    );
  });

  it("places all-day agendas on the first day in the event's zone", () => {
    const day: EventTime = { kind: 'allDay', startDate: '2027-03-22', endDate: '2027-03-24', timeZone: 'Europe/Paris' };
    const lines = readAgenda('## 09:00 Opening\n\n## 18:00 Party');
    const sessions = placeSessions(lines, day, agendaClock(day).at);
    expect(sessions.map((s) => new Date(s.start).toISOString())).toEqual([
      '2027-03-22T08:00:00.000Z',
      '2027-03-22T17:00:00.000Z',
    ]);
    expect(new Date(sessions[1].end).toISOString()).toBe('2027-03-22T23:00:00.000Z');
  });
});

describe('looksWallClock: Z times that the programme gives as local times', () => {
  const paris = (iso: string, writtenUtc = true): EventTime =>
    ({
      kind: 'timed',
      start: Date.parse(iso),
      end: null,
      timeZone: 'Europe/Paris',
      writtenOffset: null,
      ...(writtenUtc ? { writtenUtc } : {}),
    }) as EventTime;
  it('is true when the first session is at the Z clock and not at the zone clock (the seed: 14:00Z, "## 14h00")', () => {
    expect(looksWallClock(paris('2022-12-05T14:00:00Z'), agendaOf('## 14h00-15h00 : Pitchs\n\n16h00: Pot'))).toBe(true);
  });
  it.each([
    [
      'the programme starts at the zone clock (15:00 in Paris for 14:00Z)',
      paris('2022-12-05T14:00:00Z'),
      '## 15h00-16h00 : Pitchs\n\n16h00: Pot',
    ],
    [
      'the time carried an offset, not Z',
      paris('2022-12-05T14:00:00Z', false),
      '## 14h00-15h00 : Pitchs\n\n16h00: Pot',
    ],
    ['the body has no programme', paris('2022-12-05T14:00:00Z'), 'Doors open at 2 pm.'],
    [
      'the zone is UTC itself',
      {
        kind: 'timed',
        start: Date.parse('2022-12-05T14:00:00Z'),
        end: null,
        timeZone: 'UTC',
        writtenOffset: null,
        writtenUtc: true,
      } as EventTime,
      '## 14h00-15h00 : Pitchs\n\n16h00: Pot',
    ],
  ])('is false when %s', (_, time, body) => {
    expect(looksWallClock(time, agendaOf(body))).toBe(false);
  });
});

describe('parseEntry: the title as a person reads it', () => {
  it.each([
    ['14:00 [Keynote](https://example.org/k) by <em>Ada</em>', '14:00 Keynote by Ada'],
    ['14:00 The `calpub` talk ##', '14:00 The calpub talk'],
    ['14:00 An _emphasised_ word (*really*)', '14:00 An emphasised word (really)'],
    ['14:00 A **bold** and __strong__ word', '14:00 A bold and strong word'],
    ['14h00 **Keynote**', '14:00 Keynote'], // a bold title keeps no stars (it was "Keynote**")
    ['14:00 - __Panel__ with guests', '14:00 Panel with guests'],
    ['14:00 Two   spaces\tand a tab', '14:00 Two spaces and a tab'],
    ['14:00) Talk', '14:00 Talk'],
    ['14:00. Talk', '14:00 Talk'],
    ['14:00|Talk', '14:00 Talk'],
    ['14:00:Talk', '14:00 Talk'],
    ['14:00 é', '14:00 é'],
    ['14:00 *Keynote* talk', '14:00 Keynote talk'],
    ['14:00 Talk <span></span>', '14:00 Talk'],
    ['14:00 Issue #42 review', '14:00 Issue #42 review'],
    ['14:00 Intro to C#', '14:00 Intro to C#'],
    ['14:00 Meetup #42', '14:00 Meetup #42'],
    ['14:00 Ratio 1:2 workshop', '14:00 Ratio 1:2 workshop'],
    ['14:00-15.30 Talk', '14:00-15:30 Talk'], // a dotted end is a time: only a dotted start must be followed by a separator
  ])('%j', (text, expected) => expect(entry(text)).toBe(expected));

  it.each(['16h00abc def', '10.50 euros'])('rejects %j: no separator after the time', (t) =>
    expect(entry(t)).toBeNull(),
  );

  it('reads a dotted time only before a separator (a price is not a time)', () => {
    expect(['9.30: Café', '10.50 - Talk', '10.50 – Talk', '10.50 — Talk'].map(entry)).toEqual([
      '09:30 Café',
      '10:50 Talk',
      '10:50 Talk',
      '10:50 Talk',
    ]);
    expect(entry('10.50 Talk')).toBeNull();
  });

  it('needs a letter in the title', () => {
    expect(entry('14:00 1234')).toBeNull();
    expect(entry('14:00')).toBeNull();
  });
});

describe('placeSessions: the edges of a programme', () => {
  const at = (iso: string) => Date.parse(iso);
  const utc = (start: string, end: string | null): EventTime => ({
    kind: 'timed',
    start: at(start),
    end: end === null ? null : at(end),
    timeZone: 'UTC',
    writtenOffset: null,
  });
  const line = (h: number, m: number, title: string, end: [number, number] | null = null) => ({
    start: { hour: h, minute: m },
    end: end && { hour: end[0], minute: end[1] },
    title,
  });
  const place = (lines: ReturnType<typeof line>[], time: EventTime) =>
    placeSessions(lines, time, agendaClock(time).at).map(
      (s) =>
        `${new Date(s.start).toISOString().slice(11, 19)}-${new Date(s.end).toISOString().slice(11, 19)} ${s.title}`,
    );

  it('ends a session at the next later start, not at one that starts with it', () => {
    const time = utc('2024-05-17T10:00:00Z', '2024-05-17T13:00:00Z');
    expect(place([line(10, 0, 'A'), line(10, 0, 'B'), line(11, 0, 'C')], time)).toEqual([
      '10:00:00-11:00:00 A',
      '10:00:00-11:00:00 B',
      '11:00:00-13:00:00 C',
    ]);
  });

  it('ends a session at the start of the line after it, even when an earlier line starts later', () => {
    const time = utc('2024-05-17T09:00:00Z', '2024-05-17T13:00:00Z');
    expect(place([line(11, 0, 'A'), line(10, 0, 'B'), line(12, 0, 'C')], time)).toEqual([
      '11:00:00-12:00:00 A',
      '10:00:00-12:00:00 B',
      '12:00:00-13:00:00 C',
    ]);
  });

  it('keeps the minutes of an end', () => {
    const time = utc('2024-05-17T10:00:00Z', '2024-05-17T13:00:00Z');
    expect(place([line(10, 15, 'A', [11, 45])], time)).toEqual(['10:15:00-11:45:00 A']);
  });

  it('ignores an end at or before its start and uses the next start instead', () => {
    const time = utc('2024-05-17T10:00:00Z', '2024-05-17T13:00:00Z');
    expect(place([line(10, 0, 'A', [10, 0]), line(11, 0, 'B', [9, 0])], time)).toEqual([
      '10:00:00-11:00:00 A',
      '11:00:00-13:00:00 B',
    ]);
  });

  it('gives the last session of an event without an end no length, and keeps the whole first day', () => {
    const time = utc('2024-05-17T10:00:00Z', null);
    expect(place([line(10, 0, 'A'), line(23, 59, 'Late')], time)).toEqual([
      '10:00:00-23:59:00 A',
      '23:59:00-23:59:00 Late',
    ]);
  });

  it('keeps a session at the minute an event starts a few seconds into, moved to the start', () => {
    const time = utc('2024-05-17T19:00:01Z', '2024-05-17T21:00:00Z');
    expect(place([line(19, 0, 'Doors'), line(18, 59, 'Before')], time)).toEqual(['19:00:01-21:00:00 Doors']);
  });

  it('cuts a session that runs past the event at its end, and leaves out one at the end', () => {
    const time = utc('2024-05-17T10:00:00Z', '2024-05-17T12:00:00Z');
    expect(place([line(11, 0, 'Long', [14, 0]), line(12, 0, 'After')], time)).toEqual(['11:00:00-12:00:00 Long']);
  });
});

describe('agendaClock and agendaOf', () => {
  it('shows times on the clock of the offset the start was written with', () => {
    const time: EventTime = {
      kind: 'timed',
      start: Date.parse('2024-12-03T04:00:00Z'),
      end: null,
      timeZone: 'Europe/Paris',
      writtenOffset: 330,
    };
    const clock = agendaClock(time);
    expect(clock.format(Date.parse('2024-12-03T04:45:00Z'))).toBe('10:15');
    expect(new Date(clock.at(0)).toISOString()).toBe('2024-12-02T18:30:00.000Z');
  });

  it('shows times on the zone clock otherwise', () => {
    const time: EventTime = {
      kind: 'timed',
      start: Date.parse('2024-07-03T22:30:00Z'),
      end: null,
      timeZone: 'Europe/Paris',
      writtenOffset: null,
    };
    const clock = agendaClock(time);
    expect(clock.format(Date.parse('2024-07-03T22:45:00Z'))).toBe('00:45');
    expect(new Date(clock.at(60)).toISOString()).toBe('2024-07-03T23:00:00.000Z'); // 01:00 on the 4th in Paris
  });

  it('keeps entries that share a time but not a title, or a title but not a minute', () => {
    expect(agendaOf(['## 10:00 A\n\n## 10:30 A', '## 10:00 B\n\n## 10:30 A']).map((l) => l.title)).toEqual([
      'A',
      'A',
      'B',
    ]);
  });
});

describe('looksWallClock: the minutes count too', () => {
  const z = (iso: string): EventTime =>
    ({
      kind: 'timed',
      start: Date.parse(iso),
      end: null,
      timeZone: 'Europe/Paris',
      writtenOffset: null,
      writtenUtc: true,
    }) as EventTime;
  it('is false when the first session is at another minute of the Z hour', () => {
    expect(looksWallClock(z('2022-12-05T14:30:00Z'), agendaOf('## 14h00 : A\n\n## 15h00 : B'))).toBe(false);
    expect(looksWallClock(z('2022-12-05T14:30:00Z'), agendaOf('## 14h30 : A\n\n## 15h00 : B'))).toBe(true);
  });
  it('is false for an all-day event', () => {
    const day: EventTime = { kind: 'allDay', startDate: '2022-12-05', endDate: '2022-12-05', timeZone: 'Europe/Paris' };
    expect(looksWallClock(day, agendaOf('## 00h00 : A'))).toBe(false);
  });
});
