/**
 * VTIMEZONE blocks hold the rules of the events' own years: read by ical.js (as Thunderbird reads
 * them), every zone this runtime knows gives the offsets the core read the events with, at every
 * transition of 1970–2037 (an hour before and after) and in the middle of every season between.
 */
import { vtimezoneBlock } from '../../../lambda/core/formats/vtimezone';
import { zoneProblem } from '../../../lambda/core/read/zones';
import { disagreements, samples } from '../../zone-check';

describe('vtimezoneBlock', () => {
  it('agrees for spans of a few years too, in zones whose rules changed', () => {
    for (const [zone, from, to] of [
      ['America/Sao_Paulo', 2017, 2019],
      ['America/Mexico_City', 2019, 2023],
      ['Europe/Moscow', 2010, 2015],
      ['Pacific/Apia', 2011, 2012],
      ['Africa/Casablanca', 2012, 2020],
      ['Asia/Almaty', 2019, 2025],
      ['America/Nuuk', 2022, 2024],
      ['Europe/Istanbul', 2015, 2017],
      ['Asia/Tehran', 2010, 2013], // rules on a day of the month, not a weekday
    ] as const) {
      expect(
        disagreements(
          zone,
          vtimezoneBlock(zone, from, to),
          samples(zone, Date.UTC(from, 0, 1), Date.UTC(to + 1, 0, 1)),
        ),
      ).toEqual([]);
    }
  });

  it('is a folded, CRLF block named as the events name the zone, link names included', () => {
    for (const zone of ['Europe/Paris', 'Asia/Kolkata', 'Asia/Calcutta', 'America/Montreal']) {
      const block = vtimezoneBlock(zone, 2020, 2027);
      expect(block.startsWith(`BEGIN:VTIMEZONE\r\nTZID:${zone}\r\n`)).toBe(true);
      expect(block.endsWith('END:VTIMEZONE\r\n')).toBe(true);
      expect(block.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    }
  });

  it('is compact: yearly rules where rules repeat, no longer than the span needs', () => {
    const paris = vtimezoneBlock('Europe/Paris', 2022, 2027);
    expect(paris).toBe(
      [
        'BEGIN:VTIMEZONE',
        'TZID:Europe/Paris',
        'BEGIN:STANDARD',
        'DTSTART:20220101T000000',
        'TZOFFSETFROM:+0100',
        'TZOFFSETTO:+0100',
        'END:STANDARD',
        'BEGIN:DAYLIGHT',
        'DTSTART:20220327T020000',
        'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
        'TZOFFSETFROM:+0100',
        'TZOFFSETTO:+0200',
        'END:DAYLIGHT',
        'BEGIN:STANDARD',
        'DTSTART:20221030T030000',
        'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
        'TZOFFSETFROM:+0200',
        'TZOFFSETTO:+0100',
        'END:STANDARD',
        'END:VTIMEZONE',
        '',
      ].join('\r\n'),
    );
    // Mexico City's summer time ended in 2022: its rule closes then.
    expect(vtimezoneBlock('America/Mexico_City', 2019, 2023)).toMatch(
      /RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20220403T080000Z\r\n/,
    );
    // Rules on a day of the month (Iran's March 22), an offset with seconds (Monrovia until 1972, which
    // ical.js reads without them: vtimezone-all-zones.test.ts).
    expect(vtimezoneBlock('Asia/Tehran', 2010, 2013)).toContain(
      '\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=22;UNTIL=20110321T203000Z\r\nTZOFFSETFROM:+0330\r\nTZOFFSETTO:+0430\r\n',
    );
    expect(vtimezoneBlock('Africa/Monrovia', 1970, 1973)).toContain(
      '\r\nDTSTART:19720107T000000\r\nTZOFFSETFROM:-004430\r\nTZOFFSETTO:+0000\r\n',
    );
    // A zone with no change in the span: one observance.
    expect(vtimezoneBlock('Asia/Kolkata', 2020, 2027).match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toHaveLength(1);
    expect(Buffer.byteLength(vtimezoneBlock('Europe/Paris', 1970, 2037))).toBeLessThan(1500);
  });
});

describe('zoneProblem', () => {
  it('accepts every zone this runtime knows and UTC, and says what is wrong with anything else', () => {
    expect(zoneProblem('Europe/Paris')).toBeNull();
    expect(zoneProblem('Asia/Calcutta')).toBeNull();
    expect(zoneProblem('America/Santiago')).toBeNull();
    expect(zoneProblem('UTC')).toBeNull();
    expect(zoneProblem('Paris')).toMatch(/^"Paris" is not an IANA time zone; write one such as `Europe\/Paris`$/);
  });
});
