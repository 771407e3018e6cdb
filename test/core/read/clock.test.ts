import { formatClock, parseClockRange } from '../../../lambda/core/read/clock';

const show = (s: string) => {
  const r = parseClockRange(s);
  return r && `${formatClock(r.start)}${r.end ? `-${formatClock(r.end)}` : ''}`;
};

describe('parseClockRange', () => {
  it.each([
    ['3--4pm', '15:00-16:00'],
    ['10am--3pm', '10:00-15:00'],
    ['11am--1pm', '11:00-13:00'],
    ['14h00-15h00', '14:00-15:00'],
    ['14h00 - 15h00', '14:00-15:00'],
    ['16h', '16:00'],
    ['2:30 PM – 3 PM', '14:30-15:00'],
    ['9am to 5pm', '09:00-17:00'],
    ['14h00 à 15h00', '14:00-15:00'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['19.05', '19:05'],
  ])('%s → %s', (input, expected) => expect(show(input)).toBe(expected));

  it.each(['3', '2024', '3 people', '25:00', '13pm', '10:75', 'noon', ''])('%j is not a clock time', (input) =>
    expect(show(input)).toBeNull(),
  );
});
