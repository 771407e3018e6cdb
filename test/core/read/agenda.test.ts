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
