import { agendaClock, parseEntry, placeSessions, readAgenda, sessionsOf } from '../../../lambda/core/read/agenda';
import type { EventTime } from '../../../lambda/core/model';

const entry = (text: string) => {
  const e = parseEntry(text);
  return e && `${String(e.start.hour).padStart(2, '0')}:${String(e.start.minute).padStart(2, '0')}${e.end ? `-${String(e.end.hour).padStart(2, '0')}:${String(e.end.minute).padStart(2, '0')}` : ''} ${e.title}`;
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
    expect(readAgenda(`Intro paragraph.\n\n${line}\n\nMore text.`).map((l) => `${String(l.start.hour).padStart(2, '0')}:${String(l.start.minute).padStart(2, '0')}${l.end ? `-${String(l.end.hour).padStart(2, '0')}:${String(l.end.minute).padStart(2, '0')}` : ''} ${l.title}`)).toEqual([expected]);
  });
});

describe('readAgenda: never invents sessions', () => {
  it.each([
    'Doors open at 18:15 and talks start at 18:30.', // time inside prose
    '## 2. Regards croisés', // numbered heading
    '## 2023 programme', // a year
    '## 10.50 euros per ticket', // a price
    '## 100% remote', // a percentage
    '- 14:00 a list item', // list items are not agenda entries
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
    expect(readAgenda('{{% callout %}}\n\n## 14h00 : Inside\n\n{{% /callout %}}').map((l) => l.title)).toEqual(['Inside']);
  });

  it.each(['14:00pm-ish talk', '16h00abc'])('rejects glued text %j', (t) => expect(entry(t)).toBeNull());
});

describe('placeSessions', () => {
  const paris: EventTime = { kind: 'timed', start: Date.parse('2022-12-05T13:00:00Z'), end: Date.parse('2022-12-05T17:00:00Z'), timeZone: 'Europe/Paris', writtenOffset: null };

  it('ends a session at the next start, the last at the event end, on the event clock', () => {
    const sessions = sessionsOf('## 14h00-15h00 : A\n\n## 15h00 - B\n\n16h00: C', paris, 'UTC');
    const clock = agendaClock(paris, 'UTC');
    expect(sessions.map((s) => `${clock.format(s.start)}-${clock.format(s.end)} ${s.title}`)).toEqual(['14:00-15:00 A', '15:00-16:00 B', '16:00-18:00 C']);
    expect(new Date(sessions[0].start).toISOString()).toBe('2022-12-05T13:00:00.000Z');
  });

  it('reads times at the offset the start was written with', () => {
    const kolkata: EventTime = { kind: 'timed', start: Date.parse('2024-12-03T04:00:00Z'), end: Date.parse('2024-12-03T12:30:00Z'), timeZone: 'Europe/Paris', writtenOffset: 330 };
    const [s] = sessionsOf('## 10:00 Keynote', kolkata, 'UTC');
    expect(new Date(s.start).toISOString()).toBe('2024-12-03T04:30:00.000Z');
  });

  it('leaves out sessions outside the event', () => {
    expect(sessionsOf('## 09:00 Too early\n\n## 14:30 Inside\n\n## 19:00 Too late', paris, 'UTC').map((s) => s.title)).toEqual(['Inside']);
  });

  it('places all-day agendas on the first day in the site zone', () => {
    const day: EventTime = { kind: 'allDay', startDate: '2027-03-22', endDate: '2027-03-24' };
    const lines = readAgenda('## 09:00 Opening\n\n## 18:00 Party');
    const sessions = placeSessions(lines, day, agendaClock(day, 'Europe/Paris').at);
    expect(sessions.map((s) => new Date(s.start).toISOString())).toEqual(['2027-03-22T08:00:00.000Z', '2027-03-22T17:00:00.000Z']);
    expect(new Date(sessions[1].end).toISOString()).toBe('2027-03-22T23:00:00.000Z');
  });
});
