import { formatClock, parseClockRange, readClockRange } from '../../../lambda/core/read/clock';

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

describe('readClockRange: how much of the text is the time', () => {
  it.each([
    ['14:00 - 3 people', '14:00', 5], // the second number is no time: the first alone
    ['14:00 - 3', '14:00', 5],
    ['9 - 5pm', '09:00-17:00', 7], // 9 > 5: the pm is not 9's
    ['11-1pm', '11:00-13:00', 6],
    ['3-4pm Talk', '15:00-16:00', 5],
    ['14h-16h Atelier', '14:00-16:00', 7],
  ])('%j → %s, %i characters', (input, shown, length) => {
    const read = readClockRange(input);
    expect(
      read && [
        `${formatClock(read.range.start)}${read.range.end ? `-${formatClock(read.range.end)}` : ''}`,
        read.length,
      ],
    ).toEqual([shown, length]);
  });
});
