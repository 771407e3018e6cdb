/**
 * VTIMEZONE blocks: one for every zone this runtime knows, that agree with the offsets the core
 * converts wall-clock times with (else a client reading the VTIMEZONE would move the event).
 */
import ICAL from 'ical.js';
import { isUtcZone, vtimezoneOf, zoneProblem } from '../../lambda/core/vtimezone';
import { zoneOffset } from '../../lambda/core/read/time';

/**
 * Zones whose VTIMEZONE (tz 2026 rules, current rules only) and this runtime's ICU (Node 20: tz
 * 2025c) disagree somewhere in 2025–2027. Morocco and Western Sahara suspend DST for Ramadan, and
 * Palestine changes its dates yearly: a yearly RRULE cannot say either. British Columbia and Alberta
 * moved to permanent daylight time in tz 2026, which Node 20's ICU does not know yet. Clients that
 * know the zone by its TZID (Google, Outlook, Apple, Thunderbird) use their own rules anyway.
 */
const KNOWN_DISAGREEMENTS = ['Africa/Casablanca', 'Africa/El_Aaiun', 'America/Edmonton', 'America/Vancouver', 'Asia/Gaza', 'Asia/Hebron'];

function parseZone(block: string): ICAL.Timezone {
  const root = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${block}END:VCALENDAR\r\n`));
  return new ICAL.Timezone(root.getFirstSubcomponent('vtimezone') as ICAL.Component);
}

describe('vtimezoneOf', () => {
  const zones = Intl.supportedValuesOf('timeZone').filter((z) => !isUtcZone(z));

  it('has a folded, CRLF block for every zone this runtime knows', () => {
    for (const zone of zones) {
      const block = vtimezoneOf(zone);
      expect([zone, block?.startsWith(`BEGIN:VTIMEZONE\r\nTZID:${zone}\r\n`)]).toEqual([zone, true]);
      expect(block?.endsWith('END:VTIMEZONE\r\n')).toBe(true);
      expect(block?.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    }
  });

  it('gives the offsets the core converts with, every 5 days of 2025–2027, in every zone but the known exceptions', () => {
    const disagree: string[] = [];
    for (const zone of zones) {
      const tz = parseZone(vtimezoneOf(zone) as string);
      for (let t = Date.parse('2025-01-01T12:00:00Z'); t < Date.parse('2028-01-01T00:00:00Z'); t += 5 * 86_400_000) {
        if (tz.utcOffset(ICAL.Time.fromJSDate(new Date(t), true)) / 60 !== zoneOffset(zone, t)) {
          disagree.push(zone);
          break;
        }
      }
    }
    expect(disagree).toEqual(KNOWN_DISAGREEMENTS);
  });

  it('is null for a name the library does not know, without printing anything', () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(vtimezoneOf('Mars/Olympus')).toBeNull();
    expect(error).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  });
});

describe('zoneProblem', () => {
  it('accepts IANA zones and UTC, and says what is wrong with anything else', () => {
    expect(zoneProblem('Europe/Paris')).toBeNull();
    expect(zoneProblem('Asia/Calcutta')).toBeNull();
    expect(zoneProblem('UTC')).toBeNull();
    expect(zoneProblem('Paris')).toMatch(/^"Paris" is not an IANA time zone; write one such as `Europe\/Paris`$/);
  });
});
